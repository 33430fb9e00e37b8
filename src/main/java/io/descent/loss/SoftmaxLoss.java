package io.descent.loss;

/** ℓ = log Σₖ e^{mₖ} − m_y over K classes, y ∈ {0 … K−1}; the max is subtracted first. */
public final class SoftmaxLoss implements Loss {
  private static final long serialVersionUID = 1L;

  private final int numClasses;

  public SoftmaxLoss(int numClasses) {
    if (numClasses < 2) {
      throw new IllegalArgumentException("softmax needs at least 2 classes, got " + numClasses);
    }
    this.numClasses = numClasses;
  }

  @Override
  public String name() {
    return "softmax";
  }

  @Override
  public int numOutputs() {
    return numClasses;
  }

  @Override
  public double value(double y, double[] m, int off) {
    double max = max(m, off);
    double sum = 0;
    for (int k = 0; k < numClasses; k++) {
      sum += Math.exp(m[off + k] - max);
    }
    return max + Math.log(sum) - m[off + (int) y];
  }

  @Override
  public double valueAndDerivative(double y, double[] m, int off, double[] deriv) {
    double max = max(m, off);
    double sum = 0;
    for (int k = 0; k < numClasses; k++) {
      double e = Math.exp(m[off + k] - max);
      deriv[off + k] = e;
      sum += e;
    }
    int label = (int) y;
    for (int k = 0; k < numClasses; k++) {
      deriv[off + k] /= sum;
    }
    deriv[off + label] -= 1.0;
    return max + Math.log(sum) - m[off + label];
  }

  /** The Hessian diag(p) − ppᵀ has eigenvalues at most ½. */
  @Override
  public double curvatureBound() {
    return 0.5;
  }

  private double max(double[] m, int off) {
    double max = m[off];
    for (int k = 1; k < numClasses; k++) {
      max = Math.max(max, m[off + k]);
    }
    return max;
  }
}
