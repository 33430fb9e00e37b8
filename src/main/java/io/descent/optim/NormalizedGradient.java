package io.descent.optim;

/**
 * Normalized gradient descent: moves a length η along −∇F/‖∇F‖ (proximal when L1 is on:
 * x⁺ = prox_τ(x − τ∇f) with τ = η/‖G‖, G the minimal subgradient). The length starts at
 * η₀ = step·‖G₀‖ — as far as a plain gradient step of the given step (1/L with --step auto)
 * would go — and halves after every step that raised the objective. A fixed η/√t schedule
 * would reach 1e-6 only after ~10¹² steps; halving on overshoot keeps η near 2‖G‖/L, so the
 * method converges like gradient descent while its step never depends on the gradient's
 * scale. The step is taken even when it overshot (the method is not monotone). One pass
 * per iteration. State: the current length ({@link Length}).
 */
public final class NormalizedGradient implements Optimizer {
  /** The length of the next move. */
  record Length(double length) implements MethodState {
    @Override
    public NamedVectors encode() {
      return new NamedVectors().putScalar(LENGTH, length);
    }
  }

  private static final String LENGTH = "length";

  private final double step;

  public NormalizedGradient(double step) {
    if (!(step > 0) || !Double.isFinite(step)) {
      throw new IllegalArgumentException("step must be positive and finite");
    }
    this.step = step;
  }

  @Override
  public String name() {
    return "normalized";
  }

  @Override
  public Step step(Problem problem, OptimizerState state) {
    Evaluation at = state.evaluation();
    double norm = at.gradientNorm();
    if (!(norm > 0)) {
      return Step.stalled(state, StopReason.GRADIENT_ZERO, 0);
    }
    Length saved = state.method(Length.class);
    double length = saved == null ? step * norm : saved.length();
    double tau = length / norm;
    double[] next = problem.proximalStep(at, tau);
    Evaluation e = problem.evaluate(next);
    if (!e.isFinite()) {
      return Step.diverged(state, new Divergence("Normalized gradient descent",
          state.iteration() + 1, "the objective became " + e.value(), step / 10, false), 1);
    }
    double nextLength = e.value() > at.value() ? length / 2 : length;
    OptimizerState s = new OptimizerState(state.iteration() + 1, e, new Length(nextLength));
    return Step.taken(s, tau, Decrease.predicted(at.x(), next, tau), 1);
  }

  @Override
  public MethodState decodeState(NamedVectors saved) {
    return saved.vector(LENGTH) == null ? null : new Length(saved.scalar(LENGTH));
  }
}
