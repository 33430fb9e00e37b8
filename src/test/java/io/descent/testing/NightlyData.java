package io.descent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * One night's synthetic binary data, as LIBSVM text: 6 features ~ N(0, 1), labels ±1 drawn
 * from a fixed logistic model with no intercept (so the classes are balanced, and flipping a
 * share of them at random leaves the label distribution as it was). Variants: a share of the
 * labels flipped (a join bug), one feature multiplied (a unit change).
 */
public final class NightlyData {
  public static final int FEATURES = 6;
  private static final double[] W = {1.5, -1.0, 0.8, 0.0, 2.0, -0.5};

  private NightlyData() {}

  public static Path write(Path file, int rows, long seed, double flipShare, int scaledFeature,
      double scale) {
    Random rnd = new Random(seed);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      double[] x = new double[FEATURES];
      double m = 0;
      for (int j = 0; j < FEATURES; j++) {
        x[j] = rnd.nextGaussian();
        m += W[j] * x[j];
      }
      boolean positive = rnd.nextDouble() < 1 / (1 + Math.exp(-m));
      if (rnd.nextDouble() < flipShare) {
        positive = !positive;
      }
      s.append(positive ? "+1" : "-1");
      for (int j = 0; j < FEATURES; j++) {
        double v = j + 1 == scaledFeature ? x[j] * scale : x[j];
        s.append(' ').append(j + 1).append(':').append(String.format(Locale.ROOT, "%.6g", v));
      }
      s.append('\n');
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** A good night: no flips, no scaling. */
  public static Path good(Path file, int rows, long seed) {
    return write(file, rows, seed, 0, 0, 1);
  }
}
