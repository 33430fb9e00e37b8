package io.descent.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.descent.testing.Datasets;
import io.descent.testing.MiniHdfs;
import io.descent.testing.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Descent's application jar on a real multi-process Spark cluster: a standalone Master and two
 * one-core Workers on loopback, run from the jars the build copies into target/spark-home,
 * the job submitted through SparkSubmit (client mode), data, checkpoints and model on a real
 * HDFS. The model must equal, bit for bit, the one local mode trains with the same partition
 * count: plain, after an executor JVM is killed with SIGKILL mid-training, and after the
 * driver JVM is killed and the job resubmitted. One cluster and one HDFS serve every test.
 * Logs of every process stay in target/cluster-it/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
  private static final Pattern ITER = Pattern.compile("^iter\\s+(\\d+)\\s");
  /** The flags of every run: ClusterRuns.TRAINING, the same as the local reference's. */
  private static final int MAX_ITER = ClusterRuns.MAX_ITER;

  private static Path dir;
  private static SparkHome spark;
  private static StandaloneCluster cluster;
  private static MiniHdfs hdfs;
  private static String data;
  private static Path reference;
  private static double plainClusterSeconds = Double.NaN;

  @BeforeAll
  @Timeout(420)
  static void startClusterAndHdfs() throws Exception {
    dir = Paths.get("target", "cluster-it").toAbsolutePath();
    deleteRecursively(dir);
    Files.createDirectories(dir);
    spark = SparkHome.fromBuild().withAppJarCopiedTo(dir);

    cluster = StandaloneCluster.start(spark, dir, 2, Duration.ofSeconds(90));
    report("standalone cluster (master + 2 workers) started in %.1f s at %s",
        cluster.startupSeconds(), cluster.masterUrl());

    long t0 = System.nanoTime();
    hdfs = new MiniHdfs(dir.resolve("dfs"), 2);
    Path a9a = Datasets.shared("a9a");
    data = hdfs.put(a9a, "/data/a9a");
    report("HDFS (1 NameNode + 2 DataNodes) started in %.1f s at %s", seconds(t0), hdfs.uri());

    reference = ClusterRuns.localReference();
    report("local-mode reference: %.4f s/iteration", secondsPerIteration(ModelFiles.metrics(reference)));
  }

  @AfterAll
  static void stopClusterAndHdfs() {
    if (cluster != null) {
      cluster.close();
    }
    if (hdfs != null) {
      hdfs.close();
    }
  }

  @Test
  @Order(1)
  @Timeout(420)
  void trainsTheSameModelAsLocalMode() throws Exception {
    long t0 = System.nanoTime();
    try (LoggedProcess job = submit("plain", "--data", data, "--output", model("plain"))) {
      assertEquals(0, job.waitFor(Duration.ofSeconds(400)), job.describe());
    }
    plainClusterSeconds = seconds(t0);
    Path model = fetch("plain");
    assertEquals(ModelFiles.weightsText(reference), ModelFiles.weightsText(model));
    report("cluster run: submit to exit %.1f s; %.4f s/iteration on the cluster vs %.4f s/iteration "
        + "in local mode; weights bit-identical", plainClusterSeconds,
        secondsPerIteration(ModelFiles.metrics(model)),
        secondsPerIteration(ModelFiles.metrics(reference)));
  }

  @Test
  @Order(2)
  @Timeout(480)
  void survivesTheLossOfAnExecutor() throws Exception {
    long t0 = System.nanoTime();
    int killedAfter;
    long killedPid;
    try (LoggedProcess job = submit("executor-kill", "--data", data,
        "--output", model("executor-kill"))) {
      assertTrue(job.awaitLine(l -> iteration(l) >= 5, Duration.ofSeconds(300)), job.describe());
      List<ProcessHandle> executors = cluster.executors(0);
      assertFalse(executors.isEmpty(), "worker 1 runs no executor");
      for (ProcessHandle executor : executors) {
        executor.destroyForcibly();
      }
      killedAfter = lastIteration(job);
      killedPid = executors.get(0).pid();
      for (ProcessHandle executor : executors) {
        executor.onExit().get(30, TimeUnit.SECONDS);
      }
      assertEquals(0, job.waitFor(Duration.ofSeconds(400)), job.describe());
      assertTrue(lastIteration(job) > killedAfter, "training went on after the kill");
    }
    double wall = seconds(t0);
    Path model = fetch("executor-kill");
    assertEquals(ModelFiles.weightsText(reference), ModelFiles.weightsText(model));
    JsonNode history = ModelFiles.metrics(model).get("history");
    assertEquals(MAX_ITER + 1, history.size());
    // The Worker saw its executor die of the SIGKILL (the driver's own "Lost executor" line
    // depends on whether a task was running on it at that moment).
    assertTrue(cluster.worker(0).awaitLine(l -> l.contains("exitStatus 137"), Duration.ofSeconds(30)),
        cluster.worker(0).describe());
    List<String> workerLog = cluster.worker(0).lines(l -> l.contains("descent-executor-kill")
        || l.contains("exitStatus 137"));
    report("executor loss: executor pid %d of worker 1 killed (SIGKILL) after iteration %d; the job "
        + "finished, exit 0, in %.1f s (%.1f s without a kill); slowest iteration %.2f s vs median "
        + "%.3f s; weights bit-identical. Worker 1 log: %s", killedPid, killedAfter, wall,
        plainClusterSeconds, maxSeconds(history), medianSeconds(history), workerLog);
  }

  @Test
  @Order(3)
  @Timeout(720)
  void resumesFromTheHdfsCheckpointAfterTheDriverIsKilled() throws Exception {
    String[] run = {"--data", data, "--output", model("driver-kill"),
        "--checkpoint-dir", hdfs.uri() + "/checkpoints/driver-kill"};
    long t0 = System.nanoTime();
    int killedAfter;
    try (LoggedProcess first = submit("driver-kill-1", run)) {
      assertTrue(first.awaitLine(l -> iteration(l) >= 8, Duration.ofSeconds(300)), first.describe());
      first.kill();
      killedAfter = lastIteration(first);
    }
    assertFalse(hdfs.exists("/models/driver-kill"), "killed before the model was written");
    String resumed;
    try (LoggedProcess second = submit("driver-kill-2", run)) {
      assertEquals(0, second.waitFor(Duration.ofSeconds(400)), second.describe());
      List<String> resuming = second.lines(l -> l.startsWith("resuming from checkpoint"));
      assertEquals(1, resuming.size(), second.describe());
      resumed = resuming.get(0);
    }
    double wall = seconds(t0);
    assertTrue(hdfs.exists("/models/driver-kill/_SUCCESS"));
    Path model = fetch("driver-kill");
    assertEquals(ModelFiles.weightsText(reference), ModelFiles.weightsText(model));
    assertEquals(MAX_ITER + 1, ModelFiles.metrics(model).get("history").size());
    report("driver loss: SparkSubmit JVM (client-mode driver) killed (SIGKILL) after iteration %d; "
        + "resubmitted: '%s'; both runs took %.1f s; weights bit-identical", killedAfter,
        resumed, wall);
  }

  private static LoggedProcess submit(String name, String... more) {
    return AppSubmission.start(spark, cluster.masterUrl(), "descent-" + name,
        dir.resolve(name + ".log"), Arrays.asList(args(more)));
  }

  private static String model(String name) {
    return hdfs.uri() + "/models/" + name;
  }

  /** Copies a model directory from HDFS, to read it with ModelFiles. */
  private static Path fetch(String name) throws IOException {
    Path local = dir.resolve("fetched").resolve(name);
    Files.createDirectories(local.getParent());
    hdfs.fs().copyToLocalFile(new org.apache.hadoop.fs.Path("/models/" + name),
        new org.apache.hadoop.fs.Path(local.toUri()));
    return local;
  }

  private static String[] args(String... more) {
    return ClusterRuns.train(more);
  }

  private static int iteration(String line) {
    Matcher m = ITER.matcher(line);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static int lastIteration(LoggedProcess p) {
    return p.lines(l -> iteration(l) >= 0).stream()
        .mapToInt(StandaloneClusterIT::iteration).max().orElse(-1);
  }

  /** Mean wall seconds of iterations 1.. (iteration 0 is the start: load and first evaluation). */
  private static double secondsPerIteration(JsonNode metrics) {
    return iterationSeconds(metrics.get("history")).average().orElse(Double.NaN);
  }

  private static double maxSeconds(JsonNode history) {
    return iterationSeconds(history).max().orElse(Double.NaN);
  }

  private static double medianSeconds(JsonNode history) {
    double[] s = iterationSeconds(history).sorted().toArray();
    return s.length == 0 ? Double.NaN : s[s.length / 2];
  }

  private static java.util.stream.DoubleStream iterationSeconds(JsonNode history) {
    List<Double> out = new ArrayList<>();
    history.forEach(r -> {
      if (r.get("iteration").asInt() > 0) {
        out.add(r.get("seconds").asDouble());
      }
    });
    return out.stream().mapToDouble(Double::doubleValue);
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Figures for the record: one line each, easy to find in the failsafe output. */
  private static void report(String format, Object... values) {
    System.out.println("[cluster-it] " + String.format(format, values));
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> all = Files.walk(p)) {
      for (Path q : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(q);
      }
    }
  }
}
