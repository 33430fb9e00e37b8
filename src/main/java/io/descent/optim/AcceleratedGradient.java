package io.descent.optim;

/**
 * Nesterov's accelerated gradient, FISTA when L1 is on (Beck & Teboulle 2009), with
 * function-value restart (O'Donoghue & Candès 2015): x⁺ = prox(y − η∇f(y)), momentum
 * t⁺ = (1 + √(1 + 4t²))/2, y⁺ = x⁺ + ((t − 1)/t⁺)(x⁺ − x). One pass evaluates x⁺ and y⁺
 * together. When x⁺ would raise F the momentum is dropped and a plain proximal gradient
 * step from x is taken instead (one more pass), so the accepted iterates never increase F.
 * If even that step raises F beyond rounding, η is above 2/L: the step reports divergence.
 *
 * <p>State: the extrapolated point y, the gradient there and the momentum t ({@link Momentum}).
 */
public final class AcceleratedGradient implements Optimizer {
  /** The point the next step starts from, ∇f there, and the momentum t. */
  record Momentum(double[] y, double[] gradientAtY, double t) implements MethodState {
    @Override
    public NamedVectors encode() {
      return new NamedVectors().put(GRADIENT_AT_Y, gradientAtY).putScalar(MOMENTUM, t).put(Y, y);
    }
  }

  private static final String Y = "y";
  private static final String GRADIENT_AT_Y = "gradientAtY";
  private static final String MOMENTUM = "momentum";
  private static final double ROUNDING = 1e-12;

  private final double step;

  public AcceleratedGradient(double step) {
    if (!(step > 0) || !Double.isFinite(step)) {
      throw new IllegalArgumentException("step must be positive and finite");
    }
    this.step = step;
  }

  @Override
  public String name() {
    return "nesterov";
  }

  @Override
  public Step step(Problem problem, OptimizerState state) {
    Evaluation at = state.evaluation();
    Momentum m = state.method(Momentum.class);
    double[] y = m != null ? m.y() : at.x();
    double[] gy = m != null ? m.gradientAtY() : at.gradient();
    double t = m != null ? m.t() : 1.0;
    double[] next = problem.regularization().proxL1(Vectors.axpy(-step, gy, y), step);
    double tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    double beta = (t - 1) / tNext;
    Evaluation atNext;
    double[] yNext;
    double[] gradYNext;
    if (beta == 0) {
      atNext = problem.evaluate(next);
      yNext = next;
      gradYNext = atNext.gradient();
    } else {
      yNext = Vectors.axpy(beta, Vectors.minus(next, at.x()), next);
      Evaluation[] both = problem.evaluateAll(new double[][] {next, yNext});
      atNext = both[0];
      gradYNext = both[1].gradient();
    }
    if (atNext.isFinite() && atNext.value() <= at.value() && Vectors.allFinite(gradYNext)) {
      OptimizerState s = new OptimizerState(state.iteration() + 1, atNext,
          new Momentum(yNext, gradYNext, tNext));
      return Step.taken(s, step, Decrease.predicted(y, next, step), 1);
    }
    return restart(problem, state);
  }

  private Step restart(Problem problem, OptimizerState state) {
    Evaluation at = state.evaluation();
    double[] next = problem.proximalStep(at, step);
    Evaluation e = problem.evaluate(next);
    if (!e.isFinite() || e.value() - at.value() > ROUNDING * Math.max(Math.abs(at.value()), 1e-300)) {
      return Step.diverged(state, new Divergence("Nesterov's method", state.iteration() + 1,
          String.format("even a plain gradient step raised the objective (%.6g to %.6g), so "
              + "the step %s is above 2/L", at.value(), e.value(), GradientDescent.fmt(step)),
          step / 4, false), 2);
    }
    if (e.value() > at.value()) {
      return Step.stalled(state, StopReason.NO_DECREASE_BEYOND_ROUNDING, 2);
    }
    OptimizerState s = new OptimizerState(state.iteration() + 1, e,
        new Momentum(next, e.gradient(), 1.0));
    return Step.taken(s, step, Decrease.predicted(at.x(), next, step), 2);
  }

  @Override
  public MethodState decodeState(NamedVectors saved) {
    return saved.vector(Y) == null ? null
        : new Momentum(saved.vector(Y), saved.vector(GRADIENT_AT_Y), saved.scalar(MOMENTUM));
  }
}
