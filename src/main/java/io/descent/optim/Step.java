package io.descent.optim;

/**
 * One iteration's outcome: the new state, the step size taken, the decrease the first-order
 * model predicted for it (η‖G‖², G the gradient or the proximal gradient mapping), and
 * {@code stopReason} when the optimizer can make no further progress (null otherwise). A
 * step that found the method diverging stops with {@link StopReason#DIVERGED} and says how
 * in {@code divergence}.
 */
public record Step(OptimizerState state, double stepSize, double predictedDecrease,
    int trials, StopReason stopReason, Divergence divergence) {

  public static Step taken(OptimizerState state, double stepSize, double predicted, int trials) {
    return new Step(state, stepSize, predicted, trials, null, null);
  }

  /** No acceptable step: the state stays as it was. */
  public static Step stalled(OptimizerState unchanged, StopReason reason, int trials) {
    return new Step(unchanged, 0.0, 0.0, trials, reason, null);
  }

  /** The method diverged: the state stays at the last finite iterate. */
  public static Step diverged(OptimizerState unchanged, Divergence divergence, int trials) {
    return new Step(unchanged, 0.0, 0.0, trials, StopReason.DIVERGED, divergence);
  }

  public boolean isDiverged() {
    return divergence != null;
  }
}
