package io.descent.bench;

import io.descent.block.Block;
import io.descent.loss.Loss;
import io.descent.loss.ParamLayout;

/**
 * The candidate that {@link KernelBenchmark} measures against the BLAS kernels of
 * {@code BlockKernel}: margins, loss and gradient of a single-output block in one sweep.
 * It lost (docs/benchmarks.md, "Kernels"), so the engine does not use it.
 */
final class FusedKernel {
  private FusedKernel() {}

  /**
   * One sweep of a single-output block: for each row, the margin, the loss and its derivative,
   * then grad += v·ℓ'·x while the row is still in L1 cache. Returns Σ vᵢ ℓᵢ. Dense rows are
   * dotted with four accumulators (a fixed order, so still deterministic) to overlap the
   * latency of the additions; CSR rows are walked once for the margin and once for the update.
   */
  static double lossAndGradient(Block b, ParamLayout layout, Loss loss,
      double[] params, double[] grad) {
    int n = b.numRows();
    int d = layout.numFeatures();
    double[] val = b.values();
    double bias = layout.hasIntercept() ? params[layout.coefficientCount()] : 0.0;
    double[] m = new double[1];
    double[] deriv = new double[1];
    double interceptGrad = 0;
    double sum = 0;
    boolean sparse = b.isSparse();
    int[] start = b.rowStart();
    int[] idx = b.indices();
    for (int r = 0; r < n; r++) {
      m[0] = (sparse ? sparseDot(val, idx, start[r], start[r + 1], params)
          : denseDot(val, r * d, d, params)) + bias;
      double v = b.weight(r);
      sum += v * loss.valueAndDerivative(b.label(r), m, 0, deriv);
      double a = v * deriv[0];
      interceptGrad += a;
      if (a == 0) {
        continue;
      }
      if (sparse) {
        for (int p = start[r]; p < start[r + 1]; p++) {
          grad[idx[p]] += a * val[p];
        }
      } else {
        int off = r * d;
        for (int j = 0; j < d; j++) {
          grad[j] += a * val[off + j];
        }
      }
    }
    if (layout.hasIntercept()) {
      grad[layout.coefficientCount()] += interceptGrad;
    }
    return sum;
  }

  private static double denseDot(double[] x, int off, int d, double[] w) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < d; j += 4) {
      s0 += x[off + j] * w[j];
      s1 += x[off + j + 1] * w[j + 1];
      s2 += x[off + j + 2] * w[j + 2];
      s3 += x[off + j + 3] * w[j + 3];
    }
    for (; j < d; j++) {
      s0 += x[off + j] * w[j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  private static double sparseDot(double[] val, int[] idx, int from, int to, double[] w) {
    double s = 0;
    for (int p = from; p < to; p++) {
      s += val[p] * w[idx[p]];
    }
    return s;
  }
}
