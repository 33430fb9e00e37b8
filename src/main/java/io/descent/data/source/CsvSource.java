package io.descent.data.source;

import io.descent.BadInputException;
import io.descent.data.hashing.FeatureHashing;
import io.descent.data.labels.LabelPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * CSV with a header through Spark's CSV reader, every column read as a string so that our
 * own parsing can name the column and the text at fault. The header is read on the driver,
 * so the reader needs no schema-inference job.
 */
public final class CsvSource {
  /** Spark puts a line with the wrong number of cells here (PERMISSIVE mode). */
  static final String CORRUPT = "_corrupt_record";

  private CsvSource() {}

  public static SourceFrame open(SparkSession spark, InputFiles files, InputSpec spec, LabelPolicy policy,
      Configuration conf) {
    return open(spark, files, spec, policy, conf, null);
  }

  /** With {@code hashing} non-null, features are hashed (see {@link CsvColumns}). */
  public static SourceFrame open(SparkSession spark, InputFiles files, InputSpec spec, LabelPolicy policy,
      Configuration conf, FeatureHashing hashing) {
    return open(spark, files, spec, policy, conf, hashing, null);
  }

  /** As above, with column {@code ignoredCol} (when the file has it) neither read nor a feature. */
  public static SourceFrame open(SparkSession spark, InputFiles files, InputSpec spec, LabelPolicy policy,
      Configuration conf, FeatureHashing hashing, String ignoredCol) {
    if (spec.featuresCol() != null) {
      throw new BadInputException("featuresCol \"" + spec.featuresCol() + "\" does not apply to "
          + files.display() + ", which is CSV: every column but the label and weight is a feature");
    }
    CsvHeader header = CsvHeader.read(files, conf, spec.separator());
    CsvColumns columns = new CsvColumns(header, null, spec.labelCol(), spec.weightCol(), policy,
        hashing, ignoredCol);
    String[] fieldNames = fieldNames(header.cells());
    Dataset<Row> rows = read(spark, files, fieldNames, header.separator());
    List<String> features = columns.featureNames();
    return new SourceFrame(rows.javaRDD(), new CsvRowDecoder(columns),
        hashing == null ? columns.numFeatureColumns() : -1,
        spec.weightCol() != null, new CsvLineRules(columns), columns.labelName(),
        features == null ? null : new NamedColumns(columns.labelName(), columns.weightName(), features),
        header.notice());
  }

  /**
   * Every line as strings, one field per column named {@code fieldNames}, then the corrupt
   * record; the position fields first.
   */
  static Dataset<Row> read(SparkSession spark, InputFiles files, String[] fieldNames, char separator) {
    StructType schema = new StructType();
    for (String name : fieldNames) {
      schema = schema.add(name, DataTypes.StringType);
    }
    schema = schema.add(CORRUPT, DataTypes.StringType);
    Dataset<Row> df = spark.read()
        .option("header", "true")
        .option("sep", String.valueOf(separator))
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", CORRUPT)
        .schema(schema)
        .csv(files.sparkPaths());
    List<Column> selected = new ArrayList<>(List.of(SourceFrame.positionColumns()));
    for (String name : fieldNames) {
      selected.add(SourceFrame.named(name));
    }
    selected.add(SourceFrame.named(CORRUPT));
    return df.select(selected.toArray(new Column[0]));
  }

  /**
   * Spark's field names: the header's own when they are usable (Spark then finds the header
   * matching and stays quiet), else c0, c1, … by position.
   */
  private static String[] fieldNames(String[] header) {
    Set<String> seen = new HashSet<>();
    boolean usable = true;
    for (String name : header) {
      usable &= !name.isEmpty() && !name.equalsIgnoreCase(CORRUPT) && !name.startsWith("_metadata")
          && seen.add(name.toLowerCase(Locale.ROOT));
    }
    if (usable) {
      return header.clone();
    }
    String[] names = new String[header.length];
    for (int j = 0; j < names.length; j++) {
      names[j] = "c" + j;
    }
    return names;
  }
}
