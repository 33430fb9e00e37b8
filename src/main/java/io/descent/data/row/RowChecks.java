package io.descent.data.row;

/** The value rules that every format applies, so tasks and line scans agree. */
public final class RowChecks {
  private RowChecks() {}

  /**
   * The largest instance weight: weights matter only relative to each other (the objective
   * divides by their sum), and above this their sum or a weighted loss can overflow to
   * infinity, which the run would later blame on the features or call divergence.
   */
  public static final double MAX_WEIGHT = 1e100;

  /** A weight must be finite, not negative and at most {@link #MAX_WEIGHT}. */
  public static String weightProblem(double w) {
    if (!Double.isFinite(w)) {
      return "weight " + Numbers.format(w) + " is not a finite number";
    }
    if (w < 0) {
      return "weight " + Numbers.format(w) + " is negative";
    }
    if (w > MAX_WEIGHT) {
      return "weight " + Numbers.format(w) + " is above 1e100, where sums of weighted losses"
          + " overflow; weights count only relative to each other: divide them all by one factor";
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
