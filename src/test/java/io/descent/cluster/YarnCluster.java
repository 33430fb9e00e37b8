package io.descent.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationAttemptReport;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.YarnException;

/**
 * The Hadoop side of the YARN ITs: {@link HadoopDaemonsMain} (HDFS and YARN) as a JVM of its
 * own, its client configuration (HADOOP_CONF_DIR), a file system and a YARN client on it, and
 * the container processes and logs its NodeManager keeps. Closing it stops the daemons and
 * every container they run.
 */
final class YarnCluster implements AutoCloseable {
  private final LoggedProcess daemons;
  private final Path confDir;
  private final Path containerLogs;
  private final String fsUri;
  private final FileSystem fs;
  private final YarnClient yarn;

  private YarnCluster(LoggedProcess daemons, Path confDir, Path containerLogs, String fsUri)
      throws IOException {
    this.daemons = daemons;
    this.confDir = confDir;
    this.containerLogs = containerLogs;
    this.fsUri = fsUri;
    Configuration conf = clientConfiguration(confDir);
    this.fs = FileSystem.newInstance(java.net.URI.create(fsUri), conf);
    this.yarn = YarnClient.createYarnClient();
    yarn.init(conf);
    yarn.start();
  }

  static YarnCluster start(Path dir, Duration timeout) throws Exception {
    Path confDir = dir.resolve("hadoop-conf");
    LoggedProcess daemons = LoggedProcess.start("hadoop-daemons",
        SparkHome.java("1g", System.getProperty("java.class.path"),
            HadoopDaemonsMain.class.getName(),
            List.of(dir.resolve("hadoop").toString(), confDir.toString())),
        Map.of("JAVA_HOME", SparkHome.javaHome().toString()), dir.resolve("hadoop-daemons.log"));
    try {
      if (!daemons.awaitLine(l -> l.startsWith("hadoop daemons ready: "), timeout)) {
        throw new IllegalStateException("HDFS and YARN did not start in " + timeout.toSeconds()
            + " s; " + daemons.describe());
      }
      String ready = daemons.lines(l -> l.startsWith("hadoop daemons ready: ")).get(0);
      String logs = daemons.lines(l -> l.startsWith("container logs: ")).get(0);
      return new YarnCluster(daemons, confDir, Paths.get(logs.substring("container logs: ".length())),
          ready.split(" ")[3]);
    } catch (Exception | Error e) {
      daemons.kill();
      throw e;
    }
  }

  private static Configuration clientConfiguration(Path confDir) {
    Configuration conf = new YarnConfiguration();
    conf.addResource(new org.apache.hadoop.fs.Path(confDir.resolve("yarn-site.xml").toUri()));
    return conf;
  }

  /** HADOOP_CONF_DIR of a machine that submits to this cluster. */
  Path confDir() {
    return confDir;
  }

  /** hdfs://127.0.0.1:port */
  String fsUri() {
    return fsUri;
  }

  FileSystem fs() {
    return fs;
  }

  /** Waits until YARN knows an application of that name (spark-submit has submitted it). */
  ApplicationReport awaitApplication(String name, LoggedProcess submitter, Duration timeout)
      throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end && submitter.isAlive()) {
      for (ApplicationReport a : yarn.getApplications()) {
        if (a.getName().equals(name)) {
          return a;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("YARN got no application " + name + "; " + submitter.describe());
  }

  /** Kills every application still running: a failed test must not leave work for the next. */
  void killRunningApplications() throws IOException, YarnException {
    for (ApplicationReport a : yarn.getApplications(java.util.EnumSet.of(
        YarnApplicationState.NEW, YarnApplicationState.NEW_SAVING, YarnApplicationState.SUBMITTED,
        YarnApplicationState.ACCEPTED, YarnApplicationState.RUNNING))) {
      yarn.killApplication(a.getApplicationId());
    }
  }

  /** The newest application of that name. */
  ApplicationReport application(String name) throws IOException, YarnException {
    return yarn.getApplications().stream().filter(a -> a.getName().equals(name))
        .max((a, b) -> Long.compare(a.getStartTime(), b.getStartTime()))
        .orElseThrow(() -> new AssertionError("YARN knows no application " + name));
  }

  List<ApplicationAttemptReport> attempts(ApplicationReport app) throws IOException, YarnException {
    List<ApplicationAttemptReport> out = new ArrayList<>(
        yarn.getApplicationAttempts(app.getApplicationId()));
    out.sort((a, b) -> Integer.compare(a.getApplicationAttemptId().getAttemptId(),
        b.getApplicationAttemptId().getAttemptId()));
    return out;
  }

  /** The log folder of one container (its stdout and stderr), kept after the application ends. */
  Path containerLog(ApplicationReport app, String containerId) {
    return containerLogs.resolve(app.getApplicationId().toString()).resolve(containerId);
  }

  /** The log folders of every container the application ran, in container order. */
  List<Path> containerLogs(ApplicationReport app) {
    Path appDir = containerLogs.resolve(app.getApplicationId().toString());
    try (var dirs = Files.list(appDir)) {
      return dirs.sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The container JVMs of an application running {@code mainClass} now (their command lines
   * name the container's working folder, which holds the application id).
   */
  List<ProcessHandle> containerProcesses(ApplicationReport app, String mainClass) {
    String id = app.getApplicationId().toString();
    return daemons.handle().descendants()
        .filter(h -> h.info().command().orElse("").endsWith("/java"))
        .filter(h -> {
          String cmd = h.info().commandLine().orElse("");
          return cmd.contains(id) && (cmd.contains(" " + mainClass + " ") || cmd.endsWith(" " + mainClass));
        })
        .collect(Collectors.toList());
  }

  /** Stops YARN (it stops its containers) and HDFS; then kills whatever is left. */
  @Override
  public void close() {
    try {
      yarn.stop();
      fs.close();
    } catch (IOException | RuntimeException ignored) {
      // The daemons go next either way.
    }
    List<ProcessHandle> containers = daemons.handle().descendants().collect(Collectors.toList());
    daemons.closeInput();
    try {
      daemons.waitFor(Duration.ofSeconds(60));
    } catch (InterruptedException | AssertionError e) {
      daemons.kill();
    }
    // Containers that outlived their NodeManager (none should) are no longer its descendants.
    containers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
