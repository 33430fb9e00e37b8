package io.descent.engine;

import java.util.List;

/**
 * Adds the per-partition partial vectors in partition order. {@code collect()} returns
 * partition results in partition order whatever order the tasks finished in, so the
 * floating-point sum is the same on every run, retry and thread count.
 */
final class PartitionOrderSum {
  private PartitionOrderSum() {}

  static double[] sum(List<double[]> partials, int length) {
    double[] total = new double[length];
    for (double[] p : partials) {
      for (int i = 0; i < length; i++) {
        total[i] += p[i];
      }
    }
    return total;
  }
}
