package io.descent.optim;

/**
 * Exact Newton: the Hessian XᵀDX/Σv (+ λ(1−α) on the coefficients) is summed on the cluster
 * in the same pass as the gradient, the system solved on the driver ({@link NewtonSystem}),
 * and a backtracking line search from t = 1 ({@link BacktrackingSearch}) makes it
 * converge from anywhere. Two passes per iteration; least squares is solved in one step.
 *
 * <p>The next direction is computed as soon as the Hessian is known and kept in the state
 * ({@link Direction}), so a checkpoint needs n numbers, not n².
 */
public final class NewtonMethod implements Optimizer {
  /** The Newton direction at the current iterate. */
  record Direction(double[] d) implements MethodState {
    @Override
    public NamedVectors encode() {
      return new NamedVectors().put(DIRECTION, d);
    }
  }

  private static final String DIRECTION = "direction";
  private static final double SUFFICIENT_DECREASE = 1e-4;
  private static final int MAX_PASSES = 8;

  private final int maxDimension;

  public NewtonMethod(int maxDimension) {
    this.maxDimension = maxDimension;
  }

  @Override
  public String name() {
    return "newton";
  }

  @Override
  public OptimizerState start(Problem problem, double[] x0) {
    long n = problem.dimension();
    if (n > maxDimension) {
      throw new UnsuitableProblemException(UnsuitableProblemException.Kind.TOO_MANY_PARAMETERS,
          n, maxDimension, String.format("Newton's method: the model has %d parameters, above "
              + "the limit of %d (the Hessian would hold %d numbers)", n, maxDimension, n * n));
    }
    if (problem.hasL1()) {
      throw new UnsuitableProblemException(UnsuitableProblemException.Kind.NOT_SMOOTH, n,
          maxDimension, "Newton's method: the L1 part of the elastic net has no Hessian");
    }
    Problem.SecondOrder so;
    try {
      so = problem.evaluateWithHessian(x0);
    } catch (UnsupportedOperationException e) {
      throw new UnsuitableProblemException(UnsuitableProblemException.Kind.NO_HESSIAN, n,
          maxDimension, e.getMessage());
    }
    Optimizer.requireFiniteStart(so.evaluation());
    return new OptimizerState(0, so.evaluation(), new Direction(direction(so)));
  }

  @Override
  public Step step(Problem problem, OptimizerState state) {
    Evaluation at = state.evaluation();
    Direction saved = state.method(Direction.class);
    double[] d = saved == null ? null : saved.d();
    if (d == null) {
      d = direction(problem.evaluateWithHessian(at.x()));
    }
    double slope0 = Vectors.dot(at.gradient(), d);
    if (!(slope0 < 0)) {
      d = Vectors.scale(-1, at.gradient());
      slope0 = -Vectors.dot(d, d);
      if (!(slope0 < 0)) {
        return Step.stalled(state, StopReason.GRADIENT_ZERO, 0);
      }
    }
    double[] direction = d;
    double slope = slope0;
    BacktrackingSearch.Accepted<Trials> found = BacktrackingSearch.search(1.0, MAX_PASSES,
        steps -> new Trials(steps, problem.along(at, direction, steps), slope));
    if (found == null) {
      return Step.stalled(state, StopReason.NO_DECREASE, BacktrackingSearch.trials(MAX_PASSES));
    }
    double t = found.step();
    double[] next = Vectors.axpy(t, d, at.x());
    Problem.SecondOrder so = problem.evaluateWithHessianAfter(at, next,
        found.batch().line().smoothDifferences()[found.index()]);
    if (!so.evaluation().isFinite() || !Vectors.allFinite(so.evaluation().gradient())) {
      return Step.stalled(state, StopReason.NON_FINITE_GRADIENT, found.trials());
    }
    OptimizerState s = new OptimizerState(state.iteration() + 1, so.evaluation(),
        new Direction(direction(so)));
    return Step.taken(s, t, -t * slope0, found.trials());
  }

  @Override
  public MethodState decodeState(NamedVectors saved) {
    return saved.vector(DIRECTION) == null ? null : new Direction(saved.vector(DIRECTION));
  }

  /** Sufficient decrease along the direction: F(x + t·d) − F(x) ≤ c·t·φ'(0). */
  private record Trials(double[] steps, Problem.LineTrials line, double slope0)
      implements BacktrackingSearch.Batch {
    @Override
    public boolean accepts(int i) {
      return line.differences()[i] <= SUFFICIENT_DECREASE * steps[i] * slope0;
    }
  }

  private static double[] direction(Problem.SecondOrder so) {
    return NewtonSystem.direction(so.hessian(), so.evaluation().gradient());
  }
}
