package io.descent.data.row;

import java.util.Arrays;

/**
 * One decoded row, reused from row to row so that reading creates no per-row arrays:
 * original label, weight, and the non-zero features as increasing 0-based indices.
 */
public final class RowBuffer {
  public double label;
  public double weight;
  public int nnz;
  public int[] indices = new int[16];
  public double[] values = new double[16];
  /** The declared size of a vector feature column (0 for other sources). */
  public long vectorSize;
  /** Under feature hashing: the row's raw features (see FeatureHashing#rawId), for the census. */
  public long[] rawFeatureIds;
  public int rawFeatures;

  public void clear() {
    rawFeatures = 0;
    label = Double.NaN;
    weight = 1;
    nnz = 0;
    vectorSize = 0;
  }

  /** Appends a feature; zeros are not stored. Indices must come in increasing order. */
  public void add(int index, double value) {
    if (value == 0) {
      return;
    }
    if (nnz == indices.length) {
      indices = Arrays.copyOf(indices, 2 * nnz);
      values = Arrays.copyOf(values, 2 * nnz);
    }
    indices[nnz] = index;
    values[nnz] = value;
    nnz++;
  }

  /** One past the largest index stored, 0 when the row has no non-zero feature. */
  public int indexBound() {
    return nnz == 0 ? 0 : indices[nnz - 1] + 1;
  }
}
