package io.descent.data.source;

import io.descent.data.row.RowDecoder;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * An input as read by Spark's own reader: rows of (file path, split start, data fields…), the
 * decoder for the data fields, and what the driver needs to locate errors.
 *
 * @param rows            one RDD, used by both the scan and the packing job so that both
 *                        see the same splits
 * @param featureColumns  number of feature columns, or -1 when features are one vector
 * @param lineRules       the driver's rules for re-reading the text, null for Parquet
 * @param labelColumn     the label's column name for messages, null for LIBSVM
 * @param columns         the named columns the features came from, null when they are a
 *                        vector, hashed, or LIBSVM indices
 * @param notice          what the reader tells the user once about the input, or null
 */
public record SourceFrame(JavaRDD<Row> rows, RowDecoder decoder, int featureColumns, boolean weighted,
    LineRules lineRules, String labelColumn, NamedColumns columns, String notice) {

  /** A frame without named columns nor notice. */
  public SourceFrame(JavaRDD<Row> rows, RowDecoder decoder, int featureColumns, boolean weighted,
      LineRules lineRules, String labelColumn) {
    this(rows, decoder, featureColumns, weighted, lineRules, labelColumn, null, null);
  }

  /** The same frame with its rows decoded by {@code other} (a decoder that adds checks). */
  public SourceFrame withDecoder(RowDecoder other) {
    return new SourceFrame(rows, other, featureColumns, weighted, lineRules, labelColumn, columns,
        notice);
  }

  /** The two position fields every frame starts with: Spark's file metadata. */
  static Column[] positionColumns() {
    return new Column[] {
      functions.col("_metadata.file_path"), functions.col("_metadata.file_block_start")
    };
  }

  /** A column by its exact name, whatever characters it holds. */
  public static Column named(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }
}
