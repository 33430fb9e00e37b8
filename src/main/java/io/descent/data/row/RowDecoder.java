package io.descent.data.row;

import java.io.Serializable;
import org.apache.spark.sql.Row;

/**
 * Turns one row of a reader's DataFrame into a {@link RowBuffer} and checks it. Fields 0 and 1
 * of every row are the file path and split start (see {@link io.descent.data.source.SourceFrame}); data fields follow.
 */
public interface RowDecoder extends Serializable {
  /** Index of the first data field. */
  int FIRST_DATA_FIELD = 2;

  /** Fills {@code out}; returns what is wrong with the row, or null. */
  RowProblem decode(Row row, RowBuffer out);
}
