package io.descent.optim;

/**
 * A line search for the weak Wolfe conditions, φ(t) − φ(0) ≤ c₁·t·φ'(0) (sufficient
 * decrease) and φ'(t) ≥ c₂·φ'(0) (curvature), that tests a batch of trial steps per pass
 * over the data ({@link Problem#along} returns φ and φ' at all of them). A bracket [lo, hi]
 * of too-short and too-long steps narrows batch by batch: the first batch backtracks from
 * t₀, a bracket without upper end extrapolates, a closed one is split evenly.
 */
final class WolfeSearch {
  static final double C1 = 1e-4;
  static final double C2 = 0.9;
  private static final int TRIALS_PER_PASS = 4;
  private static final int MAX_PASSES = 10;

  /**
   * The accepted step; {@code wolfe} false when only sufficient decrease holds;
   * {@code dataGradient} the data term's gradient there when the first pass computed it
   * (the first trial step accepted), else null.
   */
  record Result(double step, double smoothDifference, double difference, int trials,
      boolean wolfe, double[] dataGradient) {}

  private WolfeSearch() {}

  /** Null when no step decreased F enough. Needs φ'(0) = slope0 < 0. */
  static Result search(Problem problem, Evaluation at, double[] d, double slope0, double t0) {
    double lo = 0;
    double hi = Double.POSITIVE_INFINITY;
    Result shortest = null;
    double[] steps = new double[TRIALS_PER_PASS];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = t0 * Math.pow(0.5, i);
    }
    int trials = 0;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      // The first batch also brings the gradient at its first step, usually the one taken.
      Problem.LineTrials line = problem.along(at, d, steps, pass == 0);
      trials += steps.length;
      Result best = null;
      for (int i = 0; i < steps.length; i++) {
        double t = steps[i];
        boolean decrease = line.differences()[i] <= C1 * t * slope0;
        boolean curvature = line.slopes()[i] >= C2 * slope0;
        Result r = new Result(t, line.smoothDifferences()[i], line.differences()[i], trials,
            decrease && curvature, pass == 0 && i == 0 ? line.dataGradientAtFirst() : null);
        if (decrease && curvature) {
          if (best == null || t > best.step()) {
            best = r;
          }
        } else if (!decrease) {
          hi = Math.min(hi, t);
        }
      }
      if (best != null) {
        return best;
      }
      for (int i = 0; i < steps.length; i++) {
        double t = steps[i];
        boolean decrease = line.differences()[i] <= C1 * t * slope0;
        if (decrease && t < hi && t > lo) {
          lo = t;
          shortest = new Result(t, line.smoothDifferences()[i], line.differences()[i], trials,
              false, pass == 0 && i == 0 ? line.dataGradientAtFirst() : null);
        }
      }
      steps = nextSteps(lo, hi);
    }
    return shortest;
  }

  private static double[] nextSteps(double lo, double hi) {
    double[] s = new double[TRIALS_PER_PASS];
    for (int i = 0; i < s.length; i++) {
      if (hi == Double.POSITIVE_INFINITY) {
        s[i] = lo * Math.pow(2, i + 1);
      } else if (lo == 0) {
        s[i] = hi * Math.pow(0.5, i + 1);
      } else {
        s[i] = lo + (hi - lo) * (i + 1) / (s.length + 1);
      }
    }
    return s;
  }
}
