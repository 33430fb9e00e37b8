package io.descent.predict.input;

import io.descent.BadInputException;
import io.descent.data.hashing.FeatureHashing;
import io.descent.data.hashing.HashingScheme;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.source.CsvSource;
import io.descent.data.source.InputFiles;
import io.descent.data.source.InputFormat;
import io.descent.data.source.InputSpec;
import io.descent.data.source.ParquetSource;
import io.descent.data.source.UnlabeledCsvSource;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * CSV or Parquet to score with a model trained with --hash-features, opened by the training
 * sources with the model's {@link HashingScheme}: every row gets the feature indices and
 * values it would get in training. The label is the --label-col column, else the model's
 * label column; without it, every column but the weight is a feature. The model's weight
 * column is neither a feature nor read (scoring is unweighted, and new rows may have no
 * weight). LIBSVM is refused, as training refuses it: its features are already indices.
 */
final class HashedScoringSource {
  private HashedScoringSource() {}

  static OpenedInput open(SparkSession spark, InputFiles files, InputSpec spec,
      InputFormat format, HashingScheme scheme, Configuration conf, LabelPolicy anyLabel) {
    String label = spec.labelCol() != null ? spec.labelCol() : scheme.labelColumn();
    String weight = label.equals(scheme.weightColumn()) ? null : scheme.weightColumn();
    InputSpec labelled = spec.withLabelCol(label);
    FeatureHashing hashing = scheme.function();
    switch (format) {
      case CSV: {
        List<String> header = UnlabeledCsvSource.header(files, conf, spec.separator());
        return spec.labelCol() != null || header.contains(label)
            ? new OpenedInput(CsvSource.open(spark, files, labelled, anyLabel, conf, hashing, weight), true)
            : new OpenedInput(UnlabeledCsvSource.open(spark, files, spec.separator(), conf, hashing, weight), false);
      }
      case PARQUET: {
        Dataset<Row> df = ParquetSource.read(spark, files, conf);
        if (spec.labelCol() != null || Arrays.asList(df.schema().fieldNames()).contains(label)) {
          return new OpenedInput(
              ParquetSource.open(df, labelled, anyLabel, files.display(), hashing, weight), true);
        }
        // No label column: a constant placeholder takes its place, as for unlabelled CSV.
        Dataset<Row> placeheld = df.withColumn(UnlabeledCsvSource.PLACEHOLDER, functions.lit(0.0));
        return new OpenedInput(ParquetSource.open(placeheld,
            spec.withLabelCol(UnlabeledCsvSource.PLACEHOLDER), anyLabel, files.display(), hashing,
            weight), false);
      }
      default:
        throw new BadInputException(files.display() + " is LIBSVM, whose features are indices, but"
            + " the model was trained with --hash-features " + scheme.buckets() + ": it hashes the"
            + " named columns of CSV or Parquet input");
    }
  }
}
