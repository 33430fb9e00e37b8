package io.descent.loss;

import io.descent.block.Block;

/**
 * The margins of one row of a block as scoring computes them: each dot product in increasing
 * feature order (zeros of dense rows skipped), then the intercept, as Spark MLlib adds them.
 * Prediction and the holdout score share it so that both see the same margins bit for bit.
 */
public final class RowMargins {
  private RowMargins() {}

  /**
   * out[k] = x_r · W_k + b_k for k < K = {@code intercepts.length}, W row-major K×d in
   * {@code weights}.
   */
  public static void of(Block block, int r, double[] weights, double[] intercepts,
      int numFeatures, double[] out) {
    int outputs = intercepts.length;
    if (block.isSparse()) {
      int[] start = block.rowStart();
      int[] idx = block.indices();
      for (int k = 0; k < outputs; k++) {
        int base = k * numFeatures;
        double dot = block.isFloat()
            ? SparseDot.dot(idx, block.floatValues(), start[r], start[r + 1], weights, base)
            : SparseDot.dot(idx, block.values(), start[r], start[r + 1], weights, base);
        out[k] = dot + intercepts[k];
      }
      return;
    }
    int rowBase = r * numFeatures;
    for (int k = 0; k < outputs; k++) {
      int base = k * numFeatures;
      double dot = 0;
      for (int j = 0; j < numFeatures; j++) {
        double v = block.value(rowBase + j);
        if (v != 0) {
          dot += v * weights[base + j];
        }
      }
      out[k] = dot + intercepts[k];
    }
  }
}
