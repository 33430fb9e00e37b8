package io.descent.optim;

import java.util.Map;

/**
 * The plain step x⁺ = prox(x − η∇f(x)) with a fixed η (the proximal part is the identity
 * without L1). One pass per iteration. A non-finite objective is never applied, and a step
 * above 2/L is caught within a few iterations ({@link DivergenceWatch}): the run stops and
 * says which step to try instead.
 */
public final class GradientDescent implements Optimizer {
  private static final int MAX_RISES = 5;

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
    Map<String, Double> watch = DivergenceWatch.check("Gradient descent", state, e, MAX_RISES,
        "the step " + fmt(step) + " is too large (above 2/L); try --step " + fmt(step / 4)
            + " or --step auto.");
    double predicted = Decrease.predicted(at.x(), next, step);
    return Step.taken(new OptimizerState(state.iteration() + 1, e, watch, Map.of()), step,
        predicted, 1);
  }

  static String fmt(double v) {
    return DivergenceWatch.fmt(v);
  }
}
