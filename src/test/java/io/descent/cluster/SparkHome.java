package io.descent.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Spark "distribution" the build assembles in target/spark-home (jars/ from the provided
 * Spark and Hadoop dependencies) and the application jar, with the command lines and the
 * environment of the JVMs run from them, as Spark's own scripts would start them.
 */
final class SparkHome {
  private final Path home;
  private final Path appJar;

  private SparkHome(Path home, Path appJar) {
    this.home = home;
    this.appJar = appJar;
  }

  /** The folders the build made; fails with the command that makes them when missing. */
  static SparkHome fromBuild() {
    Path home = Paths.get(System.getProperty("descent.spark.home", "target/spark-home"))
        .toAbsolutePath().normalize();
    Path jar = Paths.get(System.getProperty("descent.app.jar",
        "target/descent_2.12-0.1.0-SNAPSHOT-app.jar")).toAbsolutePath().normalize();
    try (Stream<Path> jars = Files.list(home.resolve("jars"))) {
      if (jars.noneMatch(p -> p.getFileName().toString().startsWith("spark-core_"))) {
        throw new IllegalStateException("no spark-core jar in " + home.resolve("jars"));
      }
      Files.createDirectories(home.resolve("conf"));
    } catch (IOException e) {
      throw new IllegalStateException(home.resolve("jars") + " is missing: run mvn verify "
          + "(its pre-integration-test phase copies the Spark jars there)", e);
    }
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run mvn verify (package builds it)");
    }
    return new SparkHome(home, jar);
  }

  /**
   * The same, submitting a copy of the application jar: a rebuild during the suite (another
   * mvn in the same tree) must not change the jar under running drivers and executors.
   */
  SparkHome withAppJarCopiedTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path copy = dir.resolve(appJar.getFileName());
    Files.copy(appJar, copy, StandardCopyOption.REPLACE_EXISTING);
    return new SparkHome(home, copy);
  }

  Path appJar() {
    return appJar;
  }

  /** The cluster's own classpath (Spark, Scala, Hadoop and their dependencies). */
  Path jars() {
    return home.resolve("jars");
  }

  /**
   * What every Spark process needs: without SPARK_HOME the executors a Worker launches fail
   * and the job waits forever; without SPARK_SCALA_VERSION the launcher looks for a source
   * build; SPARK_LOCAL_IP keeps every server on loopback. Executors inherit it from their Worker.
   */
  Map<String, String> environment() {
    return Map.of("SPARK_HOME", home.toString(),
        "SPARK_SCALA_VERSION", System.getProperty("descent.scala.binary.version", "2.12"),
        "SPARK_LOCAL_IP", "127.0.0.1");
  }

  /**
   * {@code java -Xmx.. <conf/jvm-options> -cp $SPARK_HOME/conf:$SPARK_HOME/jars/* main args}:
   * spark-class's command, with the options spark-submit's launcher gives a client-mode driver
   * (Spark's Java 17 list plus {@link #extraJavaOptions()} as spark.driver.extraJavaOptions).
   */
  List<String> java(String heap, String mainClass, List<String> args) {
    return java(heap, home.resolve("conf") + "/:" + home.resolve("jars") + "/*", mainClass, args);
  }

  /** The same JVM options with another classpath (the test classpath, for the Hadoop daemons). */
  static List<String> java(String heap, String classpath, String mainClass, List<String> args) {
    return java(heap, List.of(), classpath, mainClass, args);
  }

  /** The same with more JVM options. */
  static List<String> java(String heap, List<String> options, String classpath, String mainClass,
      List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaHome().resolve("bin").resolve("java").toString());
    cmd.add("-Xmx" + heap);
    cmd.addAll(jvmOptions());
    cmd.addAll(options);
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(mainClass);
    cmd.addAll(args);
    return cmd;
  }

  /** The JDK running the tests: every JVM the tests start (and JAVA_HOME of the scripts). */
  static Path javaHome() {
    return Paths.get(System.getProperty("java.home"));
  }

  /** Scripts that stand in for a Spark or Hadoop installation's bin/ (src/test/scripts). */
  static Path script(String name) {
    return Paths.get("src", "test", "scripts", name).toAbsolutePath();
  }

  /**
   * The entries of conf/jvm-options that Spark does not add to its JVMs by itself (it adds the
   * --add-opens list): what deploy/common.sh passes as spark.{driver,executor}.extraJavaOptions,
   * so executors pick the same BLAS implementation as local mode.
   */
  static String extraJavaOptions() {
    return jvmOptions().stream().filter(o -> !sparkAddsItself(o))
        .collect(Collectors.joining(" "));
  }

  private static boolean sparkAddsItself(String option) {
    return option.startsWith("--add-opens=") || option.equals("-XX:+IgnoreUnrecognizedVMOptions")
        || option.startsWith("-Djdk.reflect.useDirectMethodHandle=");
  }

  private static List<String> jvmOptions() {
    try {
      List<String> out = new ArrayList<>();
      for (String l : Files.readAllLines(Paths.get("conf/jvm-options"))) {
        if (!l.isBlank() && !l.startsWith("#")) {
          out.add(l.trim());
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
