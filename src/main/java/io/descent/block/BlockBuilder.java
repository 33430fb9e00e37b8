package io.descent.block;

import java.util.Arrays;

/**
 * Accumulates rows in growable CSR arrays and emits them as a {@link Block}: dense or CSR,
 * whichever is smaller, or always CSR for the chunks that travel through the shuffle. Values
 * are kept as doubles until a block is built at the builder's precision, so a float value
 * added from a float block comes out with the same bits.
 */
public final class BlockBuilder {
  private final int numFeatures;
  private final boolean weighted;
  private final FeaturePrecision precision;
  private int rows;
  private int nnz;
  private double[] labels;
  private double[] weights;
  private int[] rowStart;
  private int[] indices;
  private double[] values;

  /** A builder of double blocks. */
  public BlockBuilder(int numFeatures, boolean weighted, int expectedRows) {
    this(numFeatures, weighted, expectedRows, FeaturePrecision.DOUBLE);
  }

  public BlockBuilder(int numFeatures, boolean weighted, int expectedRows,
      FeaturePrecision precision) {
    this.numFeatures = numFeatures;
    this.weighted = weighted;
    this.precision = precision;
    int r = Math.max(1, Math.min(expectedRows, 1 << 16));
    labels = new double[r];
    weights = weighted ? new double[r] : null;
    rowStart = new int[r + 1];
    indices = new int[Math.max(16, r)];
    values = new double[indices.length];
  }

  public int rows() {
    return rows;
  }

  public FeaturePrecision precision() {
    return precision;
  }

  /** Appends a row whose features are {@code idx/val[from, to)}, indices increasing. */
  public void add(double label, double weight, int[] idx, double[] val, int from, int to) {
    int count = to - from;
    grow(count);
    System.arraycopy(idx, from, indices, nnz, count);
    System.arraycopy(val, from, values, nnz, count);
    append(label, weight, count);
  }

  /** As above, from float values (a row of a float block). */
  public void add(double label, double weight, int[] idx, float[] val, int from, int to) {
    int count = to - from;
    grow(count);
    System.arraycopy(idx, from, indices, nnz, count);
    for (int p = 0; p < count; p++) {
      values[nnz + p] = val[from + p];
    }
    append(label, weight, count);
  }

  /** Room for one more row of {@code count} entries. */
  private void grow(int count) {
    if (rows == labels.length) {
      int r = 2 * rows;
      labels = Arrays.copyOf(labels, r);
      rowStart = Arrays.copyOf(rowStart, r + 1);
      if (weighted) {
        weights = Arrays.copyOf(weights, r);
      }
    }
    if (nnz + count > indices.length) {
      int size = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(2L * indices.length, (long) nnz + count));
      indices = Arrays.copyOf(indices, size);
      values = Arrays.copyOf(values, size);
    }
  }

  private void append(double label, double weight, int count) {
    labels[rows] = label;
    if (weighted) {
      weights[rows] = weight;
    }
    nnz += count;
    rows++;
    rowStart[rows] = nnz;
  }

  /** The rows so far in the smaller layout; then starts empty. */
  public Block build() {
    Block b = BlockLayout.denseIsSmaller(rows, numFeatures, nnz, precision) ? dense() : sparse();
    reset();
    return b;
  }

  /** The rows so far in CSR layout; then starts empty. */
  public Block buildSparse() {
    Block b = sparse();
    reset();
    return b;
  }

  private Block sparse() {
    double[] y = Arrays.copyOf(labels, rows);
    double[] w = weighted ? Arrays.copyOf(weights, rows) : null;
    int[] start = Arrays.copyOf(rowStart, rows + 1);
    int[] idx = Arrays.copyOf(indices, nnz);
    if (precision == FeaturePrecision.FLOAT) {
      float[] x = new float[nnz];
      for (int p = 0; p < nnz; p++) {
        x[p] = narrow(values[p]);
      }
      return Block.sparseFloat(numFeatures, y, w, start, idx, x);
    }
    return Block.sparse(numFeatures, y, w, start, idx, Arrays.copyOf(values, nnz));
  }

  private Block dense() {
    double[] y = Arrays.copyOf(labels, rows);
    double[] w = weighted ? Arrays.copyOf(weights, rows) : null;
    if (precision == FeaturePrecision.FLOAT) {
      float[] x = new float[rows * numFeatures];
      for (int r = 0; r < rows; r++) {
        int base = r * numFeatures;
        for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
          x[base + indices[k]] = narrow(values[k]);
        }
      }
      return Block.denseFloat(numFeatures, y, w, x);
    }
    double[] x = new double[rows * numFeatures];
    for (int r = 0; r < rows; r++) {
      int base = r * numFeatures;
      for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
        x[base + indices[k]] = values[k];
      }
    }
    return Block.dense(numFeatures, y, w, x);
  }

  /**
   * The nearest float. The loaders reject values beyond the float range first
   * ({@link io.descent.data.source.FloatRangeDecoder}), so that a value never turns into an infinity here.
   */
  private static float narrow(double v) {
    float f = (float) v;
    if (Float.isInfinite(f) && !Double.isInfinite(v)) {
      throw new IllegalArgumentException("feature value " + v + " is beyond the float range");
    }
    return f;
  }

  private void reset() {
    rows = 0;
    nnz = 0;
  }
}
