package io.descent.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.ExitCodes;
import io.descent.reliability.FaultInjection;
import io.descent.report.Json;
import io.descent.testing.MiniHdfs;
import io.descent.testing.NightlyData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/retrain/nightly.sh end to end, each Descent step a JVM of its own with a real local
 * Spark, models and checkpoints on a real HDFS (MiniDFSCluster), files touched through Hadoop's
 * FsShell as `hdfs dfs` would. Night 1 trains and publishes; night 2 (good data) promotes;
 * night 3 (30% of labels flipped) trains but is not promoted; night 4 (one feature ×1000) is
 * stopped by the data gate before training; a finished night rerun does nothing; a night killed
 * between promotion.json and the switch leaves the old champion, and its rerun completes it.
 * After every run, latest names a complete model.
 */
class NightlyRetrainIT {
  @TempDir Path tmp;
  private MiniHdfs hdfs;
  private Path descent;
  private Path haltingDescent;
  private Path fsShell;

  @Test
  @Timeout(900)
  void fourNightsThenARerunThenAKilledPromote() throws Exception {
    try (MiniHdfs cluster = new MiniHdfs(tmp.resolve("dfs"), 1)) {
      hdfs = cluster;
      descent = launcher("descent.sh", "io.descent.cli.Main", "");
      haltingDescent = launcher("descent-halting.sh", "io.descent.cli.Main",
          "-D" + FaultInjection.HALT_KEY + "=" + Promotion.BEFORE_SWITCH);
      // FsShell insists on a core-site.xml on its classpath (an empty one will do).
      Path siteDir = Files.createDirectories(tmp.resolve("hadoop-conf"));
      Files.writeString(siteDir.resolve("core-site.xml"), "<configuration/>\n");
      fsShell = launcher("fs.sh", "org.apache.hadoop.fs.FsShell", "", siteDir + ":");
      String holdout = put(NightlyData.good(tmp.resolve("holdout.libsvm"), 2000, 99), "/data/holdout");

      Night n1 = night("n1", NightlyData.good(tmp.resolve("n1/train.libsvm"), 3000, 1), holdout, descent);
      assertEquals(0, n1.exit, n1.log);
      assertEquals("n1", latest());
      assertEquals("promoted", promotion("n1").get("decision"));
      assertTrue(n1.log.contains("no data check, training from zero"), n1.log);

      Night n2 = night("n2", NightlyData.good(tmp.resolve("n2/train.libsvm"), 3000, 2), holdout, descent);
      assertEquals(0, n2.exit, n2.log);
      assertEquals("n2", latest());
      assertTrue(n2.log.contains("warm start from"), n2.log);
      assertEquals("n1", promotion("n2").get("champion"));
      assertEquals(false, drift("n2").get("drifted"));

      Night n3 = night("n3", NightlyData.write(tmp.resolve("n3/train.libsvm"), 3000, 3, 0.3, 0, 1), holdout, descent);
      assertEquals(ExitCodes.NOT_PROMOTED, n3.exit, n3.log);
      assertEquals("n2", latest(), "latest unchanged");
      assertEquals("not promoted", promotion("n3").get("decision"));
      assertTrue(hdfs.exists("/models/n3/_SUCCESS"), "night 3 did train");
      assertEquals(false, drift("n3").get("drifted"), "flipping balanced labels passes the data gate");

      Night n4 = night("n4", NightlyData.write(tmp.resolve("n4/train.libsvm"), 3000, 4, 0, 5, 1000), holdout, descent);
      assertEquals(ExitCodes.DRIFT, n4.exit, n4.log);
      assertEquals("n2", latest());
      assertFalse(hdfs.exists("/models/n4"), "stopped before training");
      assertEquals(true, drift("n4").get("drifted"));
      @SuppressWarnings("unchecked")
      Map<String, Object> moved = ((List<Map<String, Object>>) drift("n4").get("features")).get(0);
      assertEquals(4, moved.get("index"), "LIBSVM feature 5, the scaled one, moved most");
      assertTrue(hdfs.exists("/checks/n4/drift.html"));

      Night again = night("n2", tmp.resolve("n2/train.libsvm"), holdout, descent);
      assertEquals(0, again.exit, again.log);
      assertTrue(again.log.contains("already the latest model: nothing to do"), again.log);
      Night refusedAgain = night("n3", tmp.resolve("n3/train.libsvm"), holdout, descent);
      assertEquals(ExitCodes.NOT_PROMOTED, refusedAgain.exit, refusedAgain.log);
      assertTrue(refusedAgain.log.contains("was not promoted on an earlier run"), refusedAgain.log);

      Night killed = night("n5", NightlyData.good(tmp.resolve("n5/train.libsvm"), 3000, 5), holdout, haltingDescent);
      assertEquals(ExitCodes.FAILURE, killed.exit, killed.log);
      assertTrue(killed.log.contains("descent fault injection: halting at " + Promotion.BEFORE_SWITCH), killed.log);
      assertEquals("promoted", promotion("n5").get("decision"), "the decision was recorded");
      assertEquals("n2", latest(), "killed before the switch: the old champion still serves");
      Night resumed = night("n5", tmp.resolve("n5/train.libsvm"), holdout, descent);
      assertEquals(0, resumed.exit, resumed.log);
      assertTrue(resumed.log.contains("is trained already"), resumed.log);
      assertEquals("n5", latest(), "the rerun completed the switch");
      assertFalse(hdfs.exists("/checkpoints/n5"), "checkpoints dropped once decided");
    }
  }

