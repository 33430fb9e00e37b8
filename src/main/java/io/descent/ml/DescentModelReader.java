package io.descent.ml;

import io.descent.model.LinearModel;
import io.descent.store.ModelStore;
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
    LinearModel model = new ModelStore(sc().hadoopConfiguration()).readModelFile(
        new Path(path, DescentModelWriter.DATA).toString(), "DescentModel.load");
    DescentModel instance = new DescentModel(metadata.uid(), model);
    metadata.getAndSetParams(instance, Option.empty());
    return instance;
  }
}
