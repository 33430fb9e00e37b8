package io.descent.optim;

import io.descent.DivergedException;
import java.util.Map;

/**
 * Normalized gradient descent: moves a length η along −∇F/‖∇F‖ (proximal when L1 is on:
 * x⁺ = prox_τ(x − τ∇f) with τ = η/‖G‖, G the minimal subgradient). The length starts at
 * η₀ = step·‖G₀‖ — as far as a plain gradient step of the given step (1/L with --step auto)
 * would go — and halves after every step that raised the objective. A fixed η/√t schedule
 * would reach 1e-6 only after ~10¹² steps; halving on overshoot keeps η near 2‖G‖/L, so the
 * method converges like gradient descent while its step never depends on the gradient's
 * scale. The step is taken even when it overshot (the method is not monotone). One pass
 * per iteration. State: the scalar "length".
 */
public final class NormalizedGradient implements Optimizer {
  static final String LENGTH = "length";

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
      return Step.stalled(state, "gradient is zero", 0);
    }
    double length = state.scalar(LENGTH, step * norm);
    double tau = length / norm;
    double[] next = problem.proximalStep(at, tau);
    Evaluation e = problem.evaluate(next);
    if (!e.isFinite()) {
      throw new DivergedException(String.format("Normalized gradient descent diverged at "
          + "iteration %d: the objective became %s; try --step %s.", state.iteration() + 1,
          e.value(), GradientDescent.fmt(step / 10)));
    }
    double nextLength = e.value() > at.value() ? length / 2 : length;
    OptimizerState s = new OptimizerState(state.iteration() + 1, e, Map.of(LENGTH, nextLength),
        Map.of());
    return Step.taken(s, tau, Decrease.predicted(at.x(), next, tau), 1);
  }
}
