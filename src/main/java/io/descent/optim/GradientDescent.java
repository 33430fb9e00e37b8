package io.descent.optim;

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
    DivergenceWatch.Verdict watch = DivergenceWatch.check(
        state.method(DivergenceWatch.Memory.class), at, e, MAX_RISES);
    if (watch.diverged()) {
      return Step.diverged(state, new Divergence("Gradient descent", state.iteration() + 1,
          watch.finding() + "; the step " + fmt(step) + " is too large (above 2/L)", step / 4,
          true), 1);
    }
    double predicted = Decrease.predicted(at.x(), next, step);
    return Step.taken(new OptimizerState(state.iteration() + 1, e, watch.memory()), step,
        predicted, 1);
  }

  @Override
  public MethodState decodeState(NamedVectors saved) {
    return DivergenceWatch.Memory.decode(saved);
  }

  static String fmt(double v) {
    return Divergence.stepText(v);
  }
}
