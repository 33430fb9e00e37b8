package io.descent.loss;

import java.io.Serializable;

/**
 * λ ((1−α)/2 ‖w‖² + α ‖w‖₁) over the coefficients of a layout; intercepts are never
 * regularized. The L2 part is smooth and joins the gradient; the L1 part is handled by
 * its proximal operator (soft-thresholding).
 */
public final class Regularization implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double lambda;
  private final double alpha;
  private final int coefficientCount;

  public Regularization(double lambda, double alpha, ParamLayout layout) {
    if (!(lambda >= 0) || !(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("need λ ≥ 0 and 0 ≤ α ≤ 1");
    }
    this.lambda = lambda;
    this.alpha = alpha;
    this.coefficientCount = layout.coefficientCount();
  }

  public double l2Strength() {
    return lambda * (1 - alpha);
  }

  public double l1Strength() {
    return lambda * alpha;
  }

  public boolean hasL1() {
    return l1Strength() > 0;
  }

  /** ½ λ(1−α) ‖w‖². */
  public double l2Value(double[] x) {
    double c = l2Strength();
    if (c == 0) {
      return 0;
    }
    double s = 0;
    for (int j = 0; j < coefficientCount; j++) {
      s += x[j] * x[j];
    }
    return 0.5 * c * s;
  }

  /** grad += λ(1−α) w. */
  public void addL2Gradient(double[] x, double[] grad) {
    double c = l2Strength();
    if (c == 0) {
      return;
    }
    for (int j = 0; j < coefficientCount; j++) {
      grad[j] += c * x[j];
    }
  }

  /** λα ‖w‖₁. */
  public double l1Value(double[] x) {
    double c = l1Strength();
    if (c == 0) {
      return 0;
    }
    double s = 0;
    for (int j = 0; j < coefficientCount; j++) {
      s += Math.abs(x[j]);
    }
    return c * s;
  }

  /** argmin_u  λα‖u‖₁ + ‖u − x‖² / (2t): soft-thresholding of the coefficients by tλα. */
  public double[] proxL1(double[] x, double t) {
    double[] out = x.clone();
    double thr = t * l1Strength();
    if (thr == 0) {
      return out;
    }
    for (int j = 0; j < coefficientCount; j++) {
      double v = x[j];
      out[j] = v > thr ? v - thr : (v < -thr ? v + thr : 0.0);
    }
    return out;
  }

  /**
   * The smallest element of ∇f + ∂(λα‖w‖₁): zero exactly at an optimum, so its norm is the
   * stationarity measure reported as "gradient norm" when L1 is on.
   */
  public double[] minNormSubgradient(double[] x, double[] smoothGrad) {
    double[] out = smoothGrad.clone();
    double c = l1Strength();
    if (c == 0) {
      return out;
    }
    for (int j = 0; j < coefficientCount; j++) {
      double g = smoothGrad[j];
      if (x[j] > 0) {
        out[j] = g + c;
      } else if (x[j] < 0) {
        out[j] = g - c;
      } else {
        out[j] = g > c ? g - c : (g < -c ? g + c : 0.0);
      }
    }
    return out;
  }

  /** How many leading entries of a parameter vector are regularized coefficients. */
  public int coefficientCount() {
    return coefficientCount;
  }

  /**
   * The L2 term along the line x + t·d, from the two dot products w·d and ‖d‖² taken once
   * for all the trial steps of a line search.
   */
  public record L2Line(double strength, double wd, double dd) {
    /**
     * L2(x + t·d) − L2(x) = λ(1−α)(t w·d + t²/2 ‖d‖²): the exact difference, free of the
     * cancellation of subtracting two large values.
     */
    public double difference(double t) {
      return strength == 0 ? 0 : strength * (t * wd + 0.5 * t * t * dd);
    }

    /** d/dt L2(x + t·d) = λ(1−α)(w·d + t‖d‖²). */
    public double slope(double t) {
      return strength == 0 ? 0 : strength * (wd + t * dd);
    }
  }

  /** The L2 term along x + t·d (the coefficients' part of both). */
  public L2Line l2Along(double[] x, double[] d) {
    double c = l2Strength();
    double wd = 0;
    double dd = 0;
    if (c != 0) {
      for (int j = 0; j < coefficientCount; j++) {
        wd += x[j] * d[j];
        dd += d[j] * d[j];
      }
    }
    return new L2Line(c, wd, dd);
  }

  /** L2(x + t·d) − L2(x) for one step (see {@link L2Line#difference}). */
  public double l2Difference(double[] x, double[] d, double t) {
    return l2Along(x, d).difference(t);
  }

  /** L1(to) − L1(from), summed coordinate by coordinate. */
  public double l1Difference(double[] from, double[] to) {
    double c = l1Strength();
    if (c == 0) {
      return 0;
    }
    double s = 0;
    for (int j = 0; j < coefficientCount; j++) {
      s += Math.abs(to[j]) - Math.abs(from[j]);
    }
    return c * s;
  }

  /** out += λ(1−α)·v on the coefficients: the L2 part's Hessian times v. */
  public void addL2HessianTimes(double[] v, double[] out) {
    double c = l2Strength();
    if (c == 0) {
      return;
    }
    for (int j = 0; j < coefficientCount; j++) {
      out[j] += c * v[j];
    }
  }

  /** Adds λ(1−α) to the coefficients' entries of a Hessian's diagonal. */
  public void addL2HessianDiagonal(double[] diagonal) {
    double c = l2Strength();
    for (int j = 0; j < coefficientCount; j++) {
      diagonal[j] += c;
    }
  }

  /** Adds λ(1−α) to the diagonal entries of the coefficients of a dense n×n matrix. */
  public void addL2Hessian(double[] h, int n) {
    double c = l2Strength();
    for (int j = 0; j < coefficientCount; j++) {
      h[j * n + j] += c;
    }
  }
}
