package io.descent.ml;

import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Schema checks shared by the estimator and the model, with Spark ML's exception type. */
final class EstimatorColumns {
  private EstimatorColumns() {}

  static void requireVector(StructType schema, String column) {
    for (StructField f : schema.fields()) {
      if (f.name().equals(column)) {
        if (!(f.dataType() instanceof VectorUDT)) {
          throw new IllegalArgumentException("column \"" + column + "\" is "
              + f.dataType().simpleString() + ", not a Spark ML vector");
        }
        return;
      }
    }
    throw new IllegalArgumentException("there is no features column \"" + column
        + "\"; the columns are " + String.join(", ", schema.fieldNames()));
  }

  /** An output column may not replace an input column (Spark's models refuse it too). */
  static void requireAbsent(StructType schema, String column) {
    for (String name : schema.fieldNames()) {
      if (name.equals(column)) {
        throw new IllegalArgumentException("output column \"" + column + "\" already exists;"
            + " set another name with its param, or drop the column first");
      }
    }
  }
}
