package io.descent.optim;

import java.util.List;

/** How a stochastic method's step shrinks with the iteration t = 0, 1, …. */
public enum StepSchedule {
  /** η. */
  CONSTANT,
  /** η / √(t + 1). */
  INVSQRT,
  /** η / (1 + γ t). */
  DECAY;

  public static final List<String> NAMES = List.of("constant", "invsqrt", "decay");

  public static StepSchedule byName(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }

  public double at(double step, int t, double gamma) {
    switch (this) {
      case INVSQRT:
        return step / Math.sqrt(t + 1.0);
      case DECAY:
        return step / (1 + gamma * t);
      default:
        return step;
    }
  }
}
