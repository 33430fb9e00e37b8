package io.descent.store;

import io.descent.BadInputException;
import io.descent.DescentException;
import io.descent.ExitCodes;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * Writes a directory of files so that readers see all of it or none of it: everything goes
 * into a hidden temporary sibling, {@code _SUCCESS} last, and one rename publishes it. On any
 * failure the temporary directory is removed and an existing directory is left as it was.
 * Without overwrite the publishing rename never replaces: a directory that appeared
 * meanwhile stays (atomic on HDFS; elsewhere the run's {@link DirectoryLock} keeps other
 * runs out). A writer of an {@link OutputKind} marks what it publishes, lists the CRC32C of
 * every file it wrote in {@code checksums.json}, and replaces only a directory of its kind.
 * Works on any Hadoop FileSystem (file:, hdfs:, s3a: …).
 */
public final class AtomicDirectoryWriter {
  public static final String SUCCESS = "_SUCCESS";

  private final Configuration conf;
  private final OutputKind kind;

  /** A writer of plain directories (checkpoint steps): no marker, no replace check. */
  public AtomicDirectoryWriter(Configuration conf) {
    this(conf, null);
  }

  public AtomicDirectoryWriter(Configuration conf, OutputKind kind) {
    this.conf = conf;
    this.kind = kind;
  }

