package io.descent.optim;

/**
 * Trust-region Newton with conjugate gradients (TRON: Lin and Moré 1999, as LIBLINEAR ≥ 2.40
 * runs it). Each step minimizes the quadratic model gᵀs + ½ sᵀHs inside ‖s‖_M ≤ Δ
 * ({@link TrustRegionCg}, one pass per Hessian-vector product, no d×d matrix anywhere), then
 * evaluates the trial point x + s in one pass that also brings its gradient and Hessian
 * diagonal. The ratio of the actual to the predicted decrease decides whether x + s is
 * taken and how Δ changes. A rejected trial costs its CG passes and one more pass; the step
 * retries with the smaller radius, so every step the loop sees decreases F.
 *
 * <p>M = (1 − a)·μI + a·diag(H), a = 0.01, is LIBLINEAR's preconditioner in our scaling: its
 * objective is ours divided by the L2 strength μ = λ(1−α), whose Hessian is then the
 * identity. Without L2, μ is the mean of diag(H), a scale of the same kind.
 *
 * <p>The radius, whether the first step is still to come (it caps Δ at the first step's
 * length) and the diagonal at the iterate are state ({@link Region}): a checkpoint carries
 * them, so a resumed run takes the same steps.
 */
public final class Tron implements Optimizer {
  /** The trust region around the current iterate and its preconditioner's diagonal. */
  record Region(double radius, boolean first, double[] diagonal) implements MethodState {
    @Override
    public NamedVectors encode() {
      return new NamedVectors().putScalar(RADIUS, radius).putScalar(FIRST, first ? 1 : 0)
          .put(DIAGONAL, diagonal);
    }
  }

  private static final String RADIUS = "radius";
  private static final String FIRST = "first";
  private static final String DIAGONAL = "diagonal";

  // The ratio thresholds and radius factors of Lin and Moré.
  private static final double ETA0 = 1e-4;
  private static final double ETA1 = 0.25;
  private static final double ETA2 = 0.75;
  private static final double SIGMA1 = 0.25;
  private static final double SIGMA2 = 0.5;
  private static final double SIGMA3 = 4;
  /** The weight of diag(H) in the preconditioner. */
  static final double PRECONDITIONER_MIX = 0.01;
  /** Rejected trials a step may spend before it gives up. */
  private static final int MAX_TRIALS = 20;
  /** A decrease this small relative to F, predicted and actual, is rounding. */
  private static final double ROUNDING = 1e-12;

  @Override
  public String name() {
    return "tron";
  }

  @Override
  public OptimizerState start(Problem problem, double[] x0) {
    long n = problem.dimension();
    if (problem.hasL1()) {
      throw new UnsuitableProblemException(UnsuitableProblemException.Kind.NOT_SMOOTH, n, n,
          "trust-region Newton: the L1 part of the elastic net has no Hessian");
    }
    Problem.Diagonal at;
    try {
      at = problem.evaluateWithDiagonal(x0);
    } catch (UnsupportedOperationException e) {
      throw new UnsuitableProblemException(UnsuitableProblemException.Kind.NO_HESSIAN, n, n,
          e.getMessage());
    }
    Optimizer.requireFiniteStart(at.evaluation());
    return new OptimizerState(0, at.evaluation(), initialRegion(problem, at));
  }

  /** Δ₀ = ‖g‖ in the dual norm of M, the length of the preconditioned gradient. */
  private static Region initialRegion(Problem problem, Problem.Diagonal at) {
    double[] m = preconditioner(problem, at.diagonal());
    double[] g = at.evaluation().gradient();
    double sum = 0;
    for (int i = 0; i < g.length; i++) {
      sum += g[i] * g[i] / m[i];
    }
    return new Region(Math.sqrt(sum), true, at.diagonal());
  }

