package io.descent.ml;

import io.descent.report.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLWriter;
import scala.Option;

/**
 * Saves a {@link DescentModel}: Spark ML's params metadata (so PipelineModel.load finds the
 * class), and the model itself as model.json (the format of descent train) under data/.
 */
final class DescentModelWriter extends MLWriter {
  static final String MODEL_FILE = "data/model.json";

  private final DescentModel instance;

  DescentModelWriter(DescentModel instance) {
    this.instance = instance;
  }

  @Override
  public void saveImpl(String path) {
    DefaultParamsWriter$.MODULE$.saveMetadata(instance, path, sc(), Option.empty(), Option.empty());
    Path file = new Path(path, MODEL_FILE);
    try {
      FileSystem fs = file.getFileSystem(sc().hadoopConfiguration());
      try (OutputStream out = fs.create(file, false)) {
        out.write(Json.write(instance.linearModel().toJson()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
