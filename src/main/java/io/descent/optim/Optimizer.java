package io.descent.optim;

/**
 * A descent method as a pure driver-side step over a {@link Problem}. It keeps no state of
 * its own between calls: everything lives in the {@link OptimizerState} it returns.
 */
public interface Optimizer {
  /** The command-line name. */
  String name();

  /** Evaluates F at x0 (one pass) and returns iteration 0. */
  default OptimizerState start(Problem problem, double[] x0) {
    Evaluation e = problem.evaluate(x0);
    if (!e.isFinite()) {
      throw new io.descent.DivergedException("The objective is not finite at the starting point ("
          + e.value() + "); check the input scale or the warm-start model.");
    }
    return OptimizerState.initial(e);
  }

  /** One iteration from {@code state}. */
  Step step(Problem problem, OptimizerState state);
}
