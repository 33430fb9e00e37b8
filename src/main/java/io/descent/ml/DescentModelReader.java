package io.descent.ml;

import io.descent.model.LinearModel;
import io.descent.store.ModelStore;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import scala.Option;

/**
 * Loads what {@link DescentModelWriter} saved (Spark's params metadata, the model under
 * data/), or a model directory written by {@code descent train} (its params at their
 * defaults): one model, read through the same checksummed model store either way.
 */
final class DescentModelReader extends MLReader<DescentModel> {
  @Override
  public DescentModel load(String path) {
    ModelStore store = new ModelStore(sc().hadoopConfiguration());
    if (!store.isSparkMlSave(path)) {
      return new DescentModel(Identifiable$.MODULE$.randomUID("descent"),
          store.read(path, "DescentModel.load"));
    }
    DefaultParamsReader.Metadata metadata =
        DefaultParamsReader$.MODULE$.loadMetadata(path, sc(), DescentModel.class.getName());
    LinearModel model = store.readModelFile(
        new Path(path, DescentModelWriter.DATA).toString(), "DescentModel.load");
    DescentModel instance = new DescentModel(metadata.uid(), model);
    metadata.getAndSetParams(instance, Option.empty());
    return instance;
  }
}
