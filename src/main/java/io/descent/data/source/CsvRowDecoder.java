package io.descent.data.source;

import io.descent.data.row.RowBuffer;
import io.descent.data.row.RowDecoder;
import io.descent.data.row.RowProblem;
import org.apache.spark.sql.Row;

/**
 * CSV rows read by Spark as strings, one field per column, then the corrupt-record field
 * that Spark fills when a line has more or fewer cells than the header.
 */
final class CsvRowDecoder implements RowDecoder {
  private static final long serialVersionUID = 1L;

  private final CsvColumns columns;
  /** Reused from row to row within a task. */
  private transient String[] cells;

  CsvRowDecoder(CsvColumns columns) {
    this.columns = columns;
  }

  @Override
  public RowProblem decode(Row row, RowBuffer out) {
    int k = columns.numColumns();
    if (!row.isNullAt(FIRST_DATA_FIELD + k)) {
      return new RowProblem(null, "the line does not have the header's " + k + " cells");
    }
    if (cells == null) {
      cells = new String[k];
    }
    for (int j = 0; j < k; j++) {
      cells[j] = row.getString(FIRST_DATA_FIELD + j);
    }
    return columns.parse(cells, out);
  }
}
