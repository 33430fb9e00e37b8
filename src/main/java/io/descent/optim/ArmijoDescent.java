package io.descent.optim;

import java.util.Map;

/**
 * Gradient descent with backtracking on the sufficient-decrease (Armijo) condition
 * F(x⁺) − F(x) ≤ −c·η‖G‖², proximal when L1 is on. Each search starts from twice the last
 * accepted step and tries a batch of halvings in ONE pass over the data; the accepted point
 * then costs one more pass for its gradient. The differences F(x⁺) − F(x) are summed from
 * per-row differences ({@link Problem#along}, {@link Problem#differencesAt}), so the test
 * still sees true decreases that are far below the rounding error of F, and the recorded
 * objective F(x) + ΔF decreases at every accepted step.
 */
public final class ArmijoDescent implements Optimizer {
  static final String STEP = "step";
  private static final double SUFFICIENT_DECREASE = 1e-4;
  private static final double SHRINK = 0.5;
  private static final double GROW = 2.0;
  private static final int TRIALS_PER_PASS = 4;
  private static final int MAX_TRIALS = 64;

  private final double initialStep;

  public ArmijoDescent(double initialStep) {
    if (!(initialStep > 0) || !Double.isFinite(initialStep)) {
      throw new IllegalArgumentException("initial step must be positive and finite");
    }
    this.initialStep = initialStep;
  }

  @Override
  public String name() {
    return "armijo";
  }

  @Override
  public Step step(Problem problem, OptimizerState state) {
    Evaluation at = state.evaluation();
    double first = state.scalar(STEP, initialStep / GROW) * GROW;
    int tried = 0;
    while (tried < MAX_TRIALS) {
      double[] steps = new double[TRIALS_PER_PASS];
      for (int i = 0; i < steps.length; i++) {
        steps[i] = first * Math.pow(SHRINK, tried + i);
      }
      double[][] points = trialPoints(problem, at, steps);
      double[] smooth;
      double[] total;
      if (problem.hasL1()) {
        Problem.PointTrials trials = problem.differencesAt(at, points);
        smooth = trials.smoothDifferences();
        total = trials.differences();
      } else {
        Problem.LineTrials trials = problem.along(at, Vectors.scale(-1, at.gradient()), steps);
        smooth = trials.smoothDifferences();
        total = trials.differences();
      }
      for (int i = 0; i < steps.length; i++) {
        double predicted = Decrease.predicted(at.x(), points[i], steps[i]);
        if (predicted > 0 && total[i] <= -SUFFICIENT_DECREASE * predicted) {
          return accept(problem, state, points[i], steps[i], smooth[i], predicted, tried + i + 1);
        }
      }
      tried += steps.length;
    }
    return Step.stalled(state, "line search found no decrease", tried);
  }

  private static double[][] trialPoints(Problem problem, Evaluation at, double[] steps) {
    double[][] points = new double[steps.length][];
    for (int i = 0; i < steps.length; i++) {
      points[i] = problem.proximalStep(at, steps[i]);
    }
    return points;
  }

  private static Step accept(Problem problem, OptimizerState state, double[] x, double step,
      double smoothDifference, double predicted, int trials) {
    Evaluation e = problem.evaluateAfter(state.evaluation(), x, smoothDifference);
    if (!e.isFinite()) {
      return Step.stalled(state, "the gradient is not finite at the accepted point", trials);
    }
    OptimizerState next = new OptimizerState(state.iteration() + 1, e, Map.of(STEP, step), Map.of());
    return Step.taken(next, step, predicted, trials);
  }
}
