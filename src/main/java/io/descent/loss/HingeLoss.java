package io.descent.loss;

/** ℓ = max(0, 1 − y′ m) with y′ = 2y − 1 ∈ {−1, +1}; the subgradient at the kink is 0. */
public final class HingeLoss implements Loss {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "hinge";
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

  /** Not smooth: 1 is the conventional scale for its step size. */
  @Override
  public double curvatureBound() {
    return 1.0;
  }
}
