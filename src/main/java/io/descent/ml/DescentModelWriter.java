package io.descent.ml;

import io.descent.store.ModelStore;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLWriter;
import scala.Option;

/**
 * Saves a {@link DescentModel}: Spark ML's params metadata (so PipelineModel.load finds the
 * class), and the model itself as model.json (the format of descent train, with its
 * checksums) under data/, written by the model store.
 */
final class DescentModelWriter extends MLWriter {
  static final String DATA = ModelStore.SPARK_ML_DATA;

  private final DescentModel instance;

  DescentModelWriter(DescentModel instance) {
    this.instance = instance;
  }

  @Override
  public void saveImpl(String path) {
    DefaultParamsWriter$.MODULE$.saveMetadata(instance, path, sc(), Option.empty(), Option.empty());
    new ModelStore(sc().hadoopConfiguration()).write(new Path(path, DATA).toString(),
        instance.linearModel(), null, Map.of(), false);
  }
}
