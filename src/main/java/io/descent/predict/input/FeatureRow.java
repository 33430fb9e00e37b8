package io.descent.predict.input;

/**
 * One decoded input row as scoring code sees it: the label as read (when the input has one)
 * and the non-zero features as increasing 0-based indices. Valid only during the call it is
 * passed to; the arrays are reused for the next row and hold {@link #size()} entries.
 */
public interface FeatureRow {
  boolean hasLabel();

  /**
   * The original label value; NaN for a row of a labelled input whose label cell is empty
   * (predict); meaningless when {@link #hasLabel()} is false.
   */
  double label();

  /** Number of non-zero features. */
  int size();

  int[] indices();

  double[] values();
}
