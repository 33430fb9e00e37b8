package io.descent.optim;

import io.descent.DivergedException;
import java.util.HashMap;
import java.util.Map;

/**
 * When a fixed-step method has diverged. A non-finite objective or gradient is never
 * applied. Beyond that, the run stops when the objective
 * <ul>
 *   <li>exceeds its starting value F₀ by more than {@value #BLOW_UP}·max(|F₀|, 1), or</li>
 *   <li>rose (by more than rounding, 1e-12 relative) in {@code maxRises} consecutive
 *       iterations while the gradient norm grew too.</li>
 * </ul>
 * Below 2/L gradient descent decreases F at every step, so both signs mean the step is too
 * large; they fire within a few iterations instead of after max-iter iterations of growth.
 * The count and F₀ live in the optimizer state, so a resumed run watches the same way.
 */
final class DivergenceWatch {
  static final String START_VALUE = "startValue";
  static final String RISES = "rises";
  static final double BLOW_UP = 10;
  private static final double ROUNDING = 1e-12;

  private DivergenceWatch() {}

  /**
   * The watch's scalars for the state after {@code next}; throws when the run diverged.
   * {@code advice} ends the message (which step to try).
   */
  static Map<String, Double> check(String method, OptimizerState before, Evaluation next,
      int maxRises, String advice) {
    int iteration = before.iteration() + 1;
    if (!next.isFinite() || !Vectors.allFinite(next.gradient())) {
      throw new DivergedException(String.format("%s diverged at iteration %d: the objective "
          + "became %s; %s", method, iteration, next.value(), advice));
    }
    double start = before.scalar(START_VALUE, before.value());
    if (next.value() - start > BLOW_UP * Math.max(Math.abs(start), 1)) {
      throw new DivergedException(String.format("%s diverged at iteration %d: the objective "
          + "grew from %.6g to %.6g; %s", method, iteration, start, next.value(), advice));
    }
    Evaluation prev = before.evaluation();
    boolean rose = next.value() - prev.value() > ROUNDING * Math.max(Math.abs(prev.value()), 1e-300)
        && next.gradientNorm() > prev.gradientNorm();
    double rises = rose ? before.scalar(RISES, 0) + 1 : 0;
    if (rises >= maxRises) {
      throw new DivergedException(String.format("%s diverged at iteration %d: the objective "
          + "and the gradient norm grew for %d iterations in a row (objective %.6g, started "
          + "at %.6g); %s", method, iteration, (int) rises, next.value(), start, advice));
    }
    Map<String, Double> scalars = new HashMap<>();
    scalars.put(START_VALUE, start);
    scalars.put(RISES, rises);
    return scalars;
  }

  static String fmt(double v) {
    return String.format("%.3g", v);
  }
}
