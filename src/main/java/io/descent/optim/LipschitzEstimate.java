package io.descent.optim;

import io.descent.loss.PassRequest;
import io.descent.loss.Regularization;

/**
 * L, a Lipschitz constant of ∇F's smooth part, for the step 1/L: the largest eigenvalue of
 * the data Hessian bound (loss curvature bound × weighted XᵀX / Σv) by a fixed number of
 * power-iteration rounds, one pass each, plus λ(1−α). Power iteration approaches the
 * eigenvalue from below, so the estimate is raised by a safety factor. Deterministic: a
 * fixed start vector and fixed rounds.
 */
public final class LipschitzEstimate {
  /** Rounds of power iteration: enough when the top eigenvalue stands apart. */
  public static final int ROUNDS = 10;
  /** Covers the under-estimate of a few rounds when the top eigenvalues crowd together. */
  public static final double SAFETY = 1.1;

  private LipschitzEstimate() {}

  /** The estimate of L for the smooth part of F (data term + L2). */
  public static double of(Objective data, Regularization reg) {
    return SAFETY * largestEigenvalue(data, ROUNDS) + reg.l2Strength();
  }

  /**
   * ‖B uₖ‖ after {@code rounds} normalized products: a lower bound of λmax(B) that converges
   * geometrically. The start vector is all ones (the mean direction, which carries the top
   * eigenvector of an uncentered XᵀX) slightly perturbed so that it is orthogonal to no
   * eigenvector in practice.
   */
  public static double largestEigenvalue(Objective data, int rounds) {
    int n = data.dimension();
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = 1.0 + 0.1 * Math.sin(1.0 + i);
    }
    u = Vectors.scale(1 / Vectors.norm(u), u);
    double lambda = 0;
    for (int r = 0; r < rounds; r++) {
      double[] bu = data.run(PassRequest.curvatureBoundTimes(u)).curvatureTimes();
      lambda = Vectors.norm(bu);
      if (!(lambda > 0) || !Double.isFinite(lambda)) {
        return lambda;
      }
      u = Vectors.scale(1 / lambda, bu);
    }
    return lambda;
  }
}
