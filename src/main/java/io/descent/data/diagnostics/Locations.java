package io.descent.data.diagnostics;

import io.descent.data.row.RowProblem;

/** The one-sentence form of a located problem: "file, line 17, column "age": message". */
public final class Locations {
  private Locations() {}

  /** {@code unit} is "line" or "row"; a number below 1 leaves the position out. */
  public static String sentence(String file, String unit, long number, RowProblem problem) {
    StringBuilder s = new StringBuilder(file);
    if (number > 0) {
      s.append(", ").append(unit).append(' ').append(number);
    }
    if (problem.column() != null) {
      s.append(", column \"").append(problem.column()).append('"');
    }
    return s.append(": ").append(problem.message()).toString();
  }
}
