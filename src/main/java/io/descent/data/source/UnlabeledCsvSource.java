package io.descent.data.source;

import io.descent.BadInputException;
import io.descent.data.hashing.FeatureHashing;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.row.RowProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * CSV to score that has no label column: every column is a feature. The frame appends a
 * constant placeholder label cell, so that {@link CsvColumns} and {@link CsvRowDecoder}
 * check the cells exactly as for training data; the placeholder is never reported.
 */
public final class UnlabeledCsvSource {
  /** The placeholder label column; a name no header shares, since it is not in the file. */
  public static final String PLACEHOLDER = "_descent_no_label";

  private UnlabeledCsvSource() {}

  public static SourceFrame open(SparkSession spark, InputFiles files, String[] header, Configuration conf) {
    return open(spark, files, header, conf, null, null);
  }

  /**
   * As above, with features hashed when {@code hashing} is non-null, and column
   * {@code ignoredCol} (when the file has it) neither read nor a feature.
   */
  public static SourceFrame open(SparkSession spark, InputFiles files, String[] header, Configuration conf,
      FeatureHashing hashing, String ignoredCol) {
    String[] names = Arrays.copyOf(header, header.length + 1);
    names[header.length] = PLACEHOLDER;
    CsvColumns columns = new CsvColumns(names, PLACEHOLDER, null, LabelPolicy.real(),
        files.file(0).display(), hashing, ignoredCol);
    // Positional field names: Spark then ignores the header's own names, whatever they are.
    StructType schema = new StructType();
    for (int j = 0; j < header.length; j++) {
      schema = schema.add("c" + j, DataTypes.StringType);
    }
    schema = schema.add(CsvSource.CORRUPT, DataTypes.StringType);
    Dataset<Row> df = spark.read()
        .option("header", "true")
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", CsvSource.CORRUPT)
        .schema(schema)
        .csv(files.sparkPaths());
    List<Column> selected = new ArrayList<>(List.of(SourceFrame.positionColumns()));
    for (int j = 0; j < header.length; j++) {
      selected.add(functions.col("c" + j));
    }
    selected.add(functions.lit("0"));
    selected.add(SourceFrame.named(CsvSource.CORRUPT));
    Dataset<Row> rows = df.select(selected.toArray(new Column[0]));
    return new SourceFrame(rows.javaRDD(), new CsvRowDecoder(columns),
        hashing == null ? columns.numFeatureColumns() : -1, false, new PlaceholderLineRules(columns), null);
  }

  /** The first file's header: the column names. */
  public static String[] header(InputFiles files, Configuration conf) {
    for (InputFiles.InputFile f : files.files()) {
      try {
        TextFiles.NumberedLine line = TextFiles.firstNonBlankLine(f.path(), conf);
        if (line != null) {
          return CsvLineSplitter.split(line.text());
        }
      } catch (IOException e) {
        throw new BadInputException(f.display() + " cannot be read: " + e.getMessage(), e);
      }
    }
    throw new BadInputException(files.display() + " contains no rows");
  }

  /** The training CSV rules on each line with the placeholder cell appended. */
  private static final class PlaceholderLineRules implements LineRules {
    private final CsvLineRules rules;

    PlaceholderLineRules(CsvColumns columns) {
      this.rules = new CsvLineRules(columns);
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
      return rules.problem(line + ",0");
    }
  }
}
