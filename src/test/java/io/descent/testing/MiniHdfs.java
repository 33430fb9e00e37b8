package io.descent.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/** A real HDFS (NameNode + DataNodes) on loopback, from hadoop-client-minicluster. */
public final class MiniHdfs implements AutoCloseable {
  private final MiniDFSCluster cluster;
  private final FileSystem fs;

  public MiniHdfs(Path baseDir, int dataNodes) throws IOException {
    Configuration c = new Configuration();
    c.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toFile().getAbsolutePath());
    for (String k : new String[] {"dfs.namenode.rpc-address", "dfs.namenode.http-address",
        "dfs.datanode.address", "dfs.datanode.http.address", "dfs.datanode.ipc.address"}) {
      c.set(k, "127.0.0.1:0");
    }
    cluster = new MiniDFSCluster.Builder(c).numDataNodes(dataNodes).build();
    cluster.waitActive();
    fs = cluster.getFileSystem();
  }

  /** hdfs://127.0.0.1:port */
  public String uri() {
    return "hdfs://127.0.0.1:" + cluster.getNameNodePort();
  }

  public FileSystem fs() {
    return fs;
  }

  public String put(Path local, String hdfsPath) throws IOException {
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toUri()),
        new org.apache.hadoop.fs.Path(hdfsPath));
    return uri() + hdfsPath;
  }

  public String read(String hdfsPath) throws IOException {
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(hdfsPath))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  public boolean exists(String hdfsPath) throws IOException {
    return fs.exists(new org.apache.hadoop.fs.Path(hdfsPath));
  }

  @Override
  public void close() {
    cluster.shutdown(true);
    new File(cluster.getBaseDirectory()).delete();
  }
}
