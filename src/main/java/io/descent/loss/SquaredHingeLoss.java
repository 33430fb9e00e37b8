package io.descent.loss;

/**
 * ℓ = max(0, 1 − y′m)² with y′ = 2y − 1 ∈ {−1, +1}: LIBLINEAR's L2-loss SVM. Differentiable
 * everywhere; its second derivative jumps at the margin 1, so ∂²ℓ/∂m² here is the
 * generalized one, 2 where 1 − y′m > 0 and 0 elsewhere (what Newton-type methods use).
 */
public final class SquaredHingeLoss implements Loss {
  private static final long serialVersionUID = 1L;

  @Override
  public LossKind kind() {
    return LossKind.SQUARED_HINGE;
  }

  @Override
  public int numOutputs() {
    return 1;
  }

  @Override
  public double value(double y, double[] m, int off) {
    double slack = 1.0 - (2 * y - 1) * m[off];
    return slack > 0 ? slack * slack : 0.0;
  }

  @Override
  public double valueAndDerivative(double y, double[] m, int off, double[] deriv) {
    double sign = 2 * y - 1;
    double slack = 1.0 - sign * m[off];
    if (slack > 0) {
      deriv[off] = -2 * sign * slack;
      return slack * slack;
    }
    deriv[off] = 0.0;
    return 0.0;
  }

  /**
   * Where the row stays inside the margin, ℓ(m + δ) − ℓ(m) = (ξ′ − ξ)(ξ′ + ξ) with
   * ξ′ − ξ = −y′δ exactly: no cancellation of the two squares.
   */
  @Override
  public void alongLine(double y, double[] m, double[] z, int off, double t, double[] out) {
    double sign = 2 * y - 1;
    double slack = 1.0 - sign * m[off];
    double delta = t * z[off];
    double after = slack - sign * delta;
    if (slack > 0 && after > 0) {
      out[0] = -sign * delta * (slack + after);
    } else {
      out[0] = (after > 0 ? after * after : 0.0) - (slack > 0 ? slack * slack : 0.0);
    }
    out[1] = after > 0 ? -2 * sign * after * z[off] : 0.0;
  }

  /** The generalized second derivative is at most 2. */
  @Override
  public double curvatureBound() {
    return 2.0;
  }

  @Override
  public boolean hasSecondDerivative() {
    return true;
  }

  @Override
  public double secondDerivative(double y, double[] m, int off) {
    return 1.0 - (2 * y - 1) * m[off] > 0 ? 2.0 : 0.0;
  }
}