  /**
   * Fails fast, before any work, when the directory exists and may not be replaced (no
   * overwrite, or not a directory of this writer's kind) or cannot be written.
   */
  public void preflight(String dir, boolean overwrite, String flag) {
    Path target = new Path(dir);
    try {
      FileSystem fs = target.getFileSystem(conf);
      requireReplaceable(fs, target, dir, overwrite, flag);
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
      try {
        if (!fs.mkdirs(tmp)) {
          throw new IOException("mkdirs failed");
        }
      } catch (IOException e) {
        throw new StorageFault.At("creating " + tmp, e);
      }
      Map<String, FileChecksums.Sum> sums = new LinkedHashMap<>();
      for (Map.Entry<String, Content> f : files.entrySet()) {
        sums.put(f.getKey(), writeFile(fs, new Path(tmp, f.getKey()), f.getValue()));
      }
      if (kind != null) {
        writeFile(fs, new Path(tmp, FileChecksums.FILE), Content.of(FileChecksums.render(sums)));
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
      requireReplaceable(fs, target, dir, overwrite, null);
      tmp = new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
      filler.fill(fs, tmp);
      if (kind != null) {
        writeFile(fs, new Path(tmp, OutputKind.MARKER), Content.of(kind.marker()));
      }
      publish(fs, tmp, target, dir, overwrite);
      tmp = null;
    } catch (IOException e) {
      Path where = target;
      throw StorageFault.of(dir, e, () -> probe(where.getFileSystem(conf), where.getParent()));
    } finally {
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
  }

  /**
   * Refuses an existing target unless overwriting one this writer may replace. {@code flag}
   * null: the check at publish time, after the work (the target appeared meanwhile).
   */
  private void requireReplaceable(FileSystem fs, Path target, String dir, boolean overwrite,
      String flag) throws IOException {
    if (!fs.exists(target)) {
      return;
    }
    String named = flag == null ? dir : flag + ": " + dir;
    if (!overwrite) {
      throw new BadInputException(named + " already exists"
          + (flag == null ? " (it appeared while this run worked); nothing was replaced."
              : "; choose a new directory or pass --overwrite."));
    }
    if (kind != null && !kind.canReplace(fs, target)) {
      throw new BadInputException(named + " exists and is not " + kind.description()
          + "; --overwrite replaces only an empty directory or " + kind.description()
          + " (one with the " + OutputKind.MARKER + " file Descent writes). Remove it yourself "
          + "if it is to go, or choose another directory.");
    }
  }

  /**
   * Renames {@code tmp} to {@code target} without ever replacing (FileContext's rename with
   * Rename.NONE: on HDFS one atomic operation that fails if the target exists, where
   * FileSystem.rename would move the directory inside it). Overwriting moves the old
   * directory aside first and deletes it only after the new one is in place.
   */
  private void publish(FileSystem fs, Path tmp, Path target, String dir, boolean overwrite)
      throws IOException {
    FileContext fc = FileContext.getFileContext(target.toUri(), conf);
    Path old = null;
    if (overwrite && fs.exists(target)) {
      old = new Path(target.getParent(), "." + target.getName() + ".old-" + UUID.randomUUID());
      fc.rename(target, old, Options.Rename.NONE);
    }
    try {
      fc.rename(tmp, target, Options.Rename.NONE);
    } catch (FileAlreadyExistsException e) {
      if (old != null) {
        fs.rename(old, new Path(target.getParent(), "." + target.getName() + ".replaced-"
            + UUID.randomUUID()));
      }
      throw new BadInputException(dir + " appeared while this run was writing it (another "
          + "writer?); nothing was replaced.");
    }
    if (old != null) {
      fs.delete(old, true);
    }
  }

  /**
   * Removes what killed runs left beside {@code dir}: hidden temporary, probe and
   * moved-aside directories. A moved-aside old directory whose replacement never arrived is
   * put back first. Call it only while holding {@code dir}'s {@link DirectoryLock}.
   * Returns one line per thing done, for the log.
   */
  public List<String> recoverLeftovers(String dir) {
    List<String> done = new ArrayList<>();
    Path target = new Path(dir);
    try {
      FileSystem fs = target.getFileSystem(conf);
      target = fs.makeQualified(target);
      Path parent = target.getParent();
      if (parent == null || !fs.exists(parent)) {
        return done;
      }
      String prefix = "." + target.getName() + ".";
      for (FileStatus s : fs.listStatus(parent)) {
        String name = s.getPath().getName();
        if (!name.startsWith(prefix)) {
          continue;
        }
        String rest = name.substring(prefix.length());
        if (rest.startsWith("old-") && !fs.exists(target)
            && fs.exists(new Path(s.getPath(), SUCCESS))) {
          fs.rename(s.getPath(), target);
          done.add("restored " + target + " from " + name + ", left by a run killed while replacing it");
        } else if (rest.startsWith("tmp-") || rest.startsWith("old-") || rest.startsWith("probe-")) {
          fs.delete(s.getPath(), true);
          done.add("removed " + s.getPath() + ", left by a killed run");
        }
      }
    } catch (IOException e) {
      done.add("could not clean what killed runs left beside " + dir + ": " + e.getMessage());
    }
    return done;
  }

  /** Creates and removes a hidden file in {@code dir}: throws what the storage says when it cannot. */
  private static void probe(FileSystem fs, Path dir) throws IOException {
    Path probe = new Path(dir, ".probe-" + UUID.randomUUID());
    try (FSDataOutputStream out = fs.create(probe, false)) {
      out.write(1);
    } catch (FSError e) {
      throw StorageFault.asIOException(e);
    }
    fs.delete(probe, false);
  }

  /** Writes one file and returns its size and CRC32C. */
  static FileChecksums.Sum writeFile(FileSystem fs, Path p, Content content) throws IOException {
    CRC32C crc = new CRC32C();
    long bytes;
    try (FSDataOutputStream raw = fs.create(p, false);
        CheckedOutputStream out = new CheckedOutputStream(
            new java.io.BufferedOutputStream(raw, 1 << 16), crc)) {
      content.writeTo(out);
      out.flush();
      bytes = raw.getPos();
    } catch (StorageFault.At e) {
      throw e;
    } catch (IOException e) {
      throw new StorageFault.At("writing " + p, e);
    } catch (FSError e) {
      throw new StorageFault.At("writing " + p, StorageFault.asIOException(e));
    }
    return new FileChecksums.Sum(bytes, crc.getValue());
  }

  private void deleteQuietly(Path p) {
    try {
      p.getFileSystem(conf).delete(p, true);
    } catch (IOException ignored) {
      // Best effort: a leftover hidden .tmp directory is never taken for a model.
    }
  }
}
