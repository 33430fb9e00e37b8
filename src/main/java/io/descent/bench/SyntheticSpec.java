package io.descent.bench;

import java.io.Serializable;

/**
 * A seeded synthetic logistic-regression dataset: {@code rows} × {@code features}, dense when
 * {@code nnzPerRow} is 0, else about that many non-zeros per row at feature indices drawn as
 * ⌊d·u^skew⌋ (skew 1: uniform; larger: a power law, low indices frequent). Labels are
 * Bernoulli(σ(w*·x)) with w*ⱼ a hash of (seed, j), so no task needs a d-sized array. Row i is
 * the same whatever the partitioning: its generator is seeded by (seed, i).
 */
record SyntheticSpec(long rows, int features, int nnzPerRow, double skew, long seed)
    implements Serializable {

  static SyntheticSpec dense(long rows, int features) {
    return new SyntheticSpec(rows, features, 0, 1.0, 42);
  }

  static SyntheticSpec sparse(long rows, int features, int nnzPerRow, double skew) {
    return new SyntheticSpec(rows, features, nnzPerRow, skew, 42);
  }

  boolean isDense() {
    return nnzPerRow == 0;
  }

  String describe() {
    return isDense() ? String.format("dense %,d x %,d", rows, features)
        : String.format("sparse %,d x %,d, %d nnz/row%s", rows, features, nnzPerRow,
            skew == 1.0 ? "" : ", skew " + skew);
  }

  /** Receives one row: label, then {@code count} (index, value) pairs, indices increasing. */
  interface RowSink {
    void row(double label, int[] idx, double[] val, int count);
  }

  /** Generates rows [from, to) into the sink, reusing two scratch arrays. */
  void generate(long from, long to, RowSink sink) {
    int width = isDense() ? features : nnzPerRow;
    int[] idx = new int[width];
    double[] val = new double[width];
    for (long i = from; i < to; i++) {
      java.util.SplittableRandom rnd = new java.util.SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + i));
      int count = isDense() ? denseRow(rnd, idx, val) : sparseRow(rnd, idx, val);
      double margin = 0;
      for (int k = 0; k < count; k++) {
        margin += val[k] * truth(idx[k]);
      }
      double p = 1 / (1 + Math.exp(-margin));
      sink.row(rnd.nextDouble() < p ? 1.0 : 0.0, idx, val, count);
    }
  }

  private int denseRow(java.util.SplittableRandom rnd, int[] idx, double[] val) {
    for (int j = 0; j < features; j++) {
      idx[j] = j;
      val[j] = gaussian(rnd);
    }
    return features;
  }

  private int sparseRow(java.util.SplittableRandom rnd, int[] idx, double[] val) {
    for (int k = 0; k < nnzPerRow; k++) {
      idx[k] = (int) Math.min(features - 1, Math.floor(features * Math.pow(rnd.nextDouble(), skew)));
    }
    java.util.Arrays.sort(idx, 0, nnzPerRow);
    int count = 0;
    for (int k = 0; k < nnzPerRow; k++) {
      if (count == 0 || idx[k] != idx[count - 1]) {
        idx[count] = idx[k];
        val[count++] = rnd.nextDouble() * 2 - 1;
      }
    }
    return count;
  }

  /** w*ⱼ in [−1, 1), from a hash; scaled so that margins are O(1) whatever the row width. */
  private double truth(int j) {
    double u = (mix(seed ^ (0xD1B54A32D192ED03L * (j + 1))) >>> 11) * 0x1.0p-53;
    return (2 * u - 1) * 3 / Math.sqrt(isDense() ? features : nnzPerRow);
  }

  private static double gaussian(java.util.SplittableRandom rnd) {
    double u = rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
  }

  /** SplitMix64's finalizer: a well-mixed 64-bit hash. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