  private record Night(int exit, String log) {}

  /** One nightly.sh run for {@code version}; then latest must name a complete model. */
  private Night night(String version, Path data, String holdout, Path gate) throws Exception {
    String hdfsData = hdfs.exists("/data/" + version) ? hdfs.uri() + "/data/" + version
        : put(data, "/data/" + version);
    ProcessBuilder pb = new ProcessBuilder("bash", Paths.get("deploy/retrain/nightly.sh").toAbsolutePath().toString(),
        "--loss", "logistic", "--reg", "1e-4", "--partitions", "2")
        .redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("DESCENT_DATA", hdfsData);
    env.put("DESCENT_HOLDOUT", holdout);
    env.put("DESCENT_MODELS", hdfs.uri() + "/models");
    env.put("DESCENT_CHECKPOINTS", hdfs.uri() + "/checkpoints");
    env.put("DESCENT_CHECKS", hdfs.uri() + "/checks");
    env.put("DESCENT_VERSION", version);
    env.put("DESCENT_SUBMIT", descent + " train");
    env.put("DESCENT_GATE", gate.toString());
    env.put("DESCENT_ATTEMPTS", "1");
    env.put("HADOOP_FS", fsShell.toString());
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    String log = new String(out, StandardCharsets.UTF_8);
    String name = latest();
    if (name != null) {
      assertTrue(hdfs.exists("/models/" + name + "/_SUCCESS"), "latest names a complete model\n" + log);
    }
    return new Night(p.exitValue(), log);
  }

  private String latest() throws IOException {
    return hdfs.exists("/models/latest") ? hdfs.read("/models/latest").strip() : null;
  }

  private Map<String, Object> promotion(String version) throws IOException {
    return Json.readMap(hdfs.read("/models/" + version + "/promotion.json").getBytes(StandardCharsets.UTF_8));
  }

  private Map<String, Object> drift(String version) throws IOException {
    return Json.readMap(hdfs.read("/checks/" + version + "/drift.json").getBytes(StandardCharsets.UTF_8));
  }

  private String put(Path local, String path) throws IOException {
    return hdfs.put(local, path);
  }

  /** A script that runs {@code main} in a JVM with the test's classpath, as bin/descent would. */
  private Path launcher(String name, String main, String extra) throws IOException {
    return launcher(name, main, extra, "");
  }

  private Path launcher(String name, String main, String extra, String classpathHead) throws IOException {
    List<String> flags = new ArrayList<>();
    for (String l : Files.readAllLines(Path.of("conf/jvm-options"))) {
      if (!l.isBlank() && !l.startsWith("#")) {
        flags.add(l.trim());
      }
    }
    Path script = tmp.resolve(name);
    Files.writeString(script, "#!/usr/bin/env bash\nexport SPARK_LOCAL_IP=127.0.0.1\nexec "
        + Paths.get(System.getProperty("java.home"), "bin", "java") + " -Xmx768m " + String.join(" ", flags)
        + " -Dlog4j2.configurationFile=" + Paths.get("conf/log4j2.properties").toAbsolutePath()
        + " -Dspark.master=local[2] " + extra + " -cp '" + classpathHead + System.getProperty("java.class.path") + "' "
        + main + " \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }
}
