package io.descent.loss;

import io.descent.block.Block;

/**
 * out += Σᵣ coefᵣ ⊗ (xᵣ∘xᵣ), the intercept a constant feature 1: with coefᵣ = vᵣ·diag(∂²ℓ/∂m²)
 * this is the diagonal of the data term's Hessian, tron's preconditioner. No BLAS routine
 * squares as it sums, so these are plain loops in row order (deterministic); float values
 * are widened to double as they are read.
 */
final class BlockSquares {
  private BlockSquares() {}

  /** @param coef n×K row-major, K = the layout's outputs */
  static void addWeightedSquares(Block b, ParamLayout layout, double[] coef, double[] out) {
    int n = b.numRows();
    int d = layout.numFeatures();
    int k = layout.numOutputs();
    if (b.isSparse() && b.isFloat()) {
      sparseFloat(b.rowStart(), b.indices(), b.floatValues(), n, d, k, coef, out);
    } else if (b.isSparse()) {
      sparse(b.rowStart(), b.indices(), b.values(), n, d, k, coef, out);
    } else if (b.isFloat()) {
      denseFloat(b.floatValues(), n, d, k, coef, out);
    } else {
      dense(b.values(), n, d, k, coef, out);
    }
    if (layout.hasIntercept()) {
      int base = layout.coefficientCount();
      for (int r = 0; r < n; r++) {
        for (int c = 0; c < k; c++) {
          out[base + c] += coef[r * k + c];
        }
      }
    }
  }

  private static void dense(double[] x, int n, int d, int k, double[] coef, double[] out) {
    for (int r = 0; r < n; r++) {
      int row = r * d;
      for (int c = 0; c < k; c++) {
        double a = coef[r * k + c];
        if (a == 0) {
          continue;
        }
        int base = c * d;
        for (int j = 0; j < d; j++) {
          double v = x[row + j];
          out[base + j] += a * (v * v);
        }
      }
    }
  }

  private static void denseFloat(float[] x, int n, int d, int k, double[] coef, double[] out) {
    for (int r = 0; r < n; r++) {
      int row = r * d;
      for (int c = 0; c < k; c++) {
        double a = coef[r * k + c];
        if (a == 0) {
          continue;
        }
        int base = c * d;
        for (int j = 0; j < d; j++) {
          double v = x[row + j];
          out[base + j] += a * (v * v);
        }
      }
    }
  }

  private static void sparse(int[] start, int[] idx, double[] val, int n, int d, int k,
      double[] coef, double[] out) {
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < k; c++) {
        double a = coef[r * k + c];
        if (a == 0) {
          continue;
        }
        int base = c * d;
        for (int p = start[r]; p < start[r + 1]; p++) {
          double v = val[p];
          out[base + idx[p]] += a * (v * v);
        }
      }
    }
  }

  private static void sparseFloat(int[] start, int[] idx, float[] val, int n, int d, int k,
      double[] coef, double[] out) {
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < k; c++) {
        double a = coef[r * k + c];
        if (a == 0) {
          continue;
        }
        int base = c * d;
        for (int p = start[r]; p < start[r + 1]; p++) {
          double v = val[p];
          out[base + idx[p]] += a * (v * v);
        }
      }
    }
  }
}
