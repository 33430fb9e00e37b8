package io.descent.data.row;

/** The value rules that every format applies, so tasks and line scans agree. */
public final class RowChecks {
  private RowChecks() {}

  /** A weight must be finite and not negative. */
  public static String weightProblem(double w) {
    if (!Double.isFinite(w)) {
      return "weight " + Numbers.format(w) + " is not a finite number";
    }
    if (w < 0) {
      return "weight " + Numbers.format(w) + " is negative";
    }
    return null;
  }

  /** Parses a number as Spark's readers do (Double.parseDouble); null when it is not one. */
  public static Double parse(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
