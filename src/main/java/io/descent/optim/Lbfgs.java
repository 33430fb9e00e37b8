package io.descent.optim;

import io.descent.loss.Regularization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * <p>The pairs are state: vectors "s0", "y0" (oldest) … "s{k−1}", "y{k−1}" (newest), so a
 * checkpoint carries them and a resumed run takes the same steps.
 */
public final class Lbfgs implements Optimizer {
  static final String S = "s";
  static final String Y = "y";
  private static final int TRIALS_PER_PASS = 4;
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
    List<double[][]> pairs = pairs(state);
    Step step = tryStep(problem, state, pairs);
    if (step == null && !pairs.isEmpty()) {
      // The curvature pairs may describe a region left behind: steepest descent once more.
      step = tryStep(problem, state, List.of());
    }
    return step != null ? step : Step.stalled(state, "line search found no decrease", 0);
  }

  private Step tryStep(Problem problem, OptimizerState state, List<double[][]> pairs) {
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
      double[][] found = orthantSearch(problem, at, g, d, t0);
      if (found == null) {
        return null;
      }
      next = found[0];
      step = found[1][0];
      smoothDifference = found[1][1];
      trials = (int) found[1][2];
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
        ? problem.evaluatedAfter(at, next, smoothDifference, dataGradient)
        : problem.evaluateAfter(at, next, smoothDifference);
    if (!e.isFinite() || !Vectors.allFinite(e.gradient())) {
      return null;
    }
    Map<String, double[]> vectors = remember(pairs, Vectors.minus(next, at.x()),
        Vectors.minus(e.gradient(), at.gradient()));
    double predicted = -Vectors.dot(g, Vectors.minus(next, at.x()));
    return Step.taken(new OptimizerState(state.iteration() + 1, e, Map.of(), vectors), step,
        predicted, trials);
  }

  /**
   * OWL-QN's search: points π(x + t·d) with π zeroing the coefficients that leave the
   * orthant of x (for x_j = 0, the orthant of −pseudo-gradient); accept the first with
   * F(p) − F(x) ≤ c₁·gᵀ(p − x). Returns {point, {step, smoothDifference, trials}}.
   */
  private static double[][] orthantSearch(Problem problem, Evaluation at, double[] g,
      double[] d, double t0) {
    Regularization reg = problem.regularization();
    double[] x = at.x();
    double[] orthant = new double[reg.coefficientCount()];
    for (int j = 0; j < orthant.length; j++) {
      orthant[j] = x[j] != 0 ? Math.signum(x[j]) : Math.signum(-g[j]);
    }
    int trials = 0;
    for (int pass = 0; pass < MAX_BACKTRACK_PASSES; pass++) {
      double[] steps = new double[TRIALS_PER_PASS];
      double[][] points = new double[TRIALS_PER_PASS][];
      for (int i = 0; i < steps.length; i++) {
        steps[i] = t0 * Math.pow(0.5, pass * TRIALS_PER_PASS + i);
        points[i] = Vectors.axpy(steps[i], d, x);
        for (int j = 0; j < orthant.length; j++) {
          if (points[i][j] * orthant[j] <= 0) {
            points[i][j] = 0.0;
          }
        }
      }
      Problem.PointTrials found = problem.differencesAt(at, points);
      for (int i = 0; i < steps.length; i++) {
        trials++;
        double model = Vectors.dot(g, Vectors.minus(points[i], x));
        if (model < 0 && found.differences()[i] <= WolfeSearch.C1 * model) {
          return new double[][] {points[i],
              {steps[i], found.smoothDifferences()[i], trials}};
        }
      }
    }
    return null;
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
  static double[] twoLoop(double[] g, List<double[][]> pairs) {
    int k = pairs.size();
    double[] q = g.clone();
    double[] alpha = new double[k];
    double[] rho = new double[k];
    for (int i = k - 1; i >= 0; i--) {
      double[] s = pairs.get(i)[0];
      double[] y = pairs.get(i)[1];
      rho[i] = 1 / Vectors.dot(y, s);
      alpha[i] = rho[i] * Vectors.dot(s, q);
      for (int j = 0; j < q.length; j++) {
        q[j] -= alpha[i] * y[j];
      }
    }
    if (k > 0) {
      double[] s = pairs.get(k - 1)[0];
      double[] y = pairs.get(k - 1)[1];
      double gamma = Vectors.dot(s, y) / Vectors.dot(y, y);
      for (int j = 0; j < q.length; j++) {
        q[j] *= gamma;
      }
    }
    for (int i = 0; i < k; i++) {
      double[] s = pairs.get(i)[0];
      double[] y = pairs.get(i)[1];
      double beta = rho[i] * Vectors.dot(y, q);
      for (int j = 0; j < q.length; j++) {
        q[j] += s[j] * (alpha[i] - beta);
      }
    }
    return q;
  }

  /** The pairs in the state, oldest first. */
  static List<double[][]> pairs(OptimizerState state) {
    List<double[][]> pairs = new ArrayList<>();
    for (int i = 0; state.vector(S + i) != null; i++) {
      pairs.add(new double[][] {state.vector(S + i), state.vector(Y + i)});
    }
    return pairs;
  }

  /**
   * The history after this step: the new pair joins when sᵀy is clearly positive (else H
   * would lose positive definiteness), the oldest leaves when more than m are kept.
   */
  private Map<String, double[]> remember(List<double[][]> pairs, double[] s, double[] y) {
    List<double[][]> kept = new ArrayList<>(pairs);
    double sy = Vectors.dot(s, y);
    if (sy > 1e-12 * Vectors.norm(s) * Vectors.norm(y) && Vectors.allFinite(s)) {
      kept.add(new double[][] {s, y});
    }
    while (kept.size() > memory) {
      kept.remove(0);
    }
    Map<String, double[]> vectors = new HashMap<>();
    for (int i = 0; i < kept.size(); i++) {
      vectors.put(S + i, kept.get(i)[0]);
      vectors.put(Y + i, kept.get(i)[1]);
    }
    return vectors;
  }
}
