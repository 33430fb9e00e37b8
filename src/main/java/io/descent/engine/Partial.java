package io.descent.engine;

import java.io.Serializable;

/**
 * One partition's (or one group's) partial sum vector, stored sparse when fewer than a third
 * of its entries are non-zero. Only exact zeros are dropped, and a running sum that starts at
 * +0.0 never becomes −0.0, so adding a sparse partial gives the same bits as adding its dense
 * form: the sparse and dense paths agree exactly.
 */
final class Partial implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int length;
  /** Sorted positions of the stored values, or null when dense. */
  private final int[] index;
  private final double[] values;

  private Partial(int length, int[] index, double[] values) {
    this.length = length;
    this.index = index;
    this.values = values;
  }

  /**
   * Wraps {@code dense} (not copied), sparse when its non-zeros are fewer than
   * {@code sparseBelow}·length (0: always dense, above 1: always sparse).
   */
  static Partial of(double[] dense, double sparseBelow) {
    int nnz = 0;
    for (double v : dense) {
      if (v != 0) {
        nnz++;
      }
    }
    if (nnz >= sparseBelow * dense.length) {
      return new Partial(dense.length, null, dense);
    }
    int[] idx = new int[nnz];
    double[] val = new double[nnz];
    int k = 0;
    for (int i = 0; i < dense.length; i++) {
      if (dense[i] != 0) {
        idx[k] = i;
        val[k++] = dense[i];
      }
    }
    return new Partial(dense.length, idx, val);
  }

  int length() {
    return length;
  }

  boolean isSparse() {
    return index != null;
  }

  /** total += this, coordinate by coordinate. */
  void addTo(double[] total) {
    if (total.length != length) {
      throw new IllegalArgumentException("partial of length " + length + " added to " + total.length);
    }
    if (index == null) {
      for (int i = 0; i < length; i++) {
        total[i] += values[i];
      }
    } else {
      for (int k = 0; k < index.length; k++) {
        total[index[k]] += values[k];
      }
    }
  }
}
