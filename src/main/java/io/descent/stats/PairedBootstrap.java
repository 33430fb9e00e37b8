package io.descent.stats;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A paired bootstrap over rows of the difference f(mean a) − f(mean b) of two models' per-row
 * figures (a row's loss, whether it was right, its squared error) on the same rows. Each
 * replicate weighs every row by a Poisson(1) count instead of drawing n rows with
 * replacement (the Poisson bootstrap: the same for large n, and it needs no pass to know n,
 * so every partition can weigh its rows where they are). A row's counts come from a generator
 * seeded by (seed, partition, row), so the interval depends on the data, its partitioning and
 * the seed only. Both models get the same counts: that is what makes it paired.
 */
public final class PairedBootstrap {
  public static final int DEFAULT_REPLICATES = 1000;
  private static final double[] POISSON_ONE_CDF = poissonOneCdf();

  private PairedBootstrap() {}

  /** One partition's sums: over its rows, and per replicate weighted by the row counts. */
  public record Partial(long rows, double sumA, double sumB, double[] weights, double[] weightedA,
      double[] weightedB) implements Serializable {}

  /** The difference with its interval; {@code a} and {@code b} are f(mean) on all rows. */
  public record Interval(double a, double b, double difference, double lower, double upper,
      double confidence, long rows, int replicates) {}

  /** Adds the rows of one partition, in their order. */
  public static final class Accumulator {
    private final long seed;
    private final int partition;
    private final double[] weights;
    private final double[] weightedA;
    private final double[] weightedB;
    private long rows;
    private double sumA;
    private double sumB;

    public Accumulator(long seed, int partition, int replicates) {
      if (replicates < 2) {
        throw new IllegalArgumentException("need at least 2 replicates, got " + replicates);
      }
      this.seed = seed;
      this.partition = partition;
      this.weights = new double[replicates];
      this.weightedA = new double[replicates];
      this.weightedB = new double[replicates];
    }

    public void add(double a, double b) {
      long state = mix(mix(seed ^ 0x632BE59BD9B4E019L) + partition * 0x9E3779B97F4A7C15L + rows);
      for (int r = 0; r < weights.length; r++) {
        state += 0x9E3779B97F4A7C15L;
        int w = poissonOne((mix(state) >>> 11) * 0x1.0p-53);
        if (w > 0) {
          weights[r] += w;
          weightedA[r] += w * a;
          weightedB[r] += w * b;
        }
      }
      rows++;
      sumA += a;
      sumB += b;
    }

    public Partial finish() {
      return new Partial(rows, sumA, sumB, weights.clone(), weightedA.clone(), weightedB.clone());
    }
  }

  /**
   * Sums the partials in their order and returns f(mean a) − f(mean b) with its percentile
   * interval at {@code confidence} (replicates whose weights are all zero are left out).
   */
  public static Interval interval(List<Partial> partials, DoubleUnaryOperator f, double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence " + confidence + " is not in (0, 1)");
    }
    int replicates = partials.get(0).weights().length;
    long rows = 0;
    double sumA = 0;
    double sumB = 0;
    double[] w = new double[replicates];
    double[] wa = new double[replicates];
    double[] wb = new double[replicates];
    for (Partial p : partials) {
      rows += p.rows();
      sumA += p.sumA();
      sumB += p.sumB();
      for (int r = 0; r < replicates; r++) {
        w[r] += p.weights()[r];
        wa[r] += p.weightedA()[r];
        wb[r] += p.weightedB()[r];
      }
    }
    if (rows == 0) {
      throw new IllegalArgumentException("no rows to compare the models on");
    }
    double a = f.applyAsDouble(sumA / rows);
    double b = f.applyAsDouble(sumB / rows);
    double[] diffs = new double[replicates];
    int n = 0;
    for (int r = 0; r < replicates; r++) {
      if (w[r] > 0) {
        diffs[n++] = f.applyAsDouble(wa[r] / w[r]) - f.applyAsDouble(wb[r] / w[r]);
      }
    }
    double[] sorted = Arrays.copyOf(diffs, n);
    Arrays.sort(sorted);
    double tail = (1 - confidence) / 2;
    return new Interval(a, b, a - b, quantile(sorted, tail), quantile(sorted, 1 - tail),
        confidence, rows, n);
  }

  /** The q-quantile of sorted values, interpolated between order statistics. */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** A Poisson(1) count by inversion of its distribution function. */
  static int poissonOne(double u) {
    int k = 0;
    while (k < POISSON_ONE_CDF.length - 1 && u >= POISSON_ONE_CDF[k]) {
      k++;
    }
    return k;
  }

  private static double[] poissonOneCdf() {
    double[] cdf = new double[20];
    double p = Math.exp(-1);
    double sum = 0;
    for (int k = 0; k < cdf.length; k++) {
      sum += p;
      cdf[k] = sum;
      p /= k + 1;
    }
    cdf[cdf.length - 1] = 1;
    return cdf;
  }

  /** SplitMix64's finalizer. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
