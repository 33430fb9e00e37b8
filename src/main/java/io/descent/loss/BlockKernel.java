package io.descent.loss;

import dev.ludovic.netlib.blas.BLAS;
import io.descent.block.Block;

/**
 * Margins and gradients of one Block. Dense blocks go through two BLAS calls (margins = X·Wᵀ,
 * then G += Rᵀ·X) while the block is hot in cache; CSR blocks through plain loops; float
 * blocks through {@link FloatKernel}. Pure arithmetic: no Spark, no I/O. Summation order is
 * fixed, so results are deterministic.
 */
public final class BlockKernel {
  private static final BLAS BLAS_INSTANCE = BLAS.getInstance();

  private BlockKernel() {}

  /** out[r·K + k] = x_r · W_k + b_k for every row r of the block. */
  public static void margins(Block b, ParamLayout layout, double[] params, double[] out) {
    int n = b.numRows();
    int d = layout.numFeatures();
    int k = layout.numOutputs();
    if (b.isFloat() && b.isSparse()) {
      FloatKernel.sparseMargins(b.rowStart(), b.indices(), b.floatValues(), n, d, k, params, out);
    } else if (b.isFloat()) {
      FloatKernel.denseMargins(b.floatValues(), n, d, k, params, out);
    } else if (b.isSparse()) {
      sparseMargins(b, d, k, params, out);
    } else if (n > 0 && d > 0) {
      // Row-major X (n×d) is column-major Xᵀ (d×n); row-major W (K×d) is column-major Wᵀ.
      if (k == 1) {
        BLAS_INSTANCE.dgemv("T", d, n, 1.0, b.values(), d, params, 1, 0.0, out, 1);
      } else {
        BLAS_INSTANCE.dgemm("T", "N", k, n, d, 1.0, params, d, b.values(), d, 0.0, out, k);
      }
    } else {
      java.util.Arrays.fill(out, 0, n * k, 0.0);
    }
    if (layout.hasIntercept()) {
      int base = layout.coefficientCount();
      for (int r = 0; r < n; r++) {
        for (int c = 0; c < k; c++) {
          out[r * k + c] += params[base + c];
        }
      }
    }
  }

  private static void sparseMargins(Block b, int d, int k, double[] params, double[] out) {
    int[] start = b.rowStart();
    int[] idx = b.indices();
    double[] val = b.values();
    int n = b.numRows();
    if (k == 1) {
      for (int r = 0; r < n; r++) {
        double s = 0;
        for (int p = start[r]; p < start[r + 1]; p++) {
          s += val[p] * params[idx[p]];
        }
        out[r] = s;
      }
      return;
    }
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

  /**
   * For CSR blocks: m[r·K + c] = x_r · X_c and u[r·K + c] = x_r · V_c, without intercepts,
   * from {@code pairs} holding X and V interleaved (X_c[j] at 2(c·d + j), V_c[j] next to it):
   * one random access per stored value brings both numbers, so the two dot products cost
   * little more than one. Each sum runs in index order, as {@link #margins} does.
   */
  static void sparsePairMargins(Block b, int d, int k, double[] pairs, double[] m, double[] u) {
    int[] start = b.rowStart();
    int[] idx = b.indices();
    int n = b.numRows();
    double[] val = b.isFloat() ? null : b.values();
    float[] fval = b.isFloat() ? b.floatValues() : null;
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < k; c++) {
        double sx = 0;
        double sv = 0;
        int base = 2 * c * d;
        for (int p = start[r]; p < start[r + 1]; p++) {
          double x = val != null ? val[p] : fval[p];
          int at = base + 2 * idx[p];
          sx += x * pairs[at];
          sv += x * pairs[at + 1];
        }
        m[r * k + c] = sx;
        u[r * k + c] = sv;
      }
    }
  }

  /** grad_W += Σ_r coef_r ⊗ x_r and grad_b += Σ_r coef_r, coef being n×K row-major. */
  public static void addGradient(Block b, ParamLayout layout, double[] coef, double[] grad) {
    int n = b.numRows();
    int d = layout.numFeatures();
    int k = layout.numOutputs();
    if (b.isFloat() && b.isSparse()) {
      FloatKernel.sparseGradient(b.rowStart(), b.indices(), b.floatValues(), n, d, k, coef, grad);
    } else if (b.isFloat()) {
      FloatKernel.denseGradient(b.floatValues(), n, d, k, coef, grad);
    } else if (b.isSparse()) {
      sparseGradient(b, d, k, coef, grad);
    } else if (n > 0 && d > 0) {
      if (k == 1) {
        BLAS_INSTANCE.dgemv("N", d, n, 1.0, b.values(), d, coef, 1, 1.0, grad, 1);
      } else {
        BLAS_INSTANCE.dgemm("N", "T", d, k, n, 1.0, b.values(), d, coef, k, 1.0, grad, d);
      }
    }
    if (layout.hasIntercept()) {
      int base = layout.coefficientCount();
      for (int r = 0; r < n; r++) {
        for (int c = 0; c < k; c++) {
          grad[base + c] += coef[r * k + c];
        }
      }
    }
  }

  private static void sparseGradient(Block b, int d, int k, double[] coef, double[] grad) {
    int[] start = b.rowStart();
    int[] idx = b.indices();
    double[] val = b.values();
    int n = b.numRows();
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
