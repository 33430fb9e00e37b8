package io.descent.loss;

/** ℓ = ½ (m − y)². */
public final class SquaredLoss implements Loss {
  private static final long serialVersionUID = 1L;

  @Override
  public LossKind kind() {
    return LossKind.SQUARED;
  }

  @Override
  public int numOutputs() {
    return 1;
  }

  @Override
  public double value(double y, double[] m, int off) {
    double r = m[off] - y;
    return 0.5 * r * r;
  }

  @Override
  public double valueAndDerivative(double y, double[] m, int off, double[] deriv) {
    double r = m[off] - y;
    deriv[off] = r;
    return 0.5 * r * r;
  }

  @Override
  public double curvatureBound() {
    return 1.0;
  }

  /** ℓ(m + δ) − ℓ(m) = δ (m − y + δ/2): exact up to one rounding per operation. */
  @Override
  public void alongLine(double y, double[] m, double[] z, int off, double t, double[] out) {
    double r = m[off] - y;
    double delta = t * z[off];
    out[0] = delta * (r + 0.5 * delta);
    out[1] = (r + delta) * z[off];
  }

  @Override
  public boolean hasSecondDerivative() {
    return true;
  }

  @Override
  public double secondDerivative(double y, double[] m, int off) {
    return 1.0;
  }
}
