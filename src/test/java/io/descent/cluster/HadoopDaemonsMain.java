package io.descent.cluster;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * A real HDFS (one NameNode, one DataNode) and a real YARN (one ResourceManager, one
 * NodeManager) in one JVM of their own, from hadoop-client-minicluster: the cluster the YARN
 * ITs submit to. Its NodeManager launches every container (ApplicationMaster, executors) as a
 * child process of this JVM, with this JVM's JAVA_HOME, as a NodeManager on a machine does.
 *
 * <p>{@code java HadoopDaemonsMain WORK_DIR CONF_DIR}: writes the client configuration
 * (core-site.xml and yarn-site.xml, what HADOOP_CONF_DIR holds on a gateway
 * machine) to CONF_DIR, prints where the containers' logs go and then
 * {@code hadoop daemons ready: hdfs://...}, and runs until its
 * standard input closes (the test ends) or it is killed.
 */
public final class HadoopDaemonsMain {
  private HadoopDaemonsMain() {}

  public static void main(String[] args) {
    try {
      run(args);
      System.exit(0);
    } catch (Throwable t) {
      // Hadoop's non-daemon threads would keep a half-started JVM alive: end it.
      t.printStackTrace();
      Runtime.getRuntime().halt(1);
    }
  }

  private static void run(String[] args) throws Exception {
    Path work = Paths.get(args[0]).toAbsolutePath();
    Path confDir = Paths.get(args[1]).toAbsolutePath();
    Files.createDirectories(work);
    Files.createDirectories(confDir);
    // MiniYARNCluster puts its NodeManager's folders (local and log dirs) under this.
    System.setProperty("test.build.data", work.resolve("yarn").toString());

    Configuration conf = new YarnConfiguration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, work.resolve("dfs").toString());
    for (String k : new String[] {"dfs.namenode.rpc-address", "dfs.namenode.http-address",
        "dfs.datanode.address", "dfs.datanode.http.address", "dfs.datanode.ipc.address"}) {
      conf.set(k, "127.0.0.1:0");
    }
    conf.setInt("dfs.replication", 1);
    // Room for an ApplicationMaster (the driver in cluster mode), two executors and a
    // replacement for a killed one; small containers, as the tests ask for little memory.
    conf.setInt(YarnConfiguration.YARN_MINICLUSTER_NM_PMEM_MB, 6144);
    conf.setInt(YarnConfiguration.NM_VCORES, 4);
    conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
    // The memory checks measure the JVMs' footprint, not what the tests are about, and the
    // virtual size of a Java 17 JVM is far above any container size.
    conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
    conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
    // A shared build machine's disk may be fuller than the 90 % at which a node turns unhealthy.
    conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.5f);
    // The capacity scheduler's one queue (a cluster has them in capacity-scheduler.xml); no
    // waiting for data locality, which one node cannot offer anyway.
    conf.set("yarn.scheduler.capacity.root.queues", "default");
    conf.set("yarn.scheduler.capacity.root.default.capacity", "100");
    conf.set("yarn.scheduler.capacity.maximum-am-resource-percent", "1.0");
    conf.set("yarn.scheduler.capacity.node-locality-delay", "-1");
    // A driver that dies gets one more attempt (Spark asks for spark.yarn.maxAppAttempts, at most this).
    conf.setInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, 2);
    // Container logs stay after the application ends, for the tests to read.
    conf.setLong(YarnConfiguration.NM_LOG_RETAIN_SECONDS, 3600);

    MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    MiniYARNCluster yarn = null;
    try {
      dfs.waitActive();
      String fsUri = "hdfs://127.0.0.1:" + dfs.getNameNodePort();
      conf.set("fs.defaultFS", fsUri);
      yarn = new MiniYARNCluster("descent-yarn", 1, 1, 1);
      yarn.init(conf);
      yarn.start();
      if (!yarn.waitForNodeManagersToConnect(60_000)) {
        throw new IllegalStateException("the NodeManager did not register in 60 s");
      }
      Configuration core = new Configuration(false);
      core.set("fs.defaultFS", fsUri);
      writeXml(core, confDir.resolve("core-site.xml"));
      writeXml(clientYarnSettings(yarn.getConfig()), confDir.resolve("yarn-site.xml"));
      System.out.println("container logs: "
          + yarn.getNodeManager(0).getConfig().get(YarnConfiguration.NM_LOG_DIRS));
      System.out.println("hadoop daemons ready: " + fsUri + " resourcemanager "
          + yarn.getConfig().get(YarnConfiguration.RM_ADDRESS));
      System.out.flush();
      while (System.in.read() >= 0) {
        // Runs until the test closes our standard input.
      }
    } finally {
      if (yarn != null) {
        yarn.stop();
      }
      dfs.shutdown(true);
      new File(dfs.getBaseDirectory()).delete();
    }
  }

  /**
   * What a client needs, as a gateway machine's yarn-site.xml holds it: the ResourceManager's
   * addresses (ports chosen at start) and its attempt limit. Not the whole daemon configuration:
   * that names test-only classes (StaticMapping) that a client's Hadoop jars do not have.
   */
  private static Configuration clientYarnSettings(Configuration daemons) {
    Configuration client = new Configuration(false);
    for (java.util.Map.Entry<String, String> e : daemons) {
      if (e.getKey().startsWith("yarn.resourcemanager.") && e.getKey().endsWith("address")) {
        client.set(e.getKey(), daemons.get(e.getKey()));
      }
    }
    client.set(YarnConfiguration.RM_AM_MAX_ATTEMPTS, daemons.get(YarnConfiguration.RM_AM_MAX_ATTEMPTS));
    return client;
  }

  private static void writeXml(Configuration conf, Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      conf.writeXml(out);
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
