package io.descent.optim;

import java.util.function.UnaryOperator;

/**
 * The subproblem of a trust-region Newton step: approximately minimize the quadratic model
 * Q(s) = gᵀs + ½ sᵀHs subject to ‖s‖_M ≤ Δ (‖s‖²_M = sᵀMs, M diagonal), by conjugate
 * gradients preconditioned with M (Steihaug). Each iteration costs one product H·d, that is
 * one pass over the data. It stops
 * <ul>
 *   <li>when the model's relative decrease stalls: j·(Q_j − Q_{j−1}) ≥ ε·Q_j (both sides ≤ 0),
 *       the test of Hsia, Chiang and Lin (2018), which asks few iterations far from the
 *       optimum (a residual test over-solves early steps); ε = min(0.1, √‖g‖_{M⁻¹}) tightens
 *       as the gradient vanishes, so that the outer iterations converge superlinearly;</li>
 *   <li>when s would leave the region: s is then cut where it crosses ‖s‖_M = Δ;</li>
 *   <li>when d has no positive curvature (H is only semi-definite without L2): s goes along d
 *       to the boundary, where the linear model decreases most.</li>
 * </ul>
 */
final class TrustRegionCg {
  /** The largest ε of the quadratic-model test (LIBLINEAR's choice). */
  static final double MODEL_TOL = 0.1;

  /**
   * The step s, the residual r = −g − Hs at it (so Q(s) = −½(gᵀs − sᵀr) is free), whether s
   * lies on the boundary, and the products H·d spent.
   */
  record Solution(double[] s, double[] residual, boolean boundary, int products) {
    /** Q(s) = gᵀs + ½ sᵀHs = ½(gᵀs − sᵀr), since r = −g − Hs: no product needed. */
    double model(double[] g) {
      return 0.5 * (Vectors.dot(g, s) - Vectors.dot(s, residual));
    }
  }

  private TrustRegionCg() {}

  /**
   * @param hessianTimes v ↦ H·v (one pass each)
   * @param m the diagonal preconditioner, all entries positive
   * @param maxProducts the budget of products H·d
   */
  static Solution solve(UnaryOperator<double[]> hessianTimes, double[] g, double[] m,
      double radius, int maxProducts) {
    int n = g.length;
    double[] s = new double[n];
    double[] r = new double[n];
    double[] z = new double[n];
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = -g[i];
      z[i] = r[i] / m[i];
      d[i] = z[i];
    }
    double zr = Vectors.dot(z, r);
    double tol = Math.min(MODEL_TOL, Math.sqrt(Math.sqrt(zr)));
    double model = 0;
    int products = 0;
    while (products < maxProducts) {
      double[] hd = hessianTimes.apply(d);
      products++;
      double dhd = Vectors.dot(d, hd);
      if (!(dhd > 0)) {
        toBoundary(s, d, hd, r, m, radius);
        return new Solution(s, r, true, products);
      }
      double alpha = zr / dhd;
      double[] next = Vectors.axpy(alpha, d, s);
      if (mNorm2(next, m) > radius * radius) {
        toBoundary(s, d, hd, r, m, radius);
        return new Solution(s, r, true, products);
      }
      s = next;
      for (int i = 0; i < n; i++) {
        r[i] -= alpha * hd[i];
      }
      double nextModel = 0.5 * (Vectors.dot(g, s) - Vectors.dot(s, r));
      double change = nextModel - model;
      if (!(nextModel <= 0 && change <= 0) || products * change >= tol * nextModel) {
        return new Solution(s, r, false, products);
      }
      model = nextModel;
      for (int i = 0; i < n; i++) {
        z[i] = r[i] / m[i];
      }
      double zrNext = Vectors.dot(z, r);
      double beta = zrNext / zr;
      for (int i = 0; i < n; i++) {
        d[i] = z[i] + beta * d[i];
      }
      zr = zrNext;
    }
    return new Solution(s, r, false, products);
  }

  /**
   * s += τd and r −= τHd, τ ≥ 0 the root of ‖s + τd‖_M = Δ; the form of the root is chosen
   * by the sign of sᵀMd so that no two nearly equal numbers are subtracted.
   */
  private static void toBoundary(double[] s, double[] d, double[] hd, double[] r, double[] m,
      double radius) {
    double smd = 0;
    double sms = 0;
    double dmd = 0;
    for (int i = 0; i < s.length; i++) {
      smd += s[i] * m[i] * d[i];
      sms += s[i] * m[i] * s[i];
      dmd += d[i] * m[i] * d[i];
    }
    double room = radius * radius - sms;
    double root = Math.sqrt(smd * smd + dmd * room);
    double tau = smd >= 0 ? room / (smd + root) : (root - smd) / dmd;
    for (int i = 0; i < s.length; i++) {
      s[i] += tau * d[i];
      r[i] -= tau * hd[i];
    }
  }

  /** ‖v‖²_M = vᵀMv. */
  static double mNorm2(double[] v, double[] m) {
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      sum += v[i] * m[i] * v[i];
    }
    return sum;
  }
}
