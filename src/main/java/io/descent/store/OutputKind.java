package io.descent.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What a published directory is. Every model and predictions directory carries the marker
 * file {@code _DESCENT} naming its kind, and {@code --overwrite} replaces only an empty
 * directory or one of the same kind: never the input, a checkpoint directory or any other
 * directory a user pointed at by mistake. (Spark's readers skip files starting with "_".)
 */
public enum OutputKind {
  MODEL("a Descent model directory"),
  PREDICTIONS("a Descent predictions directory");

  public static final String MARKER = "_DESCENT";

  private final String description;

  OutputKind(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** The marker's content: a tiny JSON document. */
  byte[] marker() {
    return ("{\"kind\":\"" + name().toLowerCase(java.util.Locale.ROOT) + "\"}\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** True when {@code dir} may be replaced by a directory of this kind. */
  boolean canReplace(FileSystem fs, Path dir) throws IOException {
    FileStatus status = fs.getFileStatus(dir);
    if (!status.isDirectory()) {
      return false;
    }
    if (fs.listStatus(dir).length == 0) {
      return true;
    }
    Path marker = new Path(dir, MARKER);
    if (fs.exists(marker)) {
      try (var in = fs.open(marker)) {
        return java.util.Arrays.equals(marker(), in.readNBytes(256));
      }
    }
    // Models written before the marker existed: model.json and _SUCCESS.
    return this == MODEL && fs.exists(new Path(dir, ModelStore.MODEL_JSON))
        && fs.exists(new Path(dir, AtomicDirectoryWriter.SUCCESS));
  }
}
