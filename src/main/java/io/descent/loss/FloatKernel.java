package io.descent.loss;

/**
 * The margin and gradient loops of {@link BlockKernel} for float feature values: each value is
 * widened to double as it is read and every sum is accumulated in double, in a fixed order
 * (deterministic, whatever the thread count). No BLAS takes float matrices with double
 * vectors, so the dense loops are plain Java written for the JIT: four independent
 * accumulators per dot product (to overlap the latency of the additions) and row-wise axpy for
 * the gradient (a unit-stride loop that it unrolls and vectorizes).
 */
final class FloatKernel {
  private FloatKernel() {}

  /** out[r·K + c] = x_r · W_c for the n×d row-major x (no intercept). */
  static void denseMargins(float[] x, int n, int d, int k, double[] params, double[] out) {
    for (int r = 0; r < n; r++) {
      int row = r * d;
      for (int c = 0; c < k; c++) {
        out[r * k + c] = dot(x, row, params, c * d, d);
      }
    }
  }

  /** Σ_j x[xOff + j] · w[wOff + j], j < d, in four interleaved partial sums. */
  static double dot(float[] x, int xOff, double[] w, int wOff, int d) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < d; j += 4) {
      s0 += x[xOff + j] * w[wOff + j];
      s1 += x[xOff + j + 1] * w[wOff + j + 1];
      s2 += x[xOff + j + 2] * w[wOff + j + 2];
      s3 += x[xOff + j + 3] * w[wOff + j + 3];
    }
    for (; j < d; j++) {
      s0 += x[xOff + j] * w[wOff + j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** grad_c += Σ_r coef[r·K + c] · x_r, row by row. */
  static void denseGradient(float[] x, int n, int d, int k, double[] coef, double[] grad) {
    for (int r = 0; r < n; r++) {
      int row = r * d;
      for (int c = 0; c < k; c++) {
        double a = coef[r * k + c];
        if (a == 0) {
          continue;
        }
        int base = c * d;
        for (int j = 0; j < d; j++) {
          grad[base + j] += a * x[row + j];
        }
      }
    }
  }

  /** As {@link #denseMargins} for CSR rows. */
  static void sparseMargins(int[] start, int[] idx, float[] val, int n, int d, int k,
      double[] params, double[] out) {
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < k; c++) {
        double s = 0;
        int base = c * d;
        for (int p = start[r]; p < start[r + 1]; p++) {
          s += val[p] * params[base + idx[p]];
        }
        out[r * k + c] = s;
      }
    }
  }

  /** As {@link #denseGradient} for CSR rows. */
  static void sparseGradient(int[] start, int[] idx, float[] val, int n, int d, int k,
      double[] coef, double[] grad) {
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < k; c++) {
        double a = coef[r * k + c];
        if (a == 0) {
          continue;
        }
        int base = c * d;
        for (int p = start[r]; p < start[r + 1]; p++) {
          grad[base + idx[p]] += a * val[p];
        }
      }
    }
  }
}
