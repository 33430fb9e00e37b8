package io.descent.loss;

/** ℓ = max(0, 1 − y′ m) with y′ = 2y − 1 ∈ {−1, +1}; the subgradient at the kink is 0. */
public final class HingeLoss implements Loss {
  private static final long serialVersionUID = 1L;

  @Override
  public LossKind kind() {
    return LossKind.HINGE;
  }

  @Override
  public int numOutputs() {
    return 1;
  }

  @Override
  public double value(double y, double[] m, int off) {
    return Math.max(0.0, 1.0 - (2 * y - 1) * m[off]);
  }

  @Override
  public double valueAndDerivative(double y, double[] m, int off, double[] deriv) {
    double sign = 2 * y - 1;
    double slack = 1.0 - sign * m[off];
    if (slack > 0) {
      deriv[off] = -sign;
      return slack;
    }
    deriv[off] = 0.0;
    return 0.0;
  }

  /** Where the row stays on one side of the kink the difference is exactly −y′δ or 0. */
  @Override
  public void alongLine(double y, double[] m, double[] z, int off, double t, double[] out) {
    double sign = 2 * y - 1;
    double slack = 1.0 - sign * m[off];
    double delta = t * z[off];
    double after = slack - sign * delta;
    if (slack > 0 && after > 0) {
      out[0] = -sign * delta;
    } else {
      out[0] = Math.max(0.0, after) - Math.max(0.0, slack);
    }
    out[1] = after > 0 ? -sign * z[off] : 0.0;
  }

  /** Not smooth: 1 is the conventional scale for its step size. */
  @Override
  public double curvatureBound() {
    return 1.0;
  }
}
