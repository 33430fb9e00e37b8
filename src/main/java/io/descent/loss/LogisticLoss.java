package io.descent.loss;

import static io.descent.loss.LinkFunctions.sigmoid;

/** ℓ = log(1 + eᵐ) − y m with y ∈ {0, 1}, computed without overflow for any m. */
public final class LogisticLoss implements Loss {
  private static final long serialVersionUID = 1L;

  @Override
  public LossKind kind() {
    return LossKind.LOGISTIC;
  }

  @Override
  public int numOutputs() {
    return 1;
  }

  @Override
  public double value(double y, double[] m, int off) {
    return softplus(m[off]) - y * m[off];
  }

  @Override
  public double valueAndDerivative(double y, double[] m, int off, double[] deriv) {
    double z = m[off];
    deriv[off] = sigmoid(z) - y;
    return softplus(z) - y * z;
  }

  @Override
  public double curvatureBound() {
    return 0.25;
  }

  /**
   * ℓ(y, m+δ) − ℓ(y, m). With ℓ = softplus(s·m), s = +1 for y = 0 and −1 for y = 1, the
   * difference is log1p(σ(s·m)·expm1(s·δ)): small terms stay small instead of emerging from
   * the difference of two O(1) values. For |δ| > 1 (no cancellation to fear, and expm1
   * could overflow) the values are subtracted.
   */
  @Override
  public void alongLine(double y, double[] m, double[] z, int off, double t, double[] out) {
    double base = m[off];
    double delta = t * z[off];
    double moved = base + delta;
    out[1] = (sigmoid(moved) - y) * z[off];
    if (Math.abs(delta) <= 1 && (y == 0 || y == 1)) {
      double s = y == 0 ? 1 : -1;
      out[0] = Math.log1p(sigmoid(s * base) * Math.expm1(s * delta));
    } else if (Math.abs(delta) <= 1) {
      out[0] = Math.log1p(sigmoid(base) * Math.expm1(delta)) - y * delta;
    } else {
      out[0] = (softplus(moved) - y * moved) - (softplus(base) - y * base);
    }
  }

  @Override
  public boolean hasSecondDerivative() {
    return true;
  }

  /** σ(m)(1 − σ(m)), written with σ(−m) for the second factor so it keeps its precision. */
  @Override
  public double secondDerivative(double y, double[] m, int off) {
    return sigmoid(m[off]) * sigmoid(-m[off]);
  }

  /** log(1 + eᶻ): for large z the exponential would overflow, so factor eᶻ out. */
  static double softplus(double z) {
    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }
}
