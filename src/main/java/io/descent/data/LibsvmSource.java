package io.descent.data;

import io.descent.BadInputException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** LIBSVM through Spark's "libsvm" reader (it decompresses .gz and the like itself). */
final class LibsvmSource {
  private LibsvmSource() {}

  /**
   * Without numFeatures, Spark's reader runs one job over all files to find the largest index.
   * A malformed line fails that job or the later ones; the reporter then finds the line.
   */
  static SourceFrame open(SparkSession spark, InputFiles files, InputSpec spec, LabelPolicy policy,
      Configuration conf) {
    for (String[] option : new String[][] {
        {"labelCol", spec.labelCol()}, {"weightCol", spec.weightCol()}, {"featuresCol", spec.featuresCol()}}) {
      if (option[1] != null) {
        throw new BadInputException(option[0] + " \"" + option[1] + "\" does not apply to "
            + files.display() + ", which is LIBSVM and has no named columns");
      }
    }
    LineRules rules = new LibsvmLineRules(policy, spec.numFeatures());
    DataFrameReader reader = spark.read().format("libsvm");
    if (spec.numFeatures() != null) {
      reader = reader.option("numFeatures", spec.numFeatures().toString());
    }
    Dataset<Row> df;
    try {
      df = reader.load(files.sparkPaths());
    } catch (Exception e) {
      throw new ProblemReporter(files, rules, conf).readFailure(e);
    }
    List<Column> columns = new ArrayList<>(List.of(SourceFrame.positionColumns()));
    columns.add(df.col("label"));
    columns.add(df.col("features"));
    Dataset<Row> rows = df.select(columns.toArray(new Column[0]));
    RowDecoder decoder = new VectorRowDecoder(policy, null, null, false, null, spec.numFeatures());
    return new SourceFrame(rows.javaRDD(), decoder, -1, false, rules, null);
  }
}
