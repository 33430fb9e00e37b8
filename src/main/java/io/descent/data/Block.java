package io.descent.data;

import java.io.Serializable;

/**
 * A few thousand training rows packed into primitive arrays: the unit that is cached and
 * swept by the gradient kernels. Dense blocks hold features row-major in {@code values};
 * sparse blocks hold them in CSR form ({@code rowStart}, {@code indices}, {@code values}).
 * Labels are already mapped to what the loss expects (0/1, class index, or real value).
 * Immutable once built; no per-row objects.
 */
public final class Block implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int numRows;
  private final int numFeatures;
  private final double[] labels;
  /** Instance weights, or null when every row has weight 1. */
  private final double[] weights;
  /** CSR row pointers (numRows + 1 entries), or null for a dense block. */
  private final int[] rowStart;
  private final int[] indices;
  private final double[] values;

  private Block(int numRows, int numFeatures, double[] labels, double[] weights,
      int[] rowStart, int[] indices, double[] values) {
    this.numRows = numRows;
    this.numFeatures = numFeatures;
    this.labels = labels;
    this.weights = weights;
    this.rowStart = rowStart;
    this.indices = indices;
    this.values = values;
  }

  /** A dense block; {@code values} is row-major, numRows × numFeatures. */
  public static Block dense(int numFeatures, double[] labels, double[] weights, double[] values) {
    int n = labels.length;
    if (values.length != (long) n * numFeatures) {
      throw new IllegalArgumentException("dense block needs " + n + " x " + numFeatures + " values");
    }
    checkWeights(n, weights);
    return new Block(n, numFeatures, labels, weights, null, null, values);
  }

  /** A CSR block; row r's entries are {@code indices/values[rowStart[r] .. rowStart[r+1])}. */
  public static Block sparse(int numFeatures, double[] labels, double[] weights,
      int[] rowStart, int[] indices, double[] values) {
    int n = labels.length;
    if (rowStart.length != n + 1 || indices.length != values.length
        || rowStart[n] != values.length) {
      throw new IllegalArgumentException("inconsistent CSR arrays");
    }
    checkWeights(n, weights);
    return new Block(n, numFeatures, labels, weights, rowStart, indices, values);
  }

  private static void checkWeights(int n, double[] weights) {
    if (weights != null && weights.length != n) {
      throw new IllegalArgumentException("need one weight per row");
    }
  }

  public int numRows() {
    return numRows;
  }

  public int numFeatures() {
    return numFeatures;
  }

  public boolean isSparse() {
    return rowStart != null;
  }

  public double label(int row) {
    return labels[row];
  }

  public double weight(int row) {
    return weights == null ? 1.0 : weights[row];
  }

  /** True when every row has weight 1 (no array is kept). */
  public boolean unitWeights() {
    return weights == null;
  }

  public double[] labels() {
    return labels;
  }

  public double[] weights() {
    return weights;
  }

  public int[] rowStart() {
    return rowStart;
  }

  public int[] indices() {
    return indices;
  }

  public double[] values() {
    return values;
  }

  /** Number of stored feature values (n·d when dense). */
  public int storedValues() {
    return values.length;
  }

  /** Sum of the instance weights of the rows. */
  public double weightSum() {
    if (weights == null) {
      return numRows;
    }
    double s = 0;
    for (double w : weights) {
      s += w;
    }
    return s;
  }

  /** Bytes held by the arrays: the figure the cache size is compared with. */
  public long arrayBytes() {
    long b = 8L * labels.length + 8L * values.length;
    if (weights != null) {
      b += 8L * weights.length;
    }
    if (rowStart != null) {
      b += 4L * rowStart.length + 4L * indices.length;
    }
    return b;
  }
}
