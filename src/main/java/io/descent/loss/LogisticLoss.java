package io.descent.loss;

/** ℓ = log(1 + eᵐ) − y m with y ∈ {0, 1}, computed without overflow for any m. */
public final class LogisticLoss implements Loss {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "logistic";
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

  /** log(1 + eᶻ): for large z the exponential would overflow, so factor eᶻ out. */
  static double softplus(double z) {
    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }

  static double sigmoid(double z) {
    if (z >= 0) {
      return 1.0 / (1.0 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1.0 + e);
  }
}
