package io.descent.cluster;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Descent from a submitting machine to a cluster whose machines have addresses of their own:
 * six network namespaces on a private bridge ({@link NetworkHosts}), one per host: a Spark
 * Master, two Workers, an HDFS NameNode, a DataNode, and the submitting machine, whose only
 * route is the bridge. From there {@code bin/descent train --master spark://...} and
 * deploy/submit-standalone.sh must train the local-mode model bit for bit, with nobody
 * exporting SPARK_LOCAL_IP on the submitting machine: the driver must bind to an address the
 * executors on the worker hosts reach (their logs must show them connecting to it). Skipped,
 * saying why, where namespaces cannot be made (not root, no CAP_SYS_ADMIN, no iproute2).
 */
class StandaloneMultiHostIT {
  private static final String TAG = "multi-host-it";
  private static final List<String> HOSTS =
      List.of("master", "worker1", "worker2", "namenode", "datanode", "client");

  private static Path dir;
  private static SparkHome spark;
  private static NetworkHosts net;
  private static HdfsDaemons hdfs;
  private static StandaloneCluster cluster;
  private static String data;
  private static Path reference;

  @BeforeAll
  @Timeout(300)
  static void startHosts() throws Exception {
    dir = Paths.get("target", "multi-host-it").toAbsolutePath();
    ClusterRuns.deleteRecursively(dir);
    Files.createDirectories(dir);
    long t0 = System.nanoTime();
    try {
      net = NetworkHosts.create(HOSTS);
    } catch (NetworkHosts.Unavailable e) {
      Assumptions.abort("SKIPPED: cannot create network namespaces here (" + e.getMessage()
          + "). They need root (CAP_SYS_ADMIN and CAP_NET_ADMIN) and iproute2, as on the "
          + "project's CI machines and developer machines.");
    }
    spark = SparkHome.fromBuild().withAppJarCopiedTo(dir);
    ClusterRuns.report(TAG, "hosts %s on a private bridge, made in %.1f s", addresses(), seconds(t0));

    t0 = System.nanoTime();
    hdfs = HdfsDaemons.start(dir.resolve("hdfs"), net, Duration.ofSeconds(150));
    cluster = StandaloneCluster.start(spark, dir, 2, Duration.ofSeconds(150), net);
    ClusterRuns.report(TAG, "HDFS (NameNode, DataNode) and Spark (Master, 2 Workers) on their "
        + "hosts in %.1f s: %s, %s", seconds(t0), hdfs.uri(), cluster.masterUrl());

    Path a9a = Datasets.shared("a9a");
    assertEquals(0, onClient("put", List.of(SparkHome.script("hdfs").toString(), "dfs", "-put",
        a9a.toString(), "/a9a"), Map.of()).waitFor(Duration.ofSeconds(120)));
    data = hdfs.uri() + "/a9a";

    reference = ClusterRuns.localReference();
  }

  @AfterAll
  static void stopHosts() {
    if (cluster != null) {
      cluster.close();
    }
    if (hdfs != null) {
      hdfs.close();
    }
    if (net != null) {
      net.close();
    }
  }

  @Test
  @Timeout(60)
  void theHostsReachOnlyEachOther() throws Exception {
    String routes = net.routes("client").trim();
    assertEquals(List.of("10.201.7.0/24"), routes.lines().map(l -> l.split(" ")[0])
        .collect(Collectors.toList()), "the submitting host's routes:\n" + routes);
  }

  @Test
  @Timeout(420)
  void binDescentTrainsFromTheSubmittingHost() throws Exception {
    List<String> args = new ArrayList<>(List.of(Paths.get("bin", "descent").toAbsolutePath().toString()));
    args.addAll(List.of(ClusterRuns.train("--master", cluster.masterUrl(), "--data", data,
        "--output", hdfs.uri() + "/models/bin-descent")));
    trainsTheLocalModel("bin-descent", args, Map.of("DESCENT_DRIVER_MEMORY", "1g",
        "DESCENT_JAVA_OPTS", "-Dspark.executor.memory=512m"));
  }

  @Test
  @Timeout(420)
  void submitStandaloneTrainsFromTheSubmittingHost() throws Exception {
    List<String> args = new ArrayList<>(List.of("bash",
        Paths.get("deploy", "submit-standalone.sh").toAbsolutePath().toString()));
    args.addAll(ClusterRuns.flags("--data", data, "--output", hdfs.uri() + "/models/submit-standalone"));
    trainsTheLocalModel("submit-standalone", args, Map.of("MASTER", cluster.masterUrl(),
        "SPARK_SUBMIT", SparkHome.script("spark-submit").toString(),
        "DESCENT_JAR", spark.appJar().toString(), "DESCENT_EXECUTOR_MEMORY", "512m"));
  }

  /** Runs {@code command} on the submitting host; the executors must reach its driver there. */
  private static void trainsTheLocalModel(String name, List<String> command, Map<String, String> env)
      throws Exception {
    Set<Path> before = executorLogs();
    long t0 = System.nanoTime();
    try (LoggedProcess job = onClient(name, command, env)) {
      assertEquals(0, job.waitFor(Duration.ofSeconds(360)), job.describe());
    }
    double wall = seconds(t0);
    Path model = dir.resolve("fetched").resolve(name);
    Files.createDirectories(model.getParent());
    try (LoggedProcess get = onClient(name + "-get", List.of(SparkHome.script("hdfs").toString(),
        "dfs", "-get", "/models/" + name, model.toString()), Map.of())) {
      assertEquals(0, get.waitFor(Duration.ofSeconds(120)), get.describe());
    }
    assertEquals(ModelFiles.weightsText(reference), ModelFiles.weightsText(model));

    // Each executor of this run (on the worker hosts) connected to the driver on the client host.
    String driver = "CoarseGrainedScheduler@" + net.address("client") + ":";
    List<Path> executors = executorLogs().stream().filter(p -> !before.contains(p)).sorted()
        .collect(Collectors.toList());
    assertFalse(executors.isEmpty(), "no executor logs under " + dir);
    List<String> hosts = new ArrayList<>();
    for (Path log : executors) {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      assertTrue(lines.stream().anyMatch(l -> l.contains("Connecting to driver: spark://" + driver)),
          log + " shows no connection to the driver at " + driver);
      hosts.add(dir.relativize(log).getName(0).toString());
    }
    assertTrue(hosts.containsAll(List.of("work1", "work2")), "executors on both workers: " + hosts);
    ClusterRuns.report(TAG, "%s from the submitting host %s: exit 0 in %.1f s; executors on %s "
        + "connected to the driver at %s; weights bit-identical", name, net.address("client"),
        wall, hosts, net.address("client"));
  }

  /** A process on the submitting host, with no SPARK_LOCAL_IP: a user's shell exports none. */
  private static LoggedProcess onClient(String name, List<String> command, Map<String, String> more) {
    List<String> cmd = new ArrayList<>(List.of("env", "-u", "SPARK_LOCAL_IP"));
    cmd.addAll(command);
    Map<String, String> env = new HashMap<>(Map.of("SPARK_HOME", spark.jars().getParent().toString(),
        "SPARK_SCALA_VERSION", "2.12", "JAVA_HOME", SparkHome.javaHome().toString(),
        "HADOOP_CONF_DIR", hdfs == null ? "" : hdfs.confDir().toString()));
    env.putAll(more);
    return LoggedProcess.start(name, net.command("client", cmd), env, dir.resolve(name + ".log"));
  }

  /** The executors' stderr files the Workers keep: work{i}/app-*&#47;{executor}/stderr. */
  private static Set<Path> executorLogs() throws IOException {
    try (Stream<Path> all = Files.walk(dir, 4)) {
      return all.filter(p -> p.getFileName().toString().equals("stderr"))
          .filter(p -> p.getParent().getParent().getFileName().toString().startsWith("app-"))
          .collect(Collectors.toSet());
    }
  }

  private static String addresses() {
    return HOSTS.stream().map(h -> h + " " + net.address(h)).collect(Collectors.joining(", "));
  }
}
