package io.descent.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.ExitCodes;
import io.descent.reliability.FaultInjection;
import io.descent.report.Json;
import io.descent.testing.CliRun;
import io.descent.testing.DescentProcess;
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
 * Scheduled retraining end to end. On a real HDFS (MiniDFSCluster) with the shared local
 * Spark, the nights nightly.sh runs (check → train warm-started from latest → promote): night 1
 * trains and publishes; night 2 (good data) promotes; night 3 (30% of labels flipped) trains but
 * is not promoted; night 4 (one feature ×1000) is stopped by the data gate before training;
 * night 5's promote, in a JVM of its own, is killed between promotion.json and the switch: the
 * old champion serves, and the rerun completes the switch. After every step latest names a
 * complete model. Then deploy/retrain/nightly.sh itself, with Descent in JVMs of its own: a
 * night publishes, and its rerun does nothing and exits 0.
 */
class NightlyRetrainIT {
  @TempDir Path tmp;
  private MiniHdfs hdfs;

  @Test
  @Timeout(600)
  @SuppressWarnings("unchecked")
  void fourNightsOnHdfsThenAPromoteKilledBeforeTheSwitch() throws Exception {
    try (MiniHdfs cluster = new MiniHdfs(tmp.resolve("dfs"), 1)) {
      hdfs = cluster;
      String holdout = hdfs.put(NightlyData.good(tmp.resolve("holdout.libsvm"), 2000, 99), "/data/holdout");

      assertEquals(0, night("n1", NightlyData.good(tmp.resolve("n1.libsvm"), 3000, 1), holdout));
      assertEquals("n1", latest());
      assertEquals("promoted", promotion("n1").get("decision"));
      assertTrue(((String) promotion("n1").get("reason")).startsWith("no champion yet"));

      assertEquals(0, night("n2", NightlyData.good(tmp.resolve("n2.libsvm"), 3000, 2), holdout));
      assertEquals("n2", latest());
      assertEquals("n1", promotion("n2").get("champion"));
      assertEquals(false, drift("n2").get("drifted"));
      assertEquals(hdfs.uri() + "/models/n1",
          ((Map<String, Object>) model("n2").get("training")).get("warmStartFrom"));

      assertEquals(ExitCodes.NOT_PROMOTED,
          night("n3", NightlyData.write(tmp.resolve("n3.libsvm"), 3000, 3, 0.3, 0, 1), holdout));
      assertEquals("n2", latest(), "latest unchanged");
      assertEquals(false, drift("n3").get("drifted"), "flipping balanced labels passes the data gate");
      assertTrue(hdfs.exists("/models/n3/_SUCCESS"), "night 3 did train");
      Map<String, Object> refused = promotion("n3");
      assertEquals("not promoted", refused.get("decision"));
      assertTrue(((Number) ((Map<String, Object>) refused.get("interval")).get("regressionLower")).doubleValue() > 0);

      assertEquals(ExitCodes.DRIFT,
          night("n4", NightlyData.write(tmp.resolve("n4.libsvm"), 3000, 4, 0, 5, 1000), holdout));
      assertEquals("n2", latest());
      assertFalse(hdfs.exists("/models/n4"), "stopped before training");
      Map<String, Object> moved = ((List<Map<String, Object>>) drift("n4").get("features")).get(0);
      assertEquals(4, moved.get("index"), "LIBSVM feature 5, the scaled one, moved most");
      assertEquals(true, moved.get("drifted"));
      assertTrue(hdfs.exists("/checks/n4/drift.html"));

      // Night 5: trained, then its promote is killed between promotion.json and the switch.
      String n5 = hdfs.put(NightlyData.good(tmp.resolve("n5.libsvm"), 3000, 5), "/data/n5");
      assertEquals(0, step("check", "--model", models("n2"), "--data", n5, "--output", hdfs.uri() + "/checks/n5"));
      assertEquals(0, step("train", "--data", n5, "--loss", "logistic", "--reg", "1e-4", "--partitions", "2",
          "--warm-start", models("n2"), "--output", models("n5")));
      String[] promote = {"promote", "--candidate", models("n5"), "--models", hdfs.uri() + "/models",
          "--data", holdout};
      try (DescentProcess killed = DescentProcess.startWithOptions(List.of("-Xmx768m",
          "-D" + FaultInjection.HALT_KEY + "=" + Promotion.BEFORE_SWITCH, "-Dspark.master=local[2]"), promote)) {
        assertEquals(137, killed.waitFor(300), killed.output());
        assertTrue(killed.output().contains("halting at " + Promotion.BEFORE_SWITCH), killed.output());
      }
      assertEquals("promoted", promotion("n5").get("decision"), "the decision was recorded");
      assertEquals("n2", latest(), "killed before the switch: the old champion still serves");
      assertEquals(0, step(promote));
      assertEquals("n5", latest(), "the rerun completed the switch");
      List<String> left = new ArrayList<>();
      for (var s : hdfs.fs().listStatus(new org.apache.hadoop.fs.Path("/models"))) {
        left.add(s.getPath().getName());
      }
      assertEquals(List.of("latest", "n1", "n2", "n3", "n5"), left.stream().sorted().toList(),
          "no temporary pointer left");
    }
  }

