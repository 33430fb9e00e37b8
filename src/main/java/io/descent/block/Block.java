package io.descent.block;

import java.io.Serializable;

/**
 * A few thousand training rows packed into primitive arrays: the unit that is cached and
 * swept by the gradient kernels. Dense blocks hold features row-major in {@code values};
 * sparse blocks hold them in CSR form ({@code rowStart}, {@code indices}, {@code values}).
 * Labels are already mapped to what the loss expects (0/1, class index, or real value).
 * A float block ({@link FeaturePrecision#FLOAT}) keeps the feature values in
 * {@code floatValues} instead, at half the bytes; labels, weights and indices are the same.
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
  /** Feature values of a double block, else null. */
  private final double[] values;
  /** Feature values of a float block, else null. */
  private final float[] floatValues;
  /**
   * The row group every row of the block belongs to (a cross-validation fold), or
   * {@link #NO_GROUP}: passes over several models select blocks by it.
   */
  private final int group;

  /** The group of a block that is not split into groups. */
  public static final int NO_GROUP = -1;

  private Block(int numRows, int numFeatures, double[] labels, double[] weights,
      int[] rowStart, int[] indices, double[] values, float[] floatValues) {
    this(numRows, numFeatures, labels, weights, rowStart, indices, values, floatValues,
        NO_GROUP);
  }

  private Block(int numRows, int numFeatures, double[] labels, double[] weights,
      int[] rowStart, int[] indices, double[] values, float[] floatValues, int group) {
    this.group = group;
    this.numRows = numRows;
    this.numFeatures = numFeatures;
    this.labels = labels;
    this.weights = weights;
    this.rowStart = rowStart;
    this.indices = indices;
    this.values = values;
    this.floatValues = floatValues;
  }

  /** A dense block; {@code values} is row-major, numRows × numFeatures. */
  public static Block dense(int numFeatures, double[] labels, double[] weights, double[] values) {
    checkDense(numFeatures, labels, weights, values.length);
    return new Block(labels.length, numFeatures, labels, weights, null, null, values, null);
  }

  /** A dense float block; {@code values} is row-major, numRows × numFeatures. */
  public static Block denseFloat(int numFeatures, double[] labels, double[] weights, float[] values) {
    checkDense(numFeatures, labels, weights, values.length);
    return new Block(labels.length, numFeatures, labels, weights, null, null, null, values);
  }

  /** A CSR block; row r's entries are {@code indices/values[rowStart[r] .. rowStart[r+1])}. */
  public static Block sparse(int numFeatures, double[] labels, double[] weights,
      int[] rowStart, int[] indices, double[] values) {
    checkSparse(labels, weights, rowStart, indices, values.length);
    return new Block(labels.length, numFeatures, labels, weights, rowStart, indices, values, null);
  }

  /** A CSR float block, laid out as {@link #sparse}. */
  public static Block sparseFloat(int numFeatures, double[] labels, double[] weights,
      int[] rowStart, int[] indices, float[] values) {
    checkSparse(labels, weights, rowStart, indices, values.length);
    return new Block(labels.length, numFeatures, labels, weights, rowStart, indices, null, values);
  }

  private static void checkDense(int numFeatures, double[] labels, double[] weights, int count) {
    int n = labels.length;
    if (count != (long) n * numFeatures) {
      throw new IllegalArgumentException("dense block needs " + n + " x " + numFeatures + " values");
    }
    checkWeights(n, weights);
  }

  private static void checkSparse(double[] labels, double[] weights, int[] rowStart,
      int[] indices, int count) {
    int n = labels.length;
    if (rowStart.length != n + 1 || indices.length != count || rowStart[n] != count) {
      throw new IllegalArgumentException("inconsistent CSR arrays");
    }
    checkWeights(n, weights);
  }

  private static void checkWeights(int n, double[] weights) {
    if (weights != null && weights.length != n) {
      throw new IllegalArgumentException("need one weight per row");
    }
  }

  public int numRows() {
    return numRows;
  }

  /** The row group of every row here, or {@link #NO_GROUP}. */
  public int group() {
    return group;
  }

  /** This block's rows, all of row group {@code g} (the arrays are shared, not copied). */
  public Block inGroup(int g) {
    if (g < 0) {
      throw new IllegalArgumentException("a row group is a non-negative number, not " + g);
    }
    return new Block(numRows, numFeatures, labels, weights, rowStart, indices, values,
        floatValues, g);
  }

  public int numFeatures() {
    return numFeatures;
  }

  public boolean isSparse() {
    return rowStart != null;
  }

  /** True when the feature values are stored as floats ({@link #floatValues()}). */
  public boolean isFloat() {
    return floatValues != null;
  }

  public FeaturePrecision precision() {
    return isFloat() ? FeaturePrecision.FLOAT : FeaturePrecision.DOUBLE;
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

  /** The feature values of a double block; a float block has none (see {@link #floatValues()}). */
  public double[] values() {
    if (values == null) {
      // Fail where a consumer forgot float blocks, not with a NullPointerException later.
      throw new IllegalStateException("a float block has no double values; read floatValues()");
    }
    return values;
  }

  /** The feature values of a float block; a double block has none (see {@link #values()}). */
  public float[] floatValues() {
    if (floatValues == null) {
      throw new IllegalStateException("a double block has no float values; read values()");
    }
    return floatValues;
  }

  /**
   * Stored value {@code p} (CSR position, or r·d + j when dense), widened to double: for code
   * off the hot paths; the kernels read the arrays.
   */
  public double value(int p) {
    return floatValues != null ? floatValues[p] : values[p];
  }

  /** Number of stored feature values (n·d when dense). */
  public int storedValues() {
    return floatValues != null ? floatValues.length : values.length;
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
    long b = 8L * labels.length + (long) precision().bytesPerValue() * storedValues();
    if (weights != null) {
      b += 8L * weights.length;
    }
    if (rowStart != null) {
      b += 4L * rowStart.length + 4L * indices.length;
    }
    return b;
  }
}
