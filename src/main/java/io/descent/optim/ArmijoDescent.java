package io.descent.optim;

/**
 * Gradient descent with backtracking on the sufficient-decrease (Armijo) condition
 * F(x⁺) − F(x) ≤ −c·η‖G‖², proximal when L1 is on. Each search starts from twice the last
 * accepted step and tries a batch of halvings in ONE pass over the data; the accepted point
 * then costs one more pass for its gradient ({@link BacktrackingSearch}). The differences F(x⁺) − F(x) are summed from
 * per-row differences ({@link Problem#along}, {@link Problem#differencesAt}), so the test
 * still sees true decreases that are far below the rounding error of F, and the recorded
 * objective F(x) + ΔF decreases at every accepted step.
 */
public final class ArmijoDescent implements Optimizer {
  /** The last accepted step, where the next search starts (doubled). */
  record LastStep(double step) implements MethodState {
    @Override
    public NamedVectors encode() {
      return new NamedVectors().putScalar(STEP, step);
    }
  }

  private static final String STEP = "step";
  private static final double SUFFICIENT_DECREASE = 1e-4;
  private static final double GROW = 2.0;
  private static final int MAX_PASSES = 16;

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
    LastStep last = state.method(LastStep.class);
    double first = (last == null ? initialStep / GROW : last.step()) * GROW;
    BacktrackingSearch.Accepted<Trials> found =
        BacktrackingSearch.search(first, MAX_PASSES, steps -> trials(problem, at, steps));
    if (found == null) {
      return Step.stalled(state, StopReason.NO_DECREASE, BacktrackingSearch.trials(MAX_PASSES));
    }
    Trials t = found.batch();
    int i = found.index();
    return accept(problem, state, t.points()[i], found.step(), t.smooth()[i], t.predicted(i),
        found.trials());
  }

  /** The proximal gradient steps of one batch and their differences F(x⁺) − F(x). */
  private record Trials(double[] x, double[] steps, double[][] points, double[] smooth,
      double[] total) implements BacktrackingSearch.Batch {

    double predicted(int i) {
      return Decrease.predicted(x, points[i], steps[i]);
    }

    @Override
    public boolean accepts(int i) {
      double predicted = predicted(i);
      return predicted > 0 && total[i] <= -SUFFICIENT_DECREASE * predicted;
    }
  }

  private static Trials trials(Problem problem, Evaluation at, double[] steps) {
    double[][] points = trialPoints(problem, at, steps);
    if (problem.hasL1()) {
      Problem.PointTrials trials = problem.differencesAt(at, points);
      return new Trials(at.x(), steps, points, trials.smoothDifferences(), trials.differences());
    }
    Problem.LineTrials trials = problem.along(at, Vectors.scale(-1, at.gradient()), steps);
    return new Trials(at.x(), steps, points, trials.smoothDifferences(), trials.differences());
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
      return Step.stalled(state, StopReason.NON_FINITE_GRADIENT, trials);
    }
    OptimizerState next = new OptimizerState(state.iteration() + 1, e, new LastStep(step));
    return Step.taken(next, step, predicted, trials);
  }

  @Override
  public MethodState decodeState(NamedVectors saved) {
    return saved.vector(STEP) == null ? null : new LastStep(saved.scalar(STEP));
  }
}
