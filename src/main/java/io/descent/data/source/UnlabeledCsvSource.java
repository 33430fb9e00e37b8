package io.descent.data.source;

import io.descent.data.hashing.FeatureHashing;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.row.RowProblem;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * CSV to score that has no label column: every column is a feature. The frame appends a
 * constant placeholder label cell, so that {@link CsvColumns} and {@link CsvRowDecoder}
 * check the cells exactly as for training data; the placeholder is never reported.
 */
public final class UnlabeledCsvSource {
  /** The placeholder label column; a name no header shares, since it is not in the file. */
  public static final String PLACEHOLDER = "_descent_no_label";

  private UnlabeledCsvSource() {}

  public static SourceFrame open(SparkSession spark, InputFiles files, char separator, Configuration conf) {
    return open(spark, files, separator, conf, null, null);
  }

  /**
   * As above, with features hashed when {@code hashing} is non-null, and column
   * {@code ignoredCol} (when the file has it) neither read nor a feature.
   */
  public static SourceFrame open(SparkSession spark, InputFiles files, char separator, Configuration conf,
      FeatureHashing hashing, String ignoredCol) {
    CsvHeader header = CsvHeader.read(files, conf, separator);
    CsvColumns columns = new CsvColumns(header, PLACEHOLDER, PLACEHOLDER, null, LabelPolicy.real(),
        hashing, ignoredCol);
    // Positional field names: Spark then ignores the header's own names, whatever they are.
    int k = header.cells().length;
    String[] fieldNames = new String[k];
    for (int j = 0; j < k; j++) {
      fieldNames[j] = "c" + j;
    }
    Dataset<Row> read = CsvSource.read(spark, files, fieldNames, separator);
    // The placeholder label cell goes between the file's cells and the corrupt record.
    List<Column> selected = new ArrayList<>();
    for (String field : read.columns()) {
      if (field.equals(CsvSource.CORRUPT)) {
        selected.add(functions.lit("0"));
      }
      selected.add(SourceFrame.named(field));
    }
    Dataset<Row> rows = read.select(selected.toArray(new Column[0]));
    List<String> features = columns.featureNames();
    return new SourceFrame(rows.javaRDD(), new CsvRowDecoder(columns),
        hashing == null ? columns.numFeatureColumns() : -1, false, new PlaceholderLineRules(columns), null,
        features == null ? null : new NamedColumns(null, null, features), header.notice());
  }

  /** The named columns of the input's header, checked as for training. */
  public static List<String> header(InputFiles files, Configuration conf, char separator) {
    CsvHeader header = CsvHeader.read(files, conf, separator);
    return List.of(header.cells()).subList(0, header.named());
  }

  /** The training CSV rules on each line with the placeholder cell appended. */
  private static final class PlaceholderLineRules implements LineRules {
    private final CsvLineRules rules;
    private final CsvColumns columns;

    PlaceholderLineRules(CsvColumns columns) {
      this.rules = new CsvLineRules(columns);
      this.columns = columns;
    }

    @Override
    public void startFile() {
      rules.startFile();
    }

    @Override
    public boolean isRow(String line) {
      return rules.isRow(line);
    }

    @Override
    public RowProblem problem(String line) {
      return rules.problem(line + columns.separator() + "0");
    }
  }
}
