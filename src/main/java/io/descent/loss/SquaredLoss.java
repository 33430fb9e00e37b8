package io.descent.loss;

/** ℓ = ½ (m − y)². */
public final class SquaredLoss implements Loss {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "squared";
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
}
