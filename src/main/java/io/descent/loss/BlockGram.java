package io.descent.loss;

import dev.ludovic.netlib.blas.BLAS;
import io.descent.block.Block;

/**
 * The Gram matrix of a block's rows, with the intercept as a constant last feature:
 * X̃ᵀ·diag(c)·X̃ as an upper triangle: the Hessian of a single-output loss is this matrix with
 * cᵢ = vᵢ ℓ''ᵢ. Float values are widened to double as they are read.
 */
public final class BlockGram {
  private static final BLAS BLAS_INSTANCE = BLAS.getInstance();

  private BlockGram() {}

  /** Size of the feature space: d, plus one when the intercept is a feature. */
  public static int size(int numFeatures, boolean intercept) {
    return numFeatures + (intercept ? 1 : 0);
  }

  /**
   * upper += X̃ᵀ diag(c) X̃ with c ≥ 0, stored column-major in an n×n array (n = {@link #size})
   * and written on and above the diagonal only: entry (i, j), i ≤ j, at {@code i + j·n}.
   */
  public static void addWeightedGram(Block b, boolean intercept, double[] c, double[] upper) {
    int d = b.numFeatures();
    int n = size(d, intercept);
    int rows = b.numRows();
    if (b.isSparse() && b.isFloat()) {
      addSparseFloatGram(b.rowStart(), b.indices(), b.floatValues(), rows, n, c, upper);
    } else if (b.isSparse()) {
      int[] start = b.rowStart();
      int[] idx = b.indices();
      double[] val = b.values();
      for (int r = 0; r < rows; r++) {
        double cr = c[r];
        if (cr == 0) {
          continue;
        }
        for (int p = start[r]; p < start[r + 1]; p++) {
          double a = cr * val[p];
          int col = idx[p] * n;
          // CSR indices are strictly increasing: every earlier entry is above the diagonal.
          for (int q = start[r]; q <= p; q++) {
            upper[idx[q] + col] += a * val[q];
          }
        }
      }
    } else if (rows > 0 && d > 0) {
      // Row r of S is √cᵣ xᵣ; S is d×rows column-major, and SSᵀ = Xᵀ diag(c) X.
      double[] s = new double[rows * d];
      for (int r = 0; r < rows; r++) {
        double root = Math.sqrt(c[r]);
        for (int j = 0; j < d; j++) {
          s[r * d + j] = root * b.value(r * d + j);
        }
      }
      BLAS_INSTANCE.dsyrk("U", "N", d, rows, 1.0, s, d, 1.0, upper, n);
    }
    if (intercept) {
      int last = d * n;
      for (int r = 0; r < rows; r++) {
        double cr = c[r];
        if (cr == 0) {
          continue;
        }
        if (b.isSparse()) {
          for (int p = b.rowStart()[r]; p < b.rowStart()[r + 1]; p++) {
            upper[b.indices()[p] + last] += cr * b.value(p);
          }
        } else {
          for (int j = 0; j < d; j++) {
            upper[j + last] += cr * b.value(r * d + j);
          }
        }
        upper[d + last] += cr;
      }
    }
  }

  /** The sparse loop above for float values: the same order, each value widened. */
  private static void addSparseFloatGram(int[] start, int[] idx, float[] val, int rows, int n,
      double[] c, double[] upper) {
    for (int r = 0; r < rows; r++) {
      double cr = c[r];
      if (cr == 0) {
        continue;
      }
      for (int p = start[r]; p < start[r + 1]; p++) {
        double a = cr * val[p];
        int col = idx[p] * n;
        for (int q = start[r]; q <= p; q++) {
          upper[idx[q] + col] += a * val[q];
        }
      }
    }
  }
}
