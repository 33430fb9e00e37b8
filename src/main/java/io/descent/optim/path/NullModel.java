package io.descent.optim.path;

import io.descent.loss.LossKind;
import io.descent.loss.ParamLayout;

/**
 * The path's starting point: every coefficient zero, the intercepts at their optimum, from
 * the data term's intercept gradient at zero (which is a weighted label mean in disguise:
 * for logistic ∂ℓ/∂b at 0 is ½ − y, for squared −y, for softmax 1/K − [y = c]). Without an
 * intercept, zero itself.
 */
public final class NullModel {
  private NullModel() {}

  /**
   * @param interceptGradient ∂f/∂b_c at x = 0, one per output
   * @return the parameters (layout order) with the optimal intercepts, coefficients zero
   */
  public static double[] params(LossKind loss, ParamLayout layout, double[] interceptGradient) {
    double[] x = new double[layout.size()];
    if (!layout.hasIntercept()) {
      return x;
    }
    double[] b = intercepts(loss, interceptGradient);
    for (int c = 0; c < b.length; c++) {
      x[layout.interceptIndex(c)] = b[c];
    }
    return x;
  }

  static double[] intercepts(LossKind loss, double[] g) {
    return switch (loss) {
      case SQUARED -> new double[] {-g[0]};
      case LOGISTIC -> {
        double p = clamp(0.5 - g[0]);
        yield new double[] {Math.log(p / (1 - p))};
      }
      // ∂/∂b of (1 − y′b)² at 0 is −2y′; on [−1, 1] the optimum is b = 2p − 1 = mean y′.
      case SQUARED_HINGE -> new double[] {-g[0] / 2};
      case SOFTMAX -> {
        int k = g.length;
        double[] b = new double[k];
        double mean = 0;
        for (int c = 0; c < k; c++) {
          b[c] = Math.log(clamp(1.0 / k - g[c]));
          mean += b[c] / k;
        }
        // Softmax intercepts are defined up to a shift: centred, as glmnet reports them.
        for (int c = 0; c < k; c++) {
          b[c] -= mean;
        }
        yield b;
      }
      case HINGE -> throw new IllegalArgumentException("the hinge loss has no smooth "
          + "intercept-only optimum to start a path from; give the λ values (--reg-values)");
    };
  }

  /** A class share kept inside (0, 1), so that a class no row has stays finite. */
  private static double clamp(double p) {
    return Math.min(1 - 1e-12, Math.max(1e-12, p));
  }

  /**
   * λ_max: the smallest λ at which the null model is optimal, max over coefficients of
   * |∂f/∂w| / α (the L1 part's threshold). With α below 0.001 (ridge), glmnet's convention:
   * the λ_max of α = 0.001, since no finite λ zeroes a ridge solution.
   *
   * @param gradient the data term's gradient at the null model
   */
  public static double lambdaMax(double[] gradient, ParamLayout layout, double alpha) {
    double max = 0;
    for (int c = 0; c < layout.numOutputs(); c++) {
      for (int j = 0; j < layout.numFeatures(); j++) {
        max = Math.max(max, Math.abs(gradient[layout.coefficientIndex(c, j)]));
      }
    }
    return max / Math.max(alpha, 1e-3);
  }
}
