package io.descent.store;

import io.descent.BadInputException;
import io.descent.DescentException;
import io.descent.ExitCodes;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes a directory of files so that readers see all of it or none of it: everything goes
 * into a hidden temporary sibling, {@code _SUCCESS} last, and one rename publishes it. On any
 * failure the temporary directory is removed and an existing directory is left as it was.
 * Works on any Hadoop FileSystem (file:, hdfs:, s3a: …).
 */
public final class AtomicDirectoryWriter {
  public static final String SUCCESS = "_SUCCESS";

  private final Configuration conf;

  public AtomicDirectoryWriter(Configuration conf) {
    this.conf = conf;
  }

  /** Fails fast, before any work, when the directory exists (and may not be replaced) or cannot be written. */
  public void preflight(String dir, boolean overwrite, String flag) {
    Path target = new Path(dir);
    try {
      FileSystem fs = target.getFileSystem(conf);
      if (fs.exists(target) && !overwrite) {
        throw new BadInputException(flag + ": " + dir
            + " already exists; choose a new directory or pass --overwrite.");
      }
      // Probe the nearest directory that exists: a failed run must not leave new, empty
      // directories behind, and the real write creates the missing ones later.
      Path parent = fs.makeQualified(target).getParent();
      while (parent.getParent() != null && !fs.exists(parent)) {
        parent = parent.getParent();
      }
      Path probe = new Path(parent, "." + target.getName() + ".probe-" + UUID.randomUUID());
      try (FSDataOutputStream out = fs.create(probe, false)) {
        out.write(1);
      }
      fs.delete(probe, false);
    } catch (IOException e) {
      throw new BadInputException(flag + ": cannot write to " + dir + ": " + e.getMessage());
    }
  }

  /** Writes one file's content to a stream: lets large files be streamed, not held in memory. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;

    static Content of(byte[] bytes) {
      return out -> out.write(bytes);
    }
  }

  /**
   * Writes more content into the temporary directory before it is published: e.g. a
   * sub-directory saved by Spark, which only takes a path. It may create anything below
   * {@code tmp} except {@code _SUCCESS}.
   */
  @FunctionalInterface
  public interface DirectoryContent {
    void writeInto(Path tmp) throws IOException;

    DirectoryContent NONE = tmp -> {};
  }

  /** Publishes {@code files} (name → bytes) as directory {@code dir}. */
  public void write(String dir, Map<String, byte[]> files, boolean overwrite) {
    Map<String, Content> contents = new java.util.LinkedHashMap<>();
    files.forEach((name, bytes) -> contents.put(name, Content.of(bytes)));
    writeStreams(dir, contents, overwrite);
  }

  /** Publishes {@code files} (name → content) as directory {@code dir}. */
  public void writeStreams(String dir, Map<String, Content> files, boolean overwrite) {
    writeStreams(dir, files, DirectoryContent.NONE, overwrite);
  }

  /** Publishes {@code files}, then whatever {@code more} writes, as directory {@code dir}. */
  public void writeStreams(String dir, Map<String, Content> files, DirectoryContent more,
      boolean overwrite) {
    publishWith(dir, overwrite, (fs, tmp) -> {
      fs.mkdirs(tmp);
      for (Map.Entry<String, Content> f : files.entrySet()) {
        writeFile(fs, new Path(tmp, f.getKey()), f.getValue());
      }
      more.writeInto(tmp);
      writeFile(fs, new Path(tmp, SUCCESS), Content.of(new byte[0]));
    });
  }

  /**
   * Publishes a directory that {@code filler} creates whole at the temporary path it is
   * given (e.g. a Spark DataFrame write, which makes its own _SUCCESS). All or nothing, as
   * the other writes.
   */
  public void writeDirectory(String dir, boolean overwrite, DirectoryContent filler) {
    publishWith(dir, overwrite, (fs, tmp) -> filler.writeInto(tmp));
  }

  /** Fills a temporary sibling of the target. */
  @FunctionalInterface
  private interface Filler {
    void fill(FileSystem fs, Path tmp) throws IOException;
  }

  private void publishWith(String dir, boolean overwrite, Filler filler) {
    Path target = new Path(dir);
    Path tmp = null;
    try {
      FileSystem fs = target.getFileSystem(conf);
      target = fs.makeQualified(target);
      if (fs.exists(target) && !overwrite) {
        throw new BadInputException(dir + " already exists; pass --overwrite to replace it.");
      }
      tmp = new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
      filler.fill(fs, tmp);
      publish(fs, tmp, target);
      tmp = null;
    } catch (IOException e) {
      throw new DescentException(ExitCodes.FAILURE, "Cannot write " + dir + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
  }

  private void publish(FileSystem fs, Path tmp, Path target) throws IOException {
    Path old = null;
    if (fs.exists(target)) {
      old = new Path(target.getParent(), "." + target.getName() + ".old-" + UUID.randomUUID());
      if (!fs.rename(target, old)) {
        throw new IOException("could not move the existing " + target + " aside");
      }
    }
    if (!fs.rename(tmp, target)) {
      if (old != null) {
        fs.rename(old, target);
      }
      throw new IOException("could not rename " + tmp + " to " + target);
    }
    if (old != null) {
      fs.delete(old, true);
    }
  }

  static void writeFile(FileSystem fs, Path p, Content content) throws IOException {
    try (OutputStream out = new java.io.BufferedOutputStream(fs.create(p, false), 1 << 16)) {
      content.writeTo(out);
    }
  }

  private void deleteQuietly(Path p) {
    try {
      p.getFileSystem(conf).delete(p, true);
    } catch (IOException ignored) {
      // Best effort: a leftover hidden .tmp directory is never taken for a model.
    }
  }
}
