package io.descent.ml;

import io.descent.testing.Datasets;
import io.descent.testing.SharedSpark;
import java.util.Arrays;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The shared CSV datasets as a Spark ML user reads them: every column but the last assembled into "features", the last renamed "label". */
final class MlFrames {
  private MlFrames() {}

  /** The raw columns, the last one renamed "label". */
  static Dataset<Row> raw(String csv) {
    Dataset<Row> df = SharedSpark.session().read().option("header", "true")
        .option("inferSchema", "true").csv(Datasets.shared(csv).toString());
    String[] names = df.columns();
    return df.withColumnRenamed(names[names.length - 1], "label");
  }

  static VectorAssembler assembler(Dataset<Row> raw) {
    String[] names = raw.columns();
    return new VectorAssembler().setInputCols(Arrays.copyOf(names, names.length - 1))
        .setOutputCol("features");
  }

  /** Label and features, cached (the estimator reads its input twice). */
  static Dataset<Row> assembled(String csv) {
    Dataset<Row> raw = raw(csv);
    return assembler(raw).transform(raw).select("label", "features").cache();
  }
}