  @Override
  public Step step(Problem problem, OptimizerState state) {
    Evaluation at = state.evaluation();
    Region region = state.method(Region.class);
    if (region == null) {
      region = initialRegion(problem, new Problem.Diagonal(at,
          problem.evaluateWithDiagonal(at.x()).diagonal()));
    }
    double[] g = at.gradient();
    if (Vectors.norm(g) == 0) {
      return Step.stalled(state, StopReason.GRADIENT_ZERO, 0);
    }
    double[] m = preconditioner(problem, region.diagonal());
    double radius = region.radius();
    boolean first = region.first();
    int maxProducts = Math.max(g.length, 5);
    for (int trial = 1; trial <= MAX_TRIALS; trial++) {
      TrustRegionCg.Solution cg = TrustRegionCg.solve(v -> problem.hessianTimes(at.x(), v), g,
          m, radius, maxProducts);
      double[] s = cg.s();
      double gs = Vectors.dot(g, s);
      double predicted = -cg.model(g);
      Problem.Trial t = problem.trial(at, s);
      double actual = -t.difference();
      double sNorm = Math.sqrt(TrustRegionCg.mNorm2(s, m));
      if (first) {
        radius = Math.min(radius, sNorm);
      }
      radius = nextRadius(radius, sNorm, predicted, actual, gs, t.difference(), cg.boundary());
      Evaluation next = t.at().evaluation();
      boolean finite = next.isFinite() && Vectors.allFinite(next.gradient());
      if (finite && actual > ETA0 * predicted) {
        OptimizerState taken = new OptimizerState(state.iteration() + 1, next,
            new Region(radius, false, t.at().diagonal()));
        return Step.taken(taken, Vectors.norm(s), predicted, trial);
      }
      double scale = ROUNDING * Math.abs(at.value());
      if (Math.abs(actual) <= scale && Math.abs(predicted) <= scale) {
        return Step.stalled(state, StopReason.NO_DECREASE_BEYOND_ROUNDING, trial);
      }
    }
    return Step.stalled(state, StopReason.NO_DECREASE, MAX_TRIALS);
  }

  /**
   * Lin and Moré's update: the ratio of actual to predicted decrease picks the interval of
   * the next radius; within it, α‖s‖_M with α the minimizer of the quadratic through
   * F(x), the slope gᵀs and F(x + s) along s (bounded below by σ₁; σ₃ when that quadratic
   * has no minimum ahead).
   */
  private static double nextRadius(double radius, double sNorm, double predicted,
      double actual, double gs, double difference, boolean boundary) {
    if (!Double.isFinite(actual)) {
      return SIGMA1 * Math.min(radius, sNorm);
    }
    double curvature = difference - gs;
    double alpha = curvature <= 0 ? SIGMA3 : Math.max(SIGMA1, -0.5 * (gs / curvature));
    if (actual < ETA0 * predicted) {
      return Math.min(alpha * sNorm, SIGMA2 * radius);
    } else if (actual < ETA1 * predicted) {
      return Math.max(SIGMA1 * radius, Math.min(alpha * sNorm, SIGMA2 * radius));
    } else if (actual < ETA2 * predicted) {
      return Math.max(SIGMA1 * radius, Math.min(alpha * sNorm, SIGMA3 * radius));
    } else if (boundary) {
      return SIGMA3 * radius;
    }
    return Math.max(radius, Math.min(alpha * sNorm, SIGMA3 * radius));
  }

  /** M = (1 − a)·μ + a·diag(H), μ the L2 strength, else the mean of diag(H), else 1. */
  static double[] preconditioner(Problem problem, double[] diagonal) {
    double mu = problem.regularization().l2Strength();
    if (!(mu > 0)) {
      double sum = 0;
      for (double h : diagonal) {
        sum += h;
      }
      mu = sum > 0 && Double.isFinite(sum) ? sum / diagonal.length : 1.0;
    }
    double[] m = new double[diagonal.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = (1 - PRECONDITIONER_MIX) * mu + PRECONDITIONER_MIX * diagonal[i];
    }
    return m;
  }

  @Override
  public MethodState decodeState(NamedVectors saved) {
    if (saved.isEmpty()) {
      return null;
    }
    return new Region(saved.scalar(RADIUS), saved.scalar(FIRST) != 0, saved.vector(DIAGONAL));
  }
}
