package io.descent.optim;

import io.descent.DivergedException;
import java.util.Map;

/**
 * The plain step x⁺ = prox(x − η∇f(x)) with a fixed η (the proximal part is the identity
 * without L1). One pass per iteration. A non-finite objective is never applied: the run
 * stops and says which step to try instead.
 */
public final class GradientDescent implements Optimizer {
  private final double step;

  public GradientDescent(double step) {
    if (!(step > 0) || !Double.isFinite(step)) {
      throw new IllegalArgumentException("step must be positive and finite");
    }
    this.step = step;
  }

  @Override
  public String name() {
    return "gd";
  }

  @Override
  public Step step(Problem problem, OptimizerState state) {
    Evaluation at = state.evaluation();
    double[] next = problem.proximalStep(at, step);
    Evaluation e = problem.evaluate(next);
    if (!e.isFinite()) {
      throw new DivergedException(String.format(
          "Gradient descent diverged at iteration %d: the objective became %s with step %s; "
              + "try --step %s or --step auto.",
          state.iteration() + 1, e.value(), fmt(step), fmt(step / 10)));
    }
    double predicted = Decrease.predicted(at.x(), next, step);
    return Step.taken(new OptimizerState(state.iteration() + 1, e, Map.of(), Map.of()), step,
        predicted, 1);
  }

  static String fmt(double v) {
    return String.format("%.3g", v);
  }
}
