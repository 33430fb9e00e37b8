package io.descent.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Spark standalone cluster, on loopback or on separate network hosts ({@link Placement}): one Master and N Workers of one core each, every
 * one a JVM of its own, as sbin/start-master.sh and start-worker.sh would run them. Executors
 * are children of their Worker's process, so a test can kill the executor of one worker.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final String EXECUTOR_MAIN = "CoarseGrainedExecutorBackend";

  private final LoggedProcess master;
  private final List<LoggedProcess> workers = new ArrayList<>();
  private final String masterUrl;
  private double startupSeconds;

  private StandaloneCluster(LoggedProcess master, String masterUrl) {
    this.master = master;
    this.masterUrl = masterUrl;
  }

  /** Starts the Master, then the Workers (one started before the Master listens waits 5–15 s to retry). */
  static StandaloneCluster start(SparkHome spark, Path dir, int workerCount, Duration timeout)
      throws InterruptedException {
    return start(spark, dir, workerCount, timeout, Placement.LOOPBACK);
  }

  /**
   * The same with each daemon on its host: the Master on "master", Worker i on "worker{i}",
   * each bound to its host's address (its executors too: they inherit SPARK_LOCAL_IP).
   */
  static StandaloneCluster start(SparkHome spark, Path dir, int workerCount, Duration timeout,
      Placement hosts) throws InterruptedException {
    long t0 = System.nanoTime();
    int port = freePort();
    String url = "spark://" + hosts.address("master") + ":" + port;
    LoggedProcess master = LoggedProcess.start("master", hosts.command("master",
        spark.java("512m", "org.apache.spark.deploy.master.Master", List.of("--host",
            hosts.address("master"), "--port", String.valueOf(port),
            "--webui-port", String.valueOf(freePort())))),
        environment(spark, hosts, "master"), dir.resolve("master.log"));
    StandaloneCluster cluster = new StandaloneCluster(master, url);
    try {
      cluster.await(master, "I have been elected leader", 1, timeout);
      for (int i = 1; i <= workerCount; i++) {
        String host = "worker" + i;
        cluster.workers.add(LoggedProcess.start(host, hosts.command(host,
            spark.java("512m", "org.apache.spark.deploy.worker.Worker", List.of("--host",
                hosts.address(host), "--cores", "1", "--memory", "1g",
                "--webui-port", String.valueOf(freePort()),
                "--work-dir", dir.resolve("work" + i).toString(), url))),
            environment(spark, hosts, host), dir.resolve(host + ".log")));
      }
      cluster.await(master, "Registering worker", workerCount, timeout);
    } catch (RuntimeException | Error | InterruptedException e) {
      cluster.close();
      throw e;
    }
    cluster.startupSeconds = (System.nanoTime() - t0) / 1e9;
    return cluster;
  }

  private static Map<String, String> environment(SparkHome spark, Placement hosts, String host) {
    Map<String, String> env = new HashMap<>(spark.environment());
    env.put("SPARK_LOCAL_IP", hosts.address(host));
    return env;
  }

  private void await(LoggedProcess p, String text, int count, Duration timeout)
      throws InterruptedException {
    if (!p.awaitLines(l -> l.contains(text), count, timeout)) {
      throw new IllegalStateException("the standalone cluster did not log '" + text + "' "
          + count + " time(s) in " + timeout.toSeconds() + " s; " + p.describe());
    }
  }

  String masterUrl() {
    return masterUrl;
  }

  /** From starting the Master until every Worker has registered. */
  double startupSeconds() {
    return startupSeconds;
  }

  LoggedProcess worker(int index) {
    return workers.get(index);
  }

  /** The executor JVMs a Worker runs now: its children running CoarseGrainedExecutorBackend. */
  List<ProcessHandle> executors(int worker) {
    return workers.get(worker).handle().children()
        .filter(h -> h.info().commandLine().orElse("").contains(EXECUTOR_MAIN))
        .collect(Collectors.toList());
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Workers first (each stops its executors), then the Master; SIGKILL for anything left. */
  @Override
  public void close() {
    workers.forEach(LoggedProcess::close);
    master.close();
  }
}
