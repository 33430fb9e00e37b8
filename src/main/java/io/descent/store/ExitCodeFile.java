package io.descent.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A file holding the exit code of one run, one line ("2"), on any Hadoop file system: how a
 * driver that YARN runs (cluster mode, where spark-submit reports every failure as exit 1)
 * hands Descent's own exit code to the script that submitted it. A relative path is in the
 * user's home directory of the default file system, where Spark keeps its staging files too.
 */
public final class ExitCodeFile {
  private final Configuration conf;

  public ExitCodeFile(Configuration conf) {
    this.conf = conf;
  }

  /** Writes (or replaces: a later attempt of the same run has the last word) the code. */
  public void write(String path, int code) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(conf);
    try (OutputStream out = fs.create(p, true)) {
      out.write((code + "\n").getBytes(StandardCharsets.US_ASCII));
    }
  }
}
