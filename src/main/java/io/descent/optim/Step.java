package io.descent.optim;

/**
 * One iteration's outcome: the new state, the step size taken, the decrease the first-order
 * model predicted for it (η‖G‖², G the gradient or the proximal gradient mapping), and
 * {@code stopReason} when the optimizer can make no further progress (null otherwise).
 */
public record Step(OptimizerState state, double stepSize, double predictedDecrease,
    int trials, String stopReason) {

  public static Step taken(OptimizerState state, double stepSize, double predicted, int trials) {
    return new Step(state, stepSize, predicted, trials, null);
  }

  /** No acceptable step: the state stays as it was. */
  public static Step stalled(OptimizerState unchanged, String reason, int trials) {
    return new Step(unchanged, 0.0, 0.0, trials, reason);
  }
}
