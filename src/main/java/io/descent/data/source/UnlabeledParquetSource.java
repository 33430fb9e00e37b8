package io.descent.data.source;

import io.descent.BadInputException;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.row.RowDecoder;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * Parquet to score that has no label column. The frame puts a constant placeholder where the
 * label goes, so the training decoders check the features exactly as for training data.
 * Features: the {@code featuresCol} vector, else a vector column named "features", else
 * every numeric column in schema order (the rules of {@link ParquetSource}).
 */
public final class UnlabeledParquetSource {
  private UnlabeledParquetSource() {}

  public static SourceFrame open(Dataset<Row> df, InputSpec spec, String display) {
    return open(df, spec, display, null);
  }

  /** As above, with numeric column {@code ignoredCol} (when there is one) not a feature. */
  public static SourceFrame open(Dataset<Row> df, InputSpec spec, String display, String ignoredCol) {
    List<Column> selected = new ArrayList<>(List.of(SourceFrame.positionColumns()));
    selected.add(functions.lit(0.0));
    String vector = spec.featuresCol() != null ? spec.featuresCol()
        : hasVector(df, "features") ? "features" : null;
    RowDecoder decoder;
    int featureColumns;
    NamedColumns columns = null;
    if (vector != null) {
      if (!hasVector(df, vector)) {
        throw new BadInputException("the features column \"" + vector + "\" of " + display
            + " is missing or not a Spark ML vector; its columns are "
            + String.join(", ", df.schema().fieldNames()));
      }
      selected.add(SourceFrame.named(vector));
      decoder = new VectorRowDecoder(LabelPolicy.real(), null, null, vector, spec.numFeatures());
      featureColumns = -1;
    } else {
      List<String> names = new ArrayList<>();
      for (StructField f : df.schema().fields()) {
        if (f.dataType() instanceof NumericType && !f.name().equals(ignoredCol)) {
          names.add(f.name());
          selected.add(SourceFrame.named(f.name()).cast("double"));
        }
      }
      decoder = new NumericColumnsRowDecoder(LabelPolicy.real(), null, null, names.toArray(new String[0]));
      featureColumns = names.size();
      columns = new NamedColumns(null, null, names);
    }
    Dataset<Row> rows = df.select(selected.toArray(new Column[0]));
    return new SourceFrame(rows.javaRDD(), decoder, featureColumns, false, null, null, columns, null);
  }

  private static boolean hasVector(Dataset<Row> df, String name) {
    for (StructField f : df.schema().fields()) {
      DataType t = f.dataType();
      if (f.name().equals(name) && t instanceof VectorUDT) {
        return true;
      }
    }
    return false;
  }
}
