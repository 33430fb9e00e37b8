package io.descent.optim;

/**
 * When to stop: an iteration budget, a relative change of the objective below {@code tol},
 * or a gradient norm below {@code gradTol}. Returns the reason, recorded in model.json.
 */
public record StoppingRule(int maxIter, double tol, double gradTol) {

  /** The reason to stop after moving from {@code previous} to {@code current}, or null. */
  public StopReason check(OptimizerState previous, OptimizerState current) {
    if (current.evaluation().gradientNorm() <= gradTol) {
      return StopReason.GRADIENT_CONVERGED;
    }
    if (previous != null) {
      double change = Math.abs(previous.value() - current.value());
      if (change <= tol * Math.max(Math.abs(current.value()), Double.MIN_NORMAL)) {
        return StopReason.OBJECTIVE_CONVERGED;
      }
    }
    if (current.iteration() >= maxIter) {
      return StopReason.MAX_ITER;
    }
    return null;
  }

  /**
   * The same tests on means over windows of {@code window} iterations, for noisy methods:
   * the mean batch-gradient norm of the last window below {@code gradTol}, or the mean
   * objective of the last window within {@code tol} (relative) of the mean of the window
   * before it. {@code values} and {@code gradientNorms} run from the start to the current
   * iteration (newest last); nothing but the budget can stop a run shorter than two windows.
   */
  public StopReason checkWindowed(double[] values, double[] gradientNorms, int iteration, int window) {
    int n = values.length;
    if (n >= 2 * window) {
      double recentGradient = mean(gradientNorms, n - window, n);
      if (recentGradient <= gradTol) {
        return StopReason.GRADIENT_CONVERGED;
      }
      double recent = mean(values, n - window, n);
      double before = mean(values, n - 2 * window, n - window);
      if (Math.abs(before - recent) <= tol * Math.max(Math.abs(recent), Double.MIN_NORMAL)) {
        return StopReason.OBJECTIVE_CONVERGED;
      }
    }
    return iteration >= maxIter ? StopReason.MAX_ITER : null;
  }

  private static double mean(double[] v, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += v[i];
    }
    return s / (to - from);
  }
}
