package io.descent.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the training history: the objective after the iteration, its gradient norm,
 * the step taken, the decrease the first-order model predicted (η‖∇F‖²) against the one
 * that happened, data passes spent, and wall-clock seconds. Iteration 0 is the start.
 */
public record IterationRecord(int iteration, double objective, double gradientNorm,
    double step, double predictedDecrease, double actualDecrease, long passes, double seconds) {

  public static IterationRecord start(double objective, double gradientNorm, long passes,
      double seconds) {
    return new IterationRecord(0, objective, gradientNorm, 0, Double.NaN, Double.NaN, passes,
        seconds);
  }

  /** Actual over predicted decrease: near 1 when the linear model is right, small when the step is too long. */
  public double decreaseRatio() {
    return predictedDecrease > 0 ? actualDecrease / predictedDecrease : Double.NaN;
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("iteration", iteration);
    m.put("objective", finiteOrNull(objective));
    m.put("gradientNorm", finiteOrNull(gradientNorm));
    m.put("step", step);
    m.put("predictedDecrease", finiteOrNull(predictedDecrease));
    m.put("actualDecrease", finiteOrNull(actualDecrease));
    m.put("passes", passes);
    m.put("seconds", seconds);
    return m;
  }

  public static IterationRecord fromJson(Map<String, Object> m) {
    return new IterationRecord(((Number) m.get("iteration")).intValue(), num(m, "objective"),
        num(m, "gradientNorm"), num(m, "step"), num(m, "predictedDecrease"),
        num(m, "actualDecrease"), ((Number) m.get("passes")).longValue(), num(m, "seconds"));
  }

  private static double num(Map<String, Object> m, String k) {
    Object v = m.get(k);
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }

  private static Object finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /** The console line of DESIGN.md. */
  public String logLine() {
    if (iteration == 0) {
      return String.format("iter %5d  objective %.10g  |grad| %.3e  (start, %d passes, %.3fs)",
          iteration, objective, gradientNorm, passes, seconds);
    }
    return String.format(
        "iter %5d  objective %.10g  |grad| %.3e  step %.3e  predicted %.3e  actual %.3e  %.3fs",
        iteration, objective, gradientNorm, step, predictedDecrease, actualDecrease, seconds);
  }
}
