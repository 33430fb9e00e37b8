package io.descent.cluster;

import static io.descent.cluster.ClusterRuns.MAX_ITER;
import static io.descent.cluster.ClusterRuns.flags;
import static io.descent.cluster.ClusterRuns.iteration;
import static io.descent.cluster.ClusterRuns.lastIteration;
import static io.descent.cluster.ClusterRuns.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.testing.Datasets;
import io.descent.testing.ModelFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.yarn.api.records.ApplicationAttemptReport;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Descent on a real YARN with a real HDFS ({@link HadoopDaemonsMain}: ResourceManager,
 * NodeManager, NameNode, DataNode), submitted by deploy/submit-yarn.sh itself, in client and
 * in cluster mode. Every container (ApplicationMaster, executors) is a JVM the NodeManager
 * launches. The model must equal the local-mode model (same partitions) bit for bit: in client
 * mode; in cluster mode after an executor JVM and then the ApplicationMaster JVM, the driver,
 * are killed mid-training (YARN starts a second attempt, which resumes from the HDFS checkpoint). A bad input in cluster mode must give the script exit 2, though
 * YARN reports the failure as exit 1. Logs in target/yarn-it/ (containers' in target/descent-yarn/).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YarnIT {
  private static final String TAG = "yarn-it";
  private static final String AM_MAIN = "org.apache.spark.deploy.yarn.ApplicationMaster";
  private static final String EXECUTOR_MAIN = "org.apache.spark.executor.YarnCoarseGrainedExecutorBackend";

  private static Path dir;
  private static YarnCluster cluster;
  private static DeployScript submit;
  private static String data;
  private static Path reference;

  @BeforeAll
  @Timeout(300)
  static void startYarnAndHdfs() throws Exception {
    dir = Paths.get("target", "yarn-it").toAbsolutePath();
    ClusterRuns.deleteRecursively(dir);
    Files.createDirectories(dir);
    SparkHome spark = SparkHome.fromBuild().withAppJarCopiedTo(dir);

    long t0 = System.nanoTime();
    cluster = YarnCluster.start(dir, Duration.ofSeconds(180));
    ClusterRuns.report(TAG, "HDFS (NameNode + DataNode) and YARN (ResourceManager + NodeManager) "
        + "started in %.1f s; HDFS at %s", seconds(t0), cluster.fsUri());

    Path a9a = Datasets.shared("a9a");
    cluster.fs().copyFromLocalFile(new org.apache.hadoop.fs.Path(a9a.toUri()),
        new org.apache.hadoop.fs.Path("/data/a9a"));
    data = cluster.fsUri() + "/data/a9a";

    // A cluster's spark-defaults.conf: Spark's jars are installed on every node (local:), so
    // spark-submit uploads only the application jar; a failed driver gets a second attempt.
    Path sparkConf = dir.resolve("spark-conf");
    Files.createDirectories(sparkConf);
    Files.writeString(sparkConf.resolve("spark-defaults.conf"), String.join("\n",
        "spark.yarn.jars local:" + spark.jars() + "/*",
        "spark.yarn.maxAppAttempts 2",
        "spark.ui.enabled false", ""));
    submit = new DeployScript(spark, sparkConf)
        .with("HADOOP_CONF_DIR", cluster.confDir().toString())
        .with("HADOOP_FS", SparkHome.script("hdfs") + " dfs")
        .with("DESCENT_DRIVER_MEMORY", "768m")
        .with("DESCENT_EXECUTOR_MEMORY", "512m")
        .with("DESCENT_EXECUTOR_CORES", "1")
        .with("DESCENT_NUM_EXECUTORS", "2");

    reference = ClusterRuns.localReference();
  }

  @AfterEach
  void killLeftoverApplications() throws Exception {
    cluster.killRunningApplications();
  }

  @AfterAll
  static void stopYarnAndHdfs() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  @Timeout(360)
  void clientModeTrainsTheLocalModel() throws Exception {
    long t0 = System.nanoTime();
    try (LoggedProcess job = start("client", "client", "--data", data, "--output", model("client"))) {
      assertEquals(0, job.waitFor(Duration.ofSeconds(330)), job.describe());
    }
    ApplicationReport app = succeededOnce("descent-client");
    assertEquals(ModelFiles.weightsText(reference), ModelFiles.weightsText(fetch("client")));
    ClusterRuns.report(TAG, "client mode: %s ran %s; exit 0 in %.1f s; weights bit-identical",
        app.getApplicationId(), executorsOf(app), seconds(t0));
  }

  @Test
  @Order(2)
  @Timeout(360)
  void clusterModeReturnsDescentsExitCodeForBadInput() throws Exception {
    org.apache.hadoop.fs.Path bad = new org.apache.hadoop.fs.Path("/data/bad-row");
    try (var out = cluster.fs().create(bad)) {
      out.write("1 3:1 7:1\n0 2:1 not-a-feature\n1 5:1\n".getBytes(StandardCharsets.US_ASCII));
    }
    long t0 = System.nanoTime();
    int code;
    List<String> said;
    // One attempt: YARN would run a second one, which fails the same way (each attempt writes
    // the exit-code file; the last one's is read), which only costs time here.
    try (LoggedProcess job = submit.start("descent-bad-input", dir.resolve("bad-input.log"),
        "submit-yarn.sh", args("cluster", "--data", cluster.fsUri() + bad, "--output", model("bad-input")),
        Map.of("DESCENT_SUBMIT_OPTS", "--conf spark.yarn.maxAppAttempts=1"))) {
      code = job.waitFor(Duration.ofSeconds(330));
      said = job.lines(l -> l.startsWith("submit-yarn.sh: "));
    }
    ApplicationReport app = cluster.application("descent-bad-input");
    assertEquals(FinalApplicationStatus.FAILED, app.getFinalApplicationStatus());
    assertEquals(2, code, "exit code of submit-yarn.sh; it said " + said);
    assertEquals(List.of("submit-yarn.sh: spark-submit exited 1; the driver's exit code is 2"), said);
    assertFalse(cluster.fs().exists(new org.apache.hadoop.fs.Path("/models/bad-input")));
    assertEquals(List.of(), exitCodeFiles(), "the script removes the exit-code file it read");
    List<ApplicationAttemptReport> attempts = cluster.attempts(app);
    String reason = amLog(app, attempts.get(attempts.size() - 1)).stream()
        .filter(l -> l.startsWith("descent: ")).findFirst().orElse("(none)");
    ClusterRuns.report(TAG, "bad input, cluster mode: YARN final status %s after %d attempt(s), "
        + "spark-submit exit 1, submit-yarn.sh exit %d in %.1f s; the driver said: %s",
        app.getFinalApplicationStatus(), attempts.size(), code, seconds(t0), reason);
  }

  /**
   * Cluster mode through two failures in one run (one application, to spare the suite a run):
   * an executor JVM killed after iteration 4 (Spark starts another, the lost blocks are read
   * again from HDFS, training goes on), then the ApplicationMaster JVM, the driver, killed after
   * iteration 8 (YARN starts attempt 2, which resumes from the newest HDFS checkpoint). The
   * model must still be the local one, and the script's exit code 0.
   */
  @Test
  @Order(3)
  @Timeout(600)
  void survivesAnExecutorAndThenTheDriverKilled() throws Exception {
    String checkpoints = "/checkpoints/driver-kill";
    long t0 = System.nanoTime();
    int executorKilledAfter;
    int killedAfter;
    String newest;
    ApplicationReport app;
    try (LoggedProcess job = start("driver-kill", "cluster", "--data", data,
        "--output", model("driver-kill"), "--checkpoint-dir", cluster.fsUri() + checkpoints)) {
      app = cluster.awaitApplication("descent-driver-kill", job, Duration.ofSeconds(120));
      ProcessHandle am = awaitOne(app, AM_MAIN, job, Duration.ofSeconds(180));
      ApplicationAttemptReport first = cluster.attempts(app).get(0);
      assertTrue(awaitLog(app, first, l -> iteration(l) >= 4, Duration.ofSeconds(240)),
          "no 'iter 4' in the first attempt's driver log " + amLogDir(app, first));
      List<ProcessHandle> executors = cluster.containerProcesses(app, EXECUTOR_MAIN);
      assertEquals(2, executors.size(), "executor JVMs " + executors);
      executors.get(0).destroyForcibly();
      executors.get(0).onExit().get(30, TimeUnit.SECONDS);
      executorKilledAfter = lastIteration(amLog(app, first));
      assertTrue(awaitLog(app, first, l -> iteration(l) >= 8, Duration.ofSeconds(240)),
          "no 'iter 8' after the executor was killed, in " + amLogDir(app, first));
      am.destroyForcibly();
      am.onExit().get(30, TimeUnit.SECONDS);
      killedAfter = lastIteration(amLog(app, first));
      newest = newestCheckpoint(checkpoints);
      assertEquals(0, job.waitFor(Duration.ofSeconds(360)), job.describe());
    }
    double wall = seconds(t0);
    app = cluster.application("descent-driver-kill");
    List<ApplicationAttemptReport> attempts = cluster.attempts(app);
    assertEquals(2, attempts.size(), "YARN ran a second attempt");
    assertEquals(FinalApplicationStatus.SUCCEEDED, app.getFinalApplicationStatus());
    List<String> resumed = amLog(app, attempts.get(1)).stream()
        .filter(l -> l.startsWith("resuming from checkpoint")).collect(Collectors.toList());
    assertEquals(1, resumed.size(), "the second attempt's driver log " + amLogDir(app, attempts.get(1)));
    // The first attempt's locks on the output and checkpoint folders were taken over as an
    // ended attempt's (the rule that holds when YARN runs attempt 2 on another host).
    List<String> takeOvers = amLog(app, attempts.get(1)).stream()
        .filter(l -> l.contains("took over the stale lock")).collect(Collectors.toList());
    assertTrue(!takeOvers.isEmpty() && takeOvers.stream().allMatch(l -> l.contains("it was YARN's "
        + attempts.get(0).getApplicationAttemptId() + ", which has ended")), takeOvers.toString());
    int resumedAt = Integer.parseInt(resumed.get(0).replaceAll(".* at iteration (\\d+) .*", "$1"));
    assertEquals(newest, String.format("step-%08d", resumedAt),
        "resumed from the newest checkpoint on HDFS when the first attempt died");
    Path model = fetch("driver-kill");
    assertEquals(ModelFiles.weightsText(reference), ModelFiles.weightsText(model));
    assertEquals(MAX_ITER + 1, ModelFiles.metrics(model).get("history").size());
    assertTrue(executorKilledAfter < 8, "the executor died before iteration 8");
    assertEquals(List.of(), exitCodeFiles(), "the script removes the exit-code file it read");
    ClusterRuns.report(TAG, "cluster mode, executor then driver lost: %s; an executor JVM killed "
        + "(SIGKILL) after iteration %d, training went on; the ApplicationMaster JVM (the driver) "
        + "killed after iteration %d; YARN attempt 2 logged '%s'; %s in all; exit 0, %.1f s; "
        + "weights bit-identical", app.getApplicationId(), executorKilledAfter, killedAfter,
        resumed.get(0), executorsOf(app), wall);
  }

  private static LoggedProcess start(String name, String mode, String... trainFlags) {
    return submit.start("descent-" + name, dir.resolve(name + ".log"), "submit-yarn.sh",
        args(mode, trainFlags));
  }

  private static List<String> args(String mode, String... trainFlags) {
    List<String> args = new ArrayList<>(List.of(mode));
    args.addAll(flags(trainFlags));
    return args;
  }

  private static String model(String name) {
    return cluster.fsUri() + "/models/" + name;
  }

  private static Path fetch(String name) throws IOException {
    return ClusterRuns.fetch(cluster.fs(), "/models/" + name, dir.resolve("fetched").resolve(name));
  }

  /** The application finished in one attempt with SUCCEEDED. */
  private static ApplicationReport succeededOnce(String name) throws Exception {
    ApplicationReport app = cluster.application(name);
    assertEquals(FinalApplicationStatus.SUCCEEDED, app.getFinalApplicationStatus(), name);
    assertEquals(1, cluster.attempts(app).size(), name + ": attempts");
    return app;
  }

  /** "N containers: the ApplicationMaster + M executors", from the NodeManager's log folders. */
  private static String executorsOf(ApplicationReport app) {
    List<Path> containers = cluster.containerLogs(app);
    // container_<cluster>_<app>_<attempt>_<n>: n = 1 is the attempt's ApplicationMaster.
    long executors = containers.stream().filter(c -> !c.getFileName().toString().endsWith("_000001"))
        .filter(c -> read(c.resolve("stderr")).stream()
            .anyMatch(l -> l.contains("Successfully registered with driver")))
        .count();
    assertTrue(executors >= 2, "executor containers that registered, among " + containers);
    long masters = containers.stream().filter(c -> c.getFileName().toString().endsWith("_000001"))
        .count();
    return containers.size() + " containers (" + masters + " ApplicationMaster, " + executors
        + " executors that registered with the driver)";
  }

  private static List<String> exitCodeFiles() throws IOException {
    org.apache.hadoop.fs.Path d = new org.apache.hadoop.fs.Path(".descent/exit-codes");
    if (!cluster.fs().exists(d)) {
      return List.of();
    }
    return Arrays.stream(cluster.fs().listStatus(d)).map(s -> s.getPath().getName())
        .collect(Collectors.toList());
  }

  private static String newestCheckpoint(String dirPath) throws IOException {
    return Arrays.stream(cluster.fs().listStatus(new org.apache.hadoop.fs.Path(dirPath)))
        .map(FileStatus::getPath).map(org.apache.hadoop.fs.Path::getName)
        .filter(n -> n.matches("step-\\d{8}")).max(String::compareTo)
        .orElseThrow(() -> new AssertionError("no checkpoint in " + dirPath));
  }

  private static Path amLogDir(ApplicationReport app, ApplicationAttemptReport attempt) {
    return cluster.containerLog(app, attempt.getAMContainerId().toString());
  }

  /** The driver's output in cluster mode: the ApplicationMaster container's stdout and stderr. */
  private static List<String> amLog(ApplicationReport app, ApplicationAttemptReport attempt) {
    Path d = amLogDir(app, attempt);
    List<String> lines = new ArrayList<>(read(d.resolve("stdout")));
    lines.addAll(read(d.resolve("stderr")));
    return lines;
  }

  private static boolean awaitLog(ApplicationReport app, ApplicationAttemptReport attempt,
      Predicate<String> match, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (amLog(app, attempt).stream().anyMatch(match)) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  /** Waits until exactly one container JVM runs {@code mainClass}; fails if the submission ended. */
  private static ProcessHandle awaitOne(ApplicationReport app, String mainClass, LoggedProcess job,
      Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end && job.isAlive()) {
      List<ProcessHandle> found = cluster.containerProcesses(app, mainClass);
      if (found.size() == 1) {
        return found.get(0);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no " + mainClass + " container; " + job.describe());
  }

  private static List<String> read(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      return List.of(); // being written: the next poll reads it
    }
  }
}
