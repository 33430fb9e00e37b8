package io.descent.data.source;

import io.descent.BadInputException;
import io.descent.data.diagnostics.BadRecords;
import io.descent.data.diagnostics.ProblemReporter;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.row.RowDecoder;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * LIBSVM through Spark's "libsvm" reader (it decompresses .gz and the like itself), or, under
 * --bad-records skip, through its text reader and our line parser.
 */
public final class LibsvmSource {
  private LibsvmSource() {}

  /**
   * Without numFeatures, Spark's reader runs one job over all files to find the largest index.
   * A malformed line fails that job or the later ones; the reporter then finds the line.
   */
  public static SourceFrame open(SparkSession spark, InputFiles files, InputSpec spec, LabelPolicy policy,
      Configuration conf) {
    return open(spark, files, spec, policy, conf, BadRecords.FAIL);
  }

  public static SourceFrame open(SparkSession spark, InputFiles files, InputSpec spec, LabelPolicy policy,
      Configuration conf, BadRecords badRecords) {
    for (String[] option : new String[][] {
        {"labelCol", spec.labelCol()}, {"weightCol", spec.weightCol()}, {"featuresCol", spec.featuresCol()}}) {
      if (option[1] != null) {
        throw new BadInputException(option[0] + " \"" + option[1] + "\" does not apply to "
            + files.display() + ", which is LIBSVM and has no named columns");
      }
    }
    LineRules rules = new LibsvmLineRules(policy, spec.numFeatures());
    if (badRecords == BadRecords.SKIP) {
      return openAsText(spark, files, spec, policy, rules);
    }
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
    RowDecoder decoder = new VectorRowDecoder(policy, null, null, null, spec.numFeatures());
    return new SourceFrame(rows.javaRDD(), decoder, -1, false, rules, null);
  }

  /**
   * Lines through Spark's text reader, blank and comment lines dropped as Spark's LIBSVM
   * reader drops them, each parsed by our parser: a malformed line is then one bad row.
   */
  private static SourceFrame openAsText(SparkSession spark, InputFiles files, InputSpec spec,
      LabelPolicy policy, LineRules rules) {
    Dataset<Row> df = spark.read().text(files.sparkPaths());
    List<Column> columns = new ArrayList<>(List.of(SourceFrame.positionColumns()));
    columns.add(df.col("value"));
    Dataset<Row> rows = df.select(columns.toArray(new Column[0]))
        .filter((FilterFunction<Row>) r -> LibsvmLineParser.isRow(r.getString(RowDecoder.FIRST_DATA_FIELD)));
    RowDecoder decoder = new LibsvmTextRowDecoder(policy, spec.numFeatures());
    return new SourceFrame(rows.javaRDD(), decoder, -1, false, rules, null);
  }
}
