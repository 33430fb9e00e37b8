package io.descent.optim;

/**
 * Why a run stopped. The text is what model.json, metrics.json and the console show, so it
 * never changes for a reason that exists.
 */
public enum StopReason {
  MAX_ITER("reached max-iter"),
  OBJECTIVE_CONVERGED("relative objective change below tol"),
  GRADIENT_CONVERGED("gradient norm below grad-tol"),
  NO_DECREASE("line search found no decrease"),
  NO_DECREASE_BEYOND_ROUNDING("no decrease beyond rounding error"),
  GRADIENT_ZERO("gradient is zero"),
  NON_FINITE_GRADIENT("the gradient is not finite at the accepted point"),
  /** A SIGTERM or SIGINT: the run keeps a checkpoint and ends without a model. */
  SIGNALLED("stopped by a signal"),
  /** The step's {@link Step#divergence()} says how; the run ends with exit 3, not a model. */
  DIVERGED("diverged");

  private final String text;

  StopReason(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /** The reason whose {@link #text()} this is. */
  public static StopReason fromText(String text) {
    for (StopReason r : values()) {
      if (r.text.equals(text)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no stop reason reads \"" + text + "\"");
  }

  @Override
  public String toString() {
    return text;
  }
}
