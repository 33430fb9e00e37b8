package io.descent.data.source;

import io.descent.data.row.RowBuffer;
import io.descent.data.row.RowProblem;

/**
 * CSV lines as Spark reads them with a header: blank lines are skipped, the first other line
 * of each file is the header, and every later one is a row with one cell per column.
 */
final class CsvLineRules implements LineRules {
  private final CsvColumns columns;
  private final RowBuffer buffer = new RowBuffer();
  private boolean headerSeen;

  CsvLineRules(CsvColumns columns) {
    this.columns = columns;
  }

  static boolean isBlank(String line) {
    return line.trim().isEmpty();
  }

  @Override
  public void startFile() {
    headerSeen = false;
  }

  @Override
  public boolean isRow(String line) {
    if (isBlank(line)) {
      return false;
    }
    if (!headerSeen) {
      headerSeen = true;
      return false;
    }
    return true;
  }

  @Override
  public RowProblem problem(String line) {
    String[] cells = columns.split(line);
    if (cells.length != columns.numColumns()) {
      return new RowProblem(null, "the line has " + cells.length + " cells where the header has "
          + columns.numColumns());
    }
    return columns.parse(cells, buffer);
  }
}
