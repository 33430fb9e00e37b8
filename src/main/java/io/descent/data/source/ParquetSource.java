package io.descent.data.source;

import io.descent.BadInputException;
import io.descent.data.diagnostics.ProblemReporter;
import io.descent.data.hashing.FeatureHashing;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.row.RowDecoder;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Parquet through Spark's reader. Features are a Spark ML vector column (featuresCol, or one
 * named "features"), else every numeric column but the label and weight, in schema order.
 * Reading the schema costs Spark one small job.
 */
public final class ParquetSource {
  private ParquetSource() {}

  public static SourceFrame open(SparkSession spark, InputFiles files, InputSpec spec, LabelPolicy policy,
      Configuration conf) {
    return open(spark, files, spec, policy, conf, null);
  }

  /**
   * With {@code hashing} non-null, numeric, string and boolean columns but the label and
   * weight are hashed features ({@link HashedColumnsRowDecoder}); a vector column is refused.
   */
  public static SourceFrame open(SparkSession spark, InputFiles files, InputSpec spec, LabelPolicy policy,
      Configuration conf, FeatureHashing hashing) {
    return open(read(spark, files, conf), spec, policy, files.display(), hashing, null);
  }

  /**
   * As above, on rows already read ({@code display} names them in messages), with column
   * {@code ignoredCol} (when there is one) neither read nor a feature.
   */
  public static SourceFrame open(Dataset<Row> df, InputSpec spec, LabelPolicy policy, String display,
      FeatureHashing hashing, String ignoredCol) {
    StructType schema = df.schema();
    String label = spec.labelCol() == null ? "label" : spec.labelCol();
    requireNumeric(schema, label, "label", display);
    String weight = spec.weightCol();
    if (weight != null) {
      requireNumeric(schema, weight, "weight", display);
    }
    List<Column> selected = new ArrayList<>(List.of(SourceFrame.positionColumns()));
    selected.add(SourceFrame.named(label).cast("double"));
    if (weight != null) {
      selected.add(SourceFrame.named(weight).cast("double"));
    }
    String vectorColumn = vectorColumn(schema, spec.featuresCol(), display);
    RowDecoder decoder;
    int featureColumns;
    NamedColumns columns = null;
    if (hashing != null) {
      if (spec.featuresCol() != null) {
        throw new BadInputException("hash-features hashes named columns; the features column \""
            + spec.featuresCol() + "\" of " + display + " is a vector, which cannot be hashed");
      }
      List<String> names = new ArrayList<>();
      List<Boolean> kinds = new ArrayList<>();
      for (StructField f : schema.fields()) {
        boolean numeric = f.dataType() instanceof NumericType;
        boolean category = f.dataType() instanceof StringType || f.dataType() instanceof BooleanType;
        if ((numeric || category) && !f.name().equals(label) && !f.name().equals(weight)
            && !f.name().equals(ignoredCol)) {
          names.add(f.name());
          kinds.add(category);
          selected.add(SourceFrame.named(f.name()).cast(category ? "string" : "double"));
        }
      }
      boolean[] categorical = new boolean[kinds.size()];
      for (int j = 0; j < categorical.length; j++) {
        categorical[j] = kinds.get(j);
      }
      decoder = new HashedColumnsRowDecoder(policy, label, weight, names.toArray(new String[0]),
          categorical, hashing);
      featureColumns = -1;
    } else if (vectorColumn != null) {
      selected.add(SourceFrame.named(vectorColumn));
      decoder = new VectorRowDecoder(policy, label, weight, vectorColumn,
          spec.numFeatures());
      featureColumns = -1;
    } else {
      List<String> names = new ArrayList<>();
      for (StructField f : schema.fields()) {
        if (f.dataType() instanceof NumericType && !f.name().equals(label) && !f.name().equals(weight)
            && !f.name().equals(ignoredCol)) {
          names.add(f.name());
          selected.add(SourceFrame.named(f.name()).cast("double"));
        }
      }
      decoder = new NumericColumnsRowDecoder(policy, label, weight, names.toArray(new String[0]));
      featureColumns = names.size();
      columns = new NamedColumns(label, weight, names);
    }
    Dataset<Row> rows = df.select(selected.toArray(new Column[0]));
    return new SourceFrame(rows.javaRDD(), decoder, featureColumns, weight != null, null, label,
        columns, null);
  }

  /** The input's rows as Spark reads them; a file Spark cannot read is reported as such. */
  public static Dataset<Row> read(SparkSession spark, InputFiles files, Configuration conf) {
    try {
      return spark.read().parquet(files.sparkPaths());
    } catch (Exception e) {
      throw new ProblemReporter(files, null, conf).readFailure(e);
    }
  }

  /** The vector column to use, or null for numeric columns. */
  private static String vectorColumn(StructType schema, String featuresCol, String display) {
    if (featuresCol != null) {
      DataType t = type(schema, featuresCol, "features", display);
      if (!(t instanceof VectorUDT)) {
        throw new BadInputException("the features column \"" + featuresCol + "\" of " + display
            + " is " + t.simpleString() + ", not a Spark ML vector");
      }
      return featuresCol;
    }
    for (StructField f : schema.fields()) {
      if (f.name().equals("features") && f.dataType() instanceof VectorUDT) {
        return "features";
      }
    }
    return null;
  }

  private static void requireNumeric(StructType schema, String name, String role, String display) {
    DataType t = type(schema, name, role, display);
    if (!(t instanceof NumericType)) {
      throw new BadInputException("the " + role + " column \"" + name + "\" of " + display
          + " is " + t.simpleString() + ", not a number");
    }
  }

  private static DataType type(StructType schema, String name, String role, String display) {
    for (StructField f : schema.fields()) {
      if (f.name().equals(name)) {
        return f.dataType();
      }
    }
    throw new BadInputException(display + " has no " + role + " column \"" + name
        + "\"; its columns are " + String.join(", ", schema.fieldNames()));
  }
}
