package io.descent.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real HDFS as two daemons, the NameNode on host "namenode" and the DataNode on host
 * "datanode", each a JVM of its own run from the test classpath (which holds Hadoop's server
 * classes, in hadoop-client-minicluster) with a HADOOP_CONF_DIR of its own, as
 * {@code hdfs namenode} and {@code hdfs datanode} run them on two machines.
 */
final class HdfsDaemons implements AutoCloseable {
  static final int PORT = 9820;

  private final LoggedProcess nameNode;
  private final LoggedProcess dataNode;
  private final Path confDir;
  private final String uri;

  private HdfsDaemons(LoggedProcess nameNode, LoggedProcess dataNode, Path confDir, String uri) {
    this.nameNode = nameNode;
    this.dataNode = dataNode;
    this.confDir = confDir;
    this.uri = uri;
  }

  /** Formats and starts the NameNode, starts the DataNode, waits until it has registered. */
  static HdfsDaemons start(Path dir, Placement hosts, Duration timeout) throws Exception {
    String nn = hosts.address("namenode");
    String dn = hosts.address("datanode");
    String uri = "hdfs://" + nn + ":" + PORT;
    Path conf = dir.resolve("hdfs-conf");
    Files.createDirectories(conf);
    Files.writeString(conf.resolve("core-site.xml"), xml(Map.of("fs.defaultFS", uri)));
    Files.writeString(conf.resolve("hdfs-site.xml"), xml(Map.ofEntries(
        Map.entry("dfs.namenode.name.dir", dir.resolve("name").toUri().toString()),
        Map.entry("dfs.datanode.data.dir", dir.resolve("data").toUri().toString()),
        Map.entry("dfs.replication", "1"),
        Map.entry("dfs.permissions.enabled", "false"),
        Map.entry("dfs.namenode.safemode.extension", "0"),
        Map.entry("dfs.namenode.rpc-address", nn + ":" + PORT),
        Map.entry("dfs.namenode.http-address", nn + ":9870"),
        Map.entry("dfs.datanode.address", dn + ":9866"),
        Map.entry("dfs.datanode.http.address", dn + ":9864"),
        Map.entry("dfs.datanode.ipc.address", dn + ":9867"),
        Map.entry("dfs.datanode.hostname", dn),
        // No DNS here: the NameNode takes the DataNode's address as it is.
        Map.entry("dfs.namenode.datanode.registration.ip-hostname-check", "false"))));
    // INFO for the daemons (the test classpath's log4j2.properties says WARN): the readiness line.
    Path log4j = dir.resolve("hdfs-daemons-log4j2.properties");
    Files.writeString(log4j, String.join("\n",
        "rootLogger.level = info", "rootLogger.appenderRef.out.ref = out", "appender.out.type = Console",
        "appender.out.name = out", "appender.out.layout.type = PatternLayout",
        "appender.out.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n", ""));
    List<String> logging = List.of("-Dlog4j2.configurationFile=" + log4j);
    String cp = conf + ":" + System.getProperty("java.class.path");
    try (LoggedProcess format = LoggedProcess.start("namenode-format", hosts.command("namenode",
        SparkHome.java("512m", logging, cp, "org.apache.hadoop.hdfs.server.namenode.NameNode",
            List.of("-format", "-nonInteractive"))), Map.of(), dir.resolve("namenode-format.log"))) {
      int code = format.waitFor(timeout);
      if (code != 0) {
        throw new IllegalStateException("NameNode -format exited " + code + "; " + format.describe());
      }
    }
    LoggedProcess nameNode = LoggedProcess.start("namenode", hosts.command("namenode",
        SparkHome.java("512m", logging, cp, "org.apache.hadoop.hdfs.server.namenode.NameNode",
            List.of())),
        Map.of(), dir.resolve("namenode.log"));
    LoggedProcess dataNode = LoggedProcess.start("datanode", hosts.command("datanode",
        SparkHome.java("512m", logging, cp, "org.apache.hadoop.hdfs.server.datanode.DataNode",
            List.of())),
        Map.of(), dir.resolve("datanode.log"));
    HdfsDaemons hdfs = new HdfsDaemons(nameNode, dataNode, conf, uri);
    try {
      if (!nameNode.awaitLine(l -> l.contains("registerDatanode"), timeout)) {
        throw new IllegalStateException("no DataNode registered with the NameNode in "
            + timeout.toSeconds() + " s; " + nameNode.describe() + "\n" + dataNode.describe());
      }
    } catch (Exception | Error e) {
      hdfs.close();
      throw e;
    }
    return hdfs;
  }

  /** hdfs://namenode-address:9820 */
  String uri() {
    return uri;
  }

  /** HADOOP_CONF_DIR of a client of this HDFS. */
  Path confDir() {
    return confDir;
  }

  private static String xml(Map<String, String> properties) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<configuration>\n");
    properties.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.append(
        "  <property><name>").append(e.getKey()).append("</name><value>").append(e.getValue())
        .append("</value></property>\n"));
    return b.append("</configuration>\n").toString();
  }

  @Override
  public void close() {
    dataNode.close();
    nameNode.close();
  }
}
