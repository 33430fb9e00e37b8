package io.descent.data;

import java.util.Arrays;

/**
 * Accumulates rows in growable CSR arrays and emits them as a {@link Block}: dense or CSR,
 * whichever is smaller, or always CSR for the chunks that travel through the shuffle.
 */
public final class BlockBuilder {
  private final int numFeatures;
  private final boolean weighted;
  private int rows;
  private int nnz;
  private double[] labels;
  private double[] weights;
  private int[] rowStart;
  private int[] indices;
  private double[] values;

  public BlockBuilder(int numFeatures, boolean weighted, int expectedRows) {
    this.numFeatures = numFeatures;
    this.weighted = weighted;
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

  /** Appends a row whose features are {@code idx/val[from, to)}, indices increasing. */
  public void add(double label, double weight, int[] idx, double[] val, int from, int to) {
    if (rows == labels.length) {
      int r = 2 * rows;
      labels = Arrays.copyOf(labels, r);
      rowStart = Arrays.copyOf(rowStart, r + 1);
      if (weighted) {
        weights = Arrays.copyOf(weights, r);
      }
    }
    int count = to - from;
    if (nnz + count > indices.length) {
      int size = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(2L * indices.length, (long) nnz + count));
      indices = Arrays.copyOf(indices, size);
      values = Arrays.copyOf(values, size);
    }
    System.arraycopy(idx, from, indices, nnz, count);
    System.arraycopy(val, from, values, nnz, count);
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
    Block b = BlockLayout.denseIsSmaller(rows, numFeatures, nnz) ? dense() : sparse();
    reset();
    return b;
  }

  /** The rows so far in CSR layout; then starts empty. */
  Block buildSparse() {
    Block b = sparse();
    reset();
    return b;
  }

  private Block sparse() {
    return Block.sparse(numFeatures, Arrays.copyOf(labels, rows),
        weighted ? Arrays.copyOf(weights, rows) : null, Arrays.copyOf(rowStart, rows + 1),
        Arrays.copyOf(indices, nnz), Arrays.copyOf(values, nnz));
  }

  private Block dense() {
    double[] x = new double[rows * numFeatures];
    for (int r = 0; r < rows; r++) {
      int base = r * numFeatures;
      for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
        x[base + indices[k]] = values[k];
      }
    }
    return Block.dense(numFeatures, Arrays.copyOf(labels, rows),
        weighted ? Arrays.copyOf(weights, rows) : null, x);
  }

  private void reset() {
    rows = 0;
    nnz = 0;
  }
}
