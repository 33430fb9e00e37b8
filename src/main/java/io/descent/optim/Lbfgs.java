package io.descent.optim;

import io.descent.loss.Regularization;
import java.util.ArrayList;
import java.util.List;

/**
 * Limited-memory BFGS: the direction −H∇F from the last m pairs (s, y) by the two-loop
 * recursion and a batched weak-Wolfe line search ({@link WolfeSearch}) whose every batch is
 * one pass. The first batch also returns the gradient at its first step (t = 1 once there
 * are pairs), so when that step is taken, as it mostly is, an iteration costs one pass;
 * otherwise one more pass computes the gradient at the accepted point. With L1 it is OWL-QN
 * (Andrew & Gao 2007): the direction comes from the pseudo-gradient (the minimal
 * subgradient), is kept in the orthant it points to, and the trial points are projected
 * onto the orthant of the current point, with a backtracking search on sufficient decrease.
 *
 * <p>The pairs are state ({@link Pairs}), so a checkpoint carries them and a resumed run
 * takes the same steps.
 */
public final class Lbfgs implements Optimizer {
  /** One correction pair: the step s = x⁺ − x and the gradient change y = ∇f⁺ − ∇f. */
  record Pair(double[] s, double[] y) {}

  /** The remembered pairs, oldest first; saved as "s0", "y0" (oldest) … "s{k−1}", "y{k−1}". */
  record Pairs(List<Pair> pairs) implements MethodState {
    Pairs {
      pairs = List.copyOf(pairs);
    }

    @Override
    public NamedVectors encode() {
      NamedVectors out = new NamedVectors();
      for (int i = 0; i < pairs.size(); i++) {
        out.put(S + i, pairs.get(i).s()).put(Y + i, pairs.get(i).y());
      }
      return out;
    }

    static Pairs decode(NamedVectors saved) {
      List<Pair> pairs = new ArrayList<>();
      for (int i = 0; saved.vector(S + i) != null; i++) {
        pairs.add(new Pair(saved.vector(S + i), saved.vector(Y + i)));
      }
      return new Pairs(pairs);
    }
  }

  private static final String S = "s";
  private static final String Y = "y";
  private static final int MAX_BACKTRACK_PASSES = 10;

  private final int memory;

  public Lbfgs(int memory) {
    if (memory < 1) {
      throw new IllegalArgumentException("L-BFGS memory must be at least 1");
    }
    this.memory = memory;
  }

  @Override
  public String name() {
    return "lbfgs";
  }

  @Override
  public Step step(Problem problem, OptimizerState state) {
    Pairs saved = state.method(Pairs.class);
    List<Pair> pairs = saved == null ? List.of() : saved.pairs();
    Step step = tryStep(problem, state, pairs);
    if (step == null && !pairs.isEmpty()) {
      // The curvature pairs may describe a region left behind: steepest descent once more.
      step = tryStep(problem, state, List.of());
    }
    return step != null ? step : Step.stalled(state, StopReason.NO_DECREASE, 0);
  }

  private Step tryStep(Problem problem, OptimizerState state, List<Pair> pairs) {
    Evaluation at = state.evaluation();
    double[] g = problem.hasL1()
        ? problem.regularization().minNormSubgradient(at.x(), at.gradient())
        : at.gradient();
    double gnorm = Vectors.norm(g);
    if (gnorm == 0) {
      return null;
    }
    double[] d = Vectors.scale(-1, twoLoop(g, pairs));
    if (problem.hasL1()) {
      alignWithSteepestDescent(d, g);
    }
    double slope0 = Vectors.dot(g, d);
    if (!(slope0 < 0)) {
      if (pairs.isEmpty()) {
        return null;
      }
      return tryStep(problem, state, List.of());
    }
    double t0 = pairs.isEmpty() ? Math.min(1.0, 1.0 / gnorm) : 1.0;
    double[] next;
    double smoothDifference;
    double step;
    int trials;
    double[] dataGradient = null;
    if (problem.hasL1()) {
      BacktrackingSearch.Accepted<OrthantTrials> found = orthantSearch(problem, at, g, d, t0);
      if (found == null) {
        return null;
      }
      next = found.batch().points()[found.index()];
      step = found.step();
      smoothDifference = found.batch().trials().smoothDifferences()[found.index()];
      trials = found.trials();
    } else {
      WolfeSearch.Result r = WolfeSearch.search(problem, at, d, slope0, t0);
      if (r == null) {
        return null;
      }
      next = Vectors.axpy(r.step(), d, at.x());
      step = r.step();
      smoothDifference = r.smoothDifference();
      trials = r.trials();
      dataGradient = r.dataGradient();
    }
    Evaluation e = dataGradient != null
        ? problem.evaluateFromLine(at, next, smoothDifference, dataGradient)
        : problem.evaluateAfter(at, next, smoothDifference);
    if (!e.isFinite() || !Vectors.allFinite(e.gradient())) {
      return null;
    }
    Pairs kept = remember(pairs, Vectors.minus(next, at.x()),
        Vectors.minus(e.gradient(), at.gradient()));
    double predicted = -Vectors.dot(g, Vectors.minus(next, at.x()));
    return Step.taken(new OptimizerState(state.iteration() + 1, e, kept), step, predicted,
        trials);
  }

