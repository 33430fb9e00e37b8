package io.descent.ml;

import io.descent.model.LinearModel;
import io.descent.report.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.MLReader;
import scala.Option;

/** Loads what {@link DescentModelWriter} saved. */
final class DescentModelReader extends MLReader<DescentModel> {
  @Override
  public DescentModel load(String path) {
    DefaultParamsReader.Metadata metadata =
        DefaultParamsReader$.MODULE$.loadMetadata(path, sc(), DescentModel.class.getName());
    Path file = new Path(path, DescentModelWriter.MODEL_FILE);
    LinearModel model;
    try (InputStream in = file.getFileSystem(sc().hadoopConfiguration()).open(file)) {
      model = LinearModel.fromJson(Json.readMap(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    DescentModel instance = new DescentModel(metadata.uid(), model);
    metadata.getAndSetParams(instance, Option.empty());
    return instance;
  }
}
