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
}
