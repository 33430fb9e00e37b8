package io.descent.store;

import io.descent.BadInputException;
import io.descent.model.LinearModel;
import io.descent.report.Json;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Model directories: model.json, metrics.json and friends, published atomically with the
 * {@link OutputKind#MODEL} marker and checksums.json; model.json is verified against its
 * checksum on every load.
 */
public final class ModelStore {
  public static final String MODEL_JSON = "model.json";
  public static final String METRICS_JSON = "metrics.json";
  public static final String REPORT_HTML = "report.html";
  /**
   * Where a DescentModel saved by Spark ML (Spark's metadata/ beside it) keeps its model
   * directory, so that every reader of model directories also reads such a save.
   */
  public static final String SPARK_ML_DATA = "data";
  private static final String SPARK_ML_METADATA = "metadata";

  private final Configuration conf;
  private final AtomicDirectoryWriter writer;
  private final Consumer<String> warn;

  public ModelStore(Configuration conf) {
    this(conf, w -> System.err.println("warning: " + w));
  }

  public ModelStore(Configuration conf, Consumer<String> warn) {
    this.conf = conf;
    this.writer = new AtomicDirectoryWriter(conf, OutputKind.MODEL);
    this.warn = warn;
  }

  public void preflight(String dir, boolean overwrite) {
    writer.preflight(dir, overwrite, "--output");
  }

  /** Removes what killed runs left beside {@code dir}; call it holding the output's lock. */
  public List<String> recoverLeftovers(String dir) {
    return writer.recoverLeftovers(dir);
  }

  /** Writes the model, its metrics and any extra files, all or nothing. */
  public void write(String dir, LinearModel model, byte[] metrics, Map<String, byte[]> extra,
      boolean overwrite) {
    write(dir, model, metrics, extra, AtomicDirectoryWriter.DirectoryContent.NONE, overwrite);
  }

  /**
   * As above, and {@code more} writes into the temporary directory before it is published
   * (the mllib/ sub-directory, which Spark saves by path): still all or nothing.
   */
  public void write(String dir, LinearModel model, byte[] metrics, Map<String, byte[]> extra,
      AtomicDirectoryWriter.DirectoryContent more, boolean overwrite) {
    Map<String, AtomicDirectoryWriter.Content> files = new LinkedHashMap<>();
    files.put(MODEL_JSON, AtomicDirectoryWriter.Content.of(Json.write(model.toJson())));
    if (metrics != null) {
      files.put(METRICS_JSON, AtomicDirectoryWriter.Content.of(metrics));
    }
    extra.forEach((name, bytes) -> files.put(name, AtomicDirectoryWriter.Content.of(bytes)));
    writer.writeStreams(dir, files, more, overwrite);
  }

  /**
   * Reads a complete model directory (one with _SUCCESS), or the one inside a DescentModel
   * saved by Spark ML.
   */
  public LinearModel read(String dir, String flag) {
    Path root = new Path(dir);
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        throw new BadInputException(flag + ": " + dir + " is missing: no model directory there.");
      }
      if (isSparkMlSave(dir)) {
        return read(new Path(root, SPARK_ML_DATA).toString(), flag);
      }
      if (!fs.exists(new Path(root, AtomicDirectoryWriter.SUCCESS))) {
        throw new BadInputException(flag + ": " + dir
            + " is not a complete Descent model directory (no _SUCCESS).");
      }
    } catch (IOException e) {
      throw new BadInputException(flag + ": cannot read " + dir + ": " + e.getMessage());
    }
    return readModelFile(dir, flag);
  }

  /** Whether {@code dir} is a Spark ML save of a DescentModel: metadata/ and data/, no model.json of its own. */
  public boolean isSparkMlSave(String dir) {
    Path root = new Path(dir);
    try {
      FileSystem fs = root.getFileSystem(conf);
      return !fs.exists(new Path(root, MODEL_JSON)) && fs.exists(new Path(root, SPARK_ML_METADATA))
          && fs.exists(new Path(new Path(root, SPARK_ML_DATA), MODEL_JSON));
    } catch (IOException e) {
      throw new BadInputException("cannot read " + dir + ": " + e.getMessage());
    }
  }

  /**
   * Reads {@code dir/model.json} and verifies it against {@code dir/checksums.json}; a model
   * written before Descent kept checksums is read with a warning.
   */
  public LinearModel readModelFile(String dir, String flag) {
    Path root = new Path(dir);
    Path file = new Path(root, MODEL_JSON);
    try {
      FileSystem fs = root.getFileSystem(conf);
      byte[] bytes;
      try (InputStream in = fs.open(file)) {
        bytes = in.readAllBytes();
      } catch (FileNotFoundException e) {
        throw new BadInputException(flag + ": " + dir + " has no " + MODEL_JSON + ".");
      }
      if (!FileChecksums.verify(fs, root, MODEL_JSON, bytes)) {
        warn.accept(dir + " has no " + FileChecksums.FILE + " (written before Descent kept "
            + "checksums), so its " + MODEL_JSON + " cannot be verified.");
      }
      return LinearModel.fromJson(Json.readMap(bytes));
    } catch (IOException | RuntimeException e) {
      if (e instanceof BadInputException) {
        throw (BadInputException) e;
      }
      throw new BadInputException(flag + ": cannot read " + dir + "/" + MODEL_JSON + ": "
          + e.getMessage());
    }
  }
}
