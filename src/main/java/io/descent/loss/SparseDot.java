package io.descent.loss;

/**
 * The dot product of one CSR row with one weight row, Σ val[p]·w[base + idx[p]] over
 * p = from … to−1 in that order: the sparse margin of scoring, whether the row comes from a
 * Spark ML vector, a scoring row or a cached block. Float values are widened as they are read.
 * (The training kernels add the same products in the same order in their own loops, which are
 * left as they are until a quiet benchmark shows that sharing this one costs nothing.)
 */
public final class SparseDot {
  private SparseDot() {}

  public static double dot(int[] idx, double[] val, int from, int to, double[] w, int base) {
    double s = 0;
    for (int p = from; p < to; p++) {
      s += val[p] * w[base + idx[p]];
    }
    return s;
  }

  public static double dot(int[] idx, float[] val, int from, int to, double[] w, int base) {
    double s = 0;
    for (int p = from; p < to; p++) {
      s += val[p] * w[base + idx[p]];
    }
    return s;
  }
}
