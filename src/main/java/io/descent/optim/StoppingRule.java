package io.descent.optim;

/**
 * When to stop: an iteration budget, a relative change of the objective below {@code tol},
 * or a gradient norm below {@code gradTol}. Returns the reason, recorded in model.json.
 */
public record StoppingRule(int maxIter, double tol, double gradTol) {
  public static final String MAX_ITER = "reached max-iter";
  public static final String OBJECTIVE_CONVERGED = "relative objective change below tol";
  public static final String GRADIENT_CONVERGED = "gradient norm below grad-tol";

  /** The reason to stop after moving from {@code previous} to {@code current}, or null. */
  public String check(OptimizerState previous, OptimizerState current) {
    if (current.evaluation().gradientNorm() <= gradTol) {
      return GRADIENT_CONVERGED;
    }
    if (previous != null) {
      double change = Math.abs(previous.value() - current.value());
      if (change <= tol * Math.max(Math.abs(current.value()), Double.MIN_NORMAL)) {
        return OBJECTIVE_CONVERGED;
      }
    }
    if (current.iteration() >= maxIter) {
      return MAX_ITER;
    }
    return null;
  }
}
