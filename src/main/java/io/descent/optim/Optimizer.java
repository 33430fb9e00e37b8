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
    requireFiniteStart(e);
    return OptimizerState.initial(e);
  }

  /**
   * No method can start from a non-finite objective: the input (or the starting point) is
   * at fault, not a step, so this ends the run before the first iteration.
   */
  static void requireFiniteStart(Evaluation start) {
    if (!start.isFinite()) {
      throw new io.descent.DivergedException("The objective is not finite at the starting point ("
          + start.value() + "); check the input scale or the warm-start model.");
    }
  }

  /** One iteration from {@code state}. */
  /**
   * The state the run ends with, once the loop has stopped (not when it was interrupted): the
   * last iterate, or a better point the method kept alongside (sgd's averaged iterates).
   */
  default OptimizerState finish(Problem problem, OptimizerState last) {
    return last;
  }

  /**
   * How many iterations the stopping tests average over: 1 for methods whose every objective
   * and gradient are exact; more for a stochastic method, whose single comparisons are noise.
   */
  default int stoppingWindow() {
    return 1;
  }

  Step step(Problem problem, OptimizerState state);

  /**
   * The method state that {@link MethodState#encode} wrote (a checkpoint's), or null when
   * the method keeps none or {@code saved} is empty.
   */
  MethodState decodeState(NamedVectors saved);
}