  @Test
  @Timeout(600)
  void theNightlyScriptPublishesAndItsRerunDoesNothing() throws Exception {
    Path descent = launcher();
    Path models = tmp.resolve("models");
    Path data = NightlyData.good(tmp.resolve("night/train.libsvm"), 2000, 1);
    Path holdout = NightlyData.good(tmp.resolve("night/holdout.libsvm"), 1000, 2);
    String first = script(descent, models, data, holdout, 0);
    assertTrue(first.contains("no data check, training from zero"), first);
    assertTrue(first.contains("published: " + models + "/latest -> v1"), first);
    assertEquals("v1\n", Files.readString(models.resolve("latest")));
    assertTrue(Files.exists(models.resolve("v1/promotion.json")));
    assertFalse(Files.exists(tmp.resolve("checkpoints/v1")), "checkpoints dropped once decided");
    String again = script(descent, models, data, holdout, 0);
    assertTrue(again.contains("already the latest model: nothing to do"), again);
  }

  /** Runs nightly.sh for version v1 and asserts its exit code; returns its output. */
  private String script(Path descent, Path models, Path data, Path holdout, int expected) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", Paths.get("deploy/retrain/nightly.sh").toAbsolutePath().toString(),
        "--loss", "logistic", "--partitions", "2").redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("DESCENT_DATA", data.toString());
    env.put("DESCENT_HOLDOUT", holdout.toString());
    env.put("DESCENT_MODELS", models.toString());
    env.put("DESCENT_CHECKPOINTS", tmp.resolve("checkpoints").toString());
    env.put("DESCENT_VERSION", "v1");
    env.put("DESCENT_SUBMIT", descent + " train");
    env.put("DESCENT_GATE", descent.toString());
    env.put("DESCENT_ATTEMPTS", "1");
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), log);
    assertEquals(expected, p.exitValue(), log);
    return log;
  }

  /**
   * What nightly.sh does for one version, in the shared session: check against the champion
   * (if any), train warm-started from it, promote; the exit code of the first step that stops.
   */
  private int night(String version, Path local, String holdout) throws Exception {
    String data = hdfs.put(local, "/data/" + version);
    String champion = latest();
    List<String> train = new ArrayList<>(List.of("train", "--data", data, "--loss", "logistic",
        "--reg", "1e-4", "--partitions", "2", "--output", models(version),
        "--checkpoint-dir", hdfs.uri() + "/checkpoints/" + version));
    if (champion != null) {
      int check = step("check", "--model", models(champion), "--data", data, "--output",
          hdfs.uri() + "/checks/" + version);
      if (check != 0) {
        return check;
      }
      train.addAll(List.of("--warm-start", models(champion)));
    }
    int trained = step(train.toArray(new String[0]));
    if (trained != 0) {
      return trained;
    }
    return step("promote", "--candidate", models(version), "--models", hdfs.uri() + "/models",
        "--data", holdout);
  }

  /** One command in the shared session; afterwards latest, if any, names a complete model. */
  private int step(String... args) throws IOException {
    CliRun r = CliRun.of(args);
    String name = latest();
    if (name != null) {
      assertTrue(hdfs.exists("/models/" + name + "/_SUCCESS"), "latest names a complete model");
    }
    assertTrue(r.exitCode() == 0 || r.exitCode() == ExitCodes.DRIFT || r.exitCode() == ExitCodes.NOT_PROMOTED,
        r.toString());
    return r.exitCode();
  }

  private String models(String version) {
    return hdfs.uri() + "/models/" + version;
  }

  private String latest() throws IOException {
    return hdfs.exists("/models/latest") ? hdfs.read("/models/latest").strip() : null;
  }

  private Map<String, Object> promotion(String version) throws IOException {
    return Json.readMap(hdfs.read("/models/" + version + "/promotion.json").getBytes(StandardCharsets.UTF_8));
  }

  private Map<String, Object> model(String version) throws IOException {
    return Json.readMap(hdfs.read("/models/" + version + "/model.json").getBytes(StandardCharsets.UTF_8));
  }

  private Map<String, Object> drift(String version) throws IOException {
    return Json.readMap(hdfs.read("/checks/" + version + "/drift.json").getBytes(StandardCharsets.UTF_8));
  }

  /** A script that runs Descent in a JVM with the test's classpath, as bin/descent would. */
  private Path launcher() throws IOException {
    List<String> flags = new ArrayList<>();
    for (String l : Files.readAllLines(Path.of("conf/jvm-options"))) {
      if (!l.isBlank() && !l.startsWith("#")) {
        flags.add(l.trim());
      }
    }
    Path script = tmp.resolve("descent.sh");
    Files.writeString(script, "#!/usr/bin/env bash\nexport SPARK_LOCAL_IP=127.0.0.1\nexec "
        + Paths.get(System.getProperty("java.home"), "bin", "java") + " -Xmx768m " + String.join(" ", flags)
        + " -Dlog4j2.configurationFile=" + Paths.get("conf/log4j2.properties").toAbsolutePath()
        + " -Dspark.master=local[2] -cp '" + System.getProperty("java.class.path")
        + "' io.descent.cli.Main \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }
}
