package io.descent.optim;

/**
 * How a step found the method diverging, in the terms of the math: {@code finding} says
 * what the objective did, {@code smallerStep} is a step size that should not diverge, and
 * {@code autoStepHelps} whether the 1/L step is a sensible alternative. The layer that knows
 * the command line turns it into the message the user sees.
 */
public record Divergence(String method, int iteration, String finding, double smallerStep,
    boolean autoStepHelps) {

  /** A step size as the messages print it: three significant digits. */
  public static String stepText(double step) {
    return String.format("%.3g", step);
  }

  /** The math-only sentence, for logs and tests that run an optimizer directly. */
  public String describe() {
    return String.format("%s diverged at iteration %d: %s; a step of %s or less should not.",
        method, iteration, finding, stepText(smallerStep));
  }
}
