package io.descent.store;

import io.descent.BadInputException;
import io.descent.DescentException;
import io.descent.ExitCodes;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code MODELS/latest}: a one-line file naming the version directory in MODELS that serves,
 * the champion. It is switched by one atomic replace ({@link AtomicFile}), so a reader never
 * finds it missing or naming a half-written model (a version is published before it is named).
 */
public final class ModelPointer {
  public static final String LATEST = "latest";

  private final Configuration conf;
  private final Path models;

  public ModelPointer(Configuration conf, String models) {
    this.conf = conf;
    this.models = new Path(models);
  }

  /** The version latest names, or empty when there is no latest yet. */
  public Optional<String> current() {
    Path file = new Path(models, LATEST);
    try {
      FileSystem fs = file.getFileSystem(conf);
      try (InputStream in = fs.open(file)) {
        String name = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
        if (name.isEmpty() || name.contains("/")) {
          throw new BadInputException(file + " should name a version directory beside it, but holds '"
              + name + "'");
        }
        return Optional.of(name);
      } catch (FileNotFoundException e) {
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new DescentException(ExitCodes.FAILURE, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The directory of a version. */
  public String directory(String version) {
    return new Path(models, version).toString();
  }

  /**
   * The version name of {@code dir} when it is a directory directly in MODELS, else empty
   * (compared as fully qualified paths).
   */
  public Optional<String> versionOf(String dir) {
    try {
      Path d = new Path(dir);
      FileSystem fs = d.getFileSystem(conf);
      Path parent = fs.makeQualified(d).getParent();
      FileSystem mfs = models.getFileSystem(conf);
      return parent != null && parent.equals(mfs.makeQualified(models))
          ? Optional.of(d.getName()) : Optional.empty();
    } catch (IOException e) {
      throw new DescentException(ExitCodes.FAILURE, "cannot resolve " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Points latest at {@code version}, atomically. */
  public void switchTo(String version) {
    AtomicFile.replace(conf, new Path(models, LATEST),
        (version + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
