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
}
