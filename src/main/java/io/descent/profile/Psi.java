package io.descent.profile;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The population stability index of new data against a reference:
 * PSI = Σ_i (q_i − p_i) ln(q_i / p_i), p_i and q_i the shares of bin i in the reference and in
 * the new data. A share of zero is taken as {@link #FLOOR}, so a bin only one side has counts
 * weighs finitely. Common reading: below 0.1 stable, 0.1 to 0.25 a moderate shift, above 0.25 a
 * significant one. Values are compared over {@link #GROUPS} ranges cut at the reference's
 * deciles (from its {@link ValueBins}): on fine bins, sampling noise alone would add about
 * (bins − 1)(1/n + 1/m).
 */
public final class Psi {
  /** The share given to an empty bin. */
  public static final double FLOOR = 1e-4;
  /** Value ranges compared: the reference's deciles, where its bins allow. */
  public static final int GROUPS = 10;

  private Psi() {}

  /** Over the bins as they are (class labels); 0 when either side is empty. */
  public static double of(Histogram reference, Histogram current) {
    TreeSet<Integer> bins = new TreeSet<>();
    for (int i = 0; i < reference.size(); i++) {
      bins.add(reference.bin(i));
    }
    for (int i = 0; i < current.size(); i++) {
      bins.add(current.bin(i));
    }
    long[] p = new long[bins.size()];
    long[] q = new long[bins.size()];
    int k = 0;
    for (int b : bins) {
      p[k] = reference.countOf(b);
      q[k++] = current.countOf(b);
    }
    return psi(p, q);
  }

  /**
   * Over value ranges ({@link ValueBins} histograms, zeros included): the reference's bins in
   * value order are cut into ranges of at least a tenth of its rows each; the first and last
   * range reach to minus and plus infinity, so every new value falls in one.
   */
  public static double ofValues(Histogram reference, Histogram current) {
    long n = reference.total();
    if (n == 0 || current.total() == 0) {
      return 0;
    }
    int[] order = new int[reference.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = valueOrder(reference.bin(i));
    }
    long[] counts = new long[order.length];
    Integer[] byValue = new Integer[order.length];
    for (int i = 0; i < order.length; i++) {
      byValue[i] = i;
    }
    Arrays.sort(byValue, (a, b) -> Integer.compare(order[a], order[b]));
    // Upper ends (in value order) of the ranges: a range closes at the bin where the running
    // share passes a new decile, so a bin of more than a tenth is one range, not several.
    int[] ends = new int[order.length];
    int groups = 0;
    long reached = 0;
    long sum = 0;
    for (int i = 0; i < byValue.length; i++) {
      sum += reference.count(byValue[i]);
      long now = Math.min(GROUPS, sum * GROUPS / n);
      if (now > reached || i == byValue.length - 1) {
        ends[groups++] = order[byValue[i]];
        reached = now;
      }
    }
    ends = Arrays.copyOf(ends, groups);
    long[] p = new long[ends.length];
    long[] q = new long[ends.length];
    for (int i = 0; i < reference.size(); i++) {
      p[range(ends, valueOrder(reference.bin(i)))] += reference.count(i);
    }
    for (int i = 0; i < current.size(); i++) {
      q[range(ends, valueOrder(current.bin(i)))] += current.count(i);
    }
    return psi(p, q);
  }

  /** The range holding a value-order position: the first whose upper end is not below it. */
  private static int range(int[] ends, int position) {
    int i = Arrays.binarySearch(ends, position);
    int r = i >= 0 ? i : -i - 1;
    return Math.min(r, ends.length - 1);
  }

  /** Bins in increasing value: the most negative first, zero in the middle. */
  static int valueOrder(int bin) {
    return bin <= 256 ? bin : 256 - bin;
  }

  private static double psi(long[] p, long[] q) {
    long n = Arrays.stream(p).sum();
    long m = Arrays.stream(q).sum();
    if (n == 0 || m == 0) {
      return 0;
    }
    double psi = 0;
    for (int i = 0; i < p.length; i++) {
      double a = Math.max(FLOOR, (double) p[i] / n);
      double b = Math.max(FLOOR, (double) q[i] / m);
      psi += (b - a) * Math.log(b / a);
    }
    return psi;
  }
}
