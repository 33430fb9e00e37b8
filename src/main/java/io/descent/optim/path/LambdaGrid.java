package io.descent.optim.path;

import java.util.Arrays;

/**
 * The λ values of a regularization path, largest first (so each fit warm-starts from a
 * sparser, smoother solution): N values log-spaced from λ_max down to ratio·λ_max, as glmnet,
 * or the user's values sorted down.
 */
public final class LambdaGrid {
  private LambdaGrid() {}

  /** λ_max·ratio^(i/(N−1)), i = 0…N−1; one value is λ_max itself. */
  public static double[] logSpaced(double lambdaMax, double ratio, int count) {
    if (!(lambdaMax > 0) || !Double.isFinite(lambdaMax)) {
      throw new IllegalArgumentException("λ_max must be a positive number, not " + lambdaMax);
    }
    if (!(ratio > 0 && ratio < 1)) {
      throw new IllegalArgumentException("the path's min ratio must be in (0, 1), not " + ratio);
    }
    if (count < 1) {
      throw new IllegalArgumentException("a path needs at least one λ, not " + count);
    }
    double[] out = new double[count];
    double logMax = Math.log(lambdaMax);
    double logRatio = Math.log(ratio);
    for (int i = 0; i < count; i++) {
      out[i] = i == 0 ? lambdaMax : Math.exp(logMax + logRatio * i / (count - 1));
    }
    return out;
  }

  /** The given values, distinct and largest first; each must be ≥ 0 and finite. */
  public static double[] of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("a path needs at least one λ");
    }
    double[] out = values.clone();
    for (double v : out) {
      if (!(v >= 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException("a λ must be a finite number ≥ 0, not " + v);
      }
    }
    Arrays.sort(out);
    double[] down = new double[out.length];
    int n = 0;
    for (int i = out.length - 1; i >= 0; i--) {
      if (n == 0 || down[n - 1] != out[i]) {
        down[n++] = out[i];
      }
    }
    return Arrays.copyOf(down, n);
  }
}
