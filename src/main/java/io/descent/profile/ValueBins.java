package io.descent.profile;

import java.util.Locale;

/**
 * The fixed bins every value histogram of a profile uses, so that histograms of different
 * partitions, and of training and new data, add and compare without a pass to find edges:
 * bin 0 is zero; a non-zero value falls in a quarter of its binade, |x| in
 * [2^e (1 + q/4), 2^e (1 + (q+1)/4)), with e clipped to [-32, 31] (the outermost bins take
 * everything beyond). Bins 1..256 are positive, 257..512 their negatives. A scale change by
 * a factor of 1000 moves a value by 40 bins; a shift within a quarter binade is not seen.
 */
public final class ValueBins {
  public static final int ZERO = 0;
  static final int MIN_EXPONENT = -32;
  static final int MAX_EXPONENT = 31;
  private static final int PER_SIGN = (MAX_EXPONENT - MIN_EXPONENT + 1) * 4;

  private ValueBins() {}

  /** The bin of a finite value. */
  public static int of(double x) {
    if (x == 0) {
      return ZERO;
    }
    int e = Math.getExponent(x);
    int quarter = (int) ((Double.doubleToRawLongBits(x) >>> 50) & 3);
    if (e < MIN_EXPONENT) {
      e = MIN_EXPONENT;
      quarter = 0;
    } else if (e > MAX_EXPONENT) {
      e = MAX_EXPONENT;
      quarter = 3;
    }
    int bin = 1 + (e - MIN_EXPONENT) * 4 + quarter;
    return x < 0 ? bin + PER_SIGN : bin;
  }

  /** The smallest |x| of a non-zero bin (0 for the lowest). */
  static double lowerMagnitude(int bin) {
    int k = (bin - 1) % PER_SIGN;
    if (k == 0) {
      return 0;
    }
    return Math.scalb(1 + (k % 4) / 4.0, MIN_EXPONENT + k / 4);
  }

  /** The bound above every |x| of a non-zero bin (infinity for the highest). */
  static double upperMagnitude(int bin) {
    int k = (bin - 1) % PER_SIGN;
    if (k == PER_SIGN - 1) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.scalb(1 + (k % 4 + 1) / 4.0, MIN_EXPONENT + k / 4);
  }

  /** The bin as a range for people, e.g. "[0.5, 0.625)" or "(-0.625, -0.5]". */
  public static String describe(int bin) {
    if (bin == ZERO) {
      return "0";
    }
    String lo = text(lowerMagnitude(bin));
    String hi = text(upperMagnitude(bin));
    return bin > PER_SIGN ? "(-" + hi + ", -" + lo + "]" : "[" + lo + ", " + hi + ")";
  }

  private static String text(double v) {
    return Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.4g", v);
  }
}
