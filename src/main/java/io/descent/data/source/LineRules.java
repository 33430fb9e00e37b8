package io.descent.data.source;

import io.descent.data.row.RowProblem;

/**
 * How the driver's sequential scan reads a text format: which physical lines hold rows and
 * what is wrong with a row line. Stateful per file (a CSV header comes first).
 */
public interface LineRules {
  /** Called before the first line of each file. */
  void startFile();

  /** Whether this line is a data row, as opposed to a blank line, comment or header. */
  boolean isRow(String line);

  /** What is wrong with a data row's line, or null. */
  RowProblem problem(String line);
}
