package io.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a command's JVM ends: the exit-code file, and the YARN ApplicationMaster's rules. */
class ProcessEndTest {
  @TempDir
  Path dir;

  @Test
  void writesTheCodeToTheFileTheEnvironmentNames() throws Exception {
    Path file = dir.resolve("codes").resolve("run-1");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ProcessEnd.record(2, Map.of(ProcessEnd.EXIT_CODE_FILE_VARIABLE, file.toUri().toString()),
        new Properties(), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals("2\n", Files.readString(file));
    // A later attempt of the same run has the last word.
    ProcessEnd.record(0, Map.of(ProcessEnd.EXIT_CODE_FILE_VARIABLE, file.toUri().toString()),
        new Properties(), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals("0\n", Files.readString(file));
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void withoutTheVariableWritesNothingAndAFailedWriteIsAWarning() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ProcessEnd.record(3, Map.of(), new Properties(), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals("", err.toString(StandardCharsets.UTF_8));
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    ProcessEnd.record(3, Map.of(ProcessEnd.EXIT_CODE_FILE_VARIABLE,
        notADirectory.toUri() + "/code"), new Properties(),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(
        "descent: warning: could not write exit code 3 to "), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void knowsTheDriverOfYarnClusterModeOnly() {
    Properties am = new Properties();
    am.setProperty("spark.master", "yarn");
    am.setProperty("spark.submit.deployMode", "cluster");
    am.setProperty("spark.yarn.app.id", "application_1_0001");
    assertTrue(ProcessEnd.insideYarnApplicationMaster(am));
    Properties client = new Properties();
    client.setProperty("spark.master", "yarn");
    client.setProperty("spark.submit.deployMode", "client");
    assertFalse(ProcessEnd.insideYarnApplicationMaster(client));
    Properties standaloneCluster = new Properties();
    standaloneCluster.setProperty("spark.master", "spark://m:7077");
    standaloneCluster.setProperty("spark.submit.deployMode", "cluster");
    assertFalse(ProcessEnd.insideYarnApplicationMaster(standaloneCluster));
  }

  @Test
  void takesTheSparkHadoopSettings() {
    Properties p = new Properties();
    p.setProperty("spark.hadoop.fs.defaultFS", "hdfs://nn:9820");
    p.setProperty("spark.executor.memory", "1g");
    assertEquals("hdfs://nn:9820", ProcessEnd.hadoopConfiguration(p).get("fs.defaultFS"));
  }
}