  @Override
  public MethodState decodeState(NamedVectors saved) {
    return saved.isEmpty() ? null : Pairs.decode(saved);
  }

  /**
   * OWL-QN's search: points π(x + t·d) with π zeroing the coefficients that leave the
   * orthant of x (for x_j = 0, the orthant of −pseudo-gradient); accept the first with
   * F(p) − F(x) ≤ c₁·gᵀ(p − x).
   */
  private static BacktrackingSearch.Accepted<OrthantTrials> orthantSearch(Problem problem,
      Evaluation at, double[] g, double[] d, double t0) {
    Regularization reg = problem.regularization();
    double[] x = at.x();
    double[] orthant = new double[reg.coefficientCount()];
    for (int j = 0; j < orthant.length; j++) {
      orthant[j] = x[j] != 0 ? Math.signum(x[j]) : Math.signum(-g[j]);
    }
    return BacktrackingSearch.search(t0, MAX_BACKTRACK_PASSES, steps -> {
      double[][] points = new double[steps.length][];
      for (int i = 0; i < steps.length; i++) {
        points[i] = Vectors.axpy(steps[i], d, x);
        for (int j = 0; j < orthant.length; j++) {
          if (points[i][j] * orthant[j] <= 0) {
            points[i][j] = 0.0;
          }
        }
      }
      return new OrthantTrials(x, g, points, problem.differencesAt(at, points));
    });
  }

  /** One batch of projected points and their differences F(p) − F(x). */
  private record OrthantTrials(double[] x, double[] g, double[][] points,
      Problem.PointTrials trials) implements BacktrackingSearch.Batch {
    @Override
    public boolean accepts(int i) {
      double model = Vectors.dot(g, Vectors.minus(points[i], x));
      return model < 0 && trials.differences()[i] <= WolfeSearch.C1 * model;
    }
  }

  /** OWL-QN keeps each coordinate of d on the side where −g points (zero where they disagree). */
  private static void alignWithSteepestDescent(double[] d, double[] g) {
    for (int j = 0; j < d.length; j++) {
      if (d[j] * g[j] >= 0) {
        d[j] = 0;
      }
    }
  }

  /** H·g by the two-loop recursion, H₀ = (sᵀy / yᵀy)·I from the newest pair. */
  static double[] twoLoop(double[] g, List<Pair> pairs) {
    int k = pairs.size();
    double[] q = g.clone();
    double[] alpha = new double[k];
    double[] rho = new double[k];
    for (int i = k - 1; i >= 0; i--) {
      double[] s = pairs.get(i).s();
      double[] y = pairs.get(i).y();
      rho[i] = 1 / Vectors.dot(y, s);
      alpha[i] = rho[i] * Vectors.dot(s, q);
      for (int j = 0; j < q.length; j++) {
        q[j] -= alpha[i] * y[j];
      }
    }
    if (k > 0) {
      double[] s = pairs.get(k - 1).s();
      double[] y = pairs.get(k - 1).y();
      double gamma = Vectors.dot(s, y) / Vectors.dot(y, y);
      for (int j = 0; j < q.length; j++) {
        q[j] *= gamma;
      }
    }
    for (int i = 0; i < k; i++) {
      double[] s = pairs.get(i).s();
      double[] y = pairs.get(i).y();
      double beta = rho[i] * Vectors.dot(y, q);
      for (int j = 0; j < q.length; j++) {
        q[j] += s[j] * (alpha[i] - beta);
      }
    }
    return q;
  }

  /**
   * The history after this step: the new pair joins when sᵀy is clearly positive (else H
   * would lose positive definiteness), the oldest leaves when more than m are kept.
   */
  private Pairs remember(List<Pair> pairs, double[] s, double[] y) {
    List<Pair> kept = new ArrayList<>(pairs);
    double sy = Vectors.dot(s, y);
    if (sy > 1e-12 * Vectors.norm(s) * Vectors.norm(y) && Vectors.allFinite(s)) {
      kept.add(new Pair(s, y));
    }
    while (kept.size() > memory) {
      kept.remove(0);
    }
    return new Pairs(kept);
  }
}
