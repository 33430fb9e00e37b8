package io.descent.store;

import io.descent.DescentException;
import io.descent.ExitCodes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * Replaces one small file so that a reader sees the old content or the new, never none and
 * never a part: written beside it under a hidden name, then renamed over it. On HDFS that is
 * FileContext.rename with OVERWRITE, one NameNode operation. On the local file system
 * Hadoop's OVERWRITE rename deletes and then renames (AbstractFileSystem's default), so
 * there the file is moved with java.nio's ATOMIC_MOVE, which is rename(2).
 */
public final class AtomicFile {
  private AtomicFile() {}

  public static void replace(Configuration conf, Path target, byte[] bytes) {
    Path tmp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
    try {
      FileSystem fs = target.getFileSystem(conf);
      fs.mkdirs(target.getParent());
      if ("file".equals(fs.getUri().getScheme())) {
        java.nio.file.Path local = java.nio.file.Path.of(fs.makeQualified(tmp).toUri());
        Files.write(local, bytes);
        Files.move(local, java.nio.file.Path.of(fs.makeQualified(target).toUri()),
            StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return;
      }
      try (OutputStream out = fs.create(tmp, false)) {
        out.write(bytes);
      }
      try {
        FileContext.getFileContext(target.toUri(), conf)
            .rename(fs.makeQualified(tmp), fs.makeQualified(target), Options.Rename.OVERWRITE);
      } catch (IOException | RuntimeException e) {
        fs.delete(tmp, false);
        throw e;
      }
    } catch (IOException e) {
      throw new DescentException(ExitCodes.FAILURE, "cannot write " + target + ": " + e.getMessage(), e);
    }
  }
}
