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
  public LossKind kind() {
    return LossKind.SOFTMAX;
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

  /**
   * ℓ(m+δ) − ℓ(m) = log Σₖ pₖ e^{δₖ−δ_y} = log1p(Σ_{k≠y} pₖ expm1(δₖ − δ_y)) with p = softmax(m):
   * well-classified rows (p_y ≈ 1) contribute tiny terms instead of a cancellation. When some
   * |δₖ − δ_y| exceeds 1 the two values are subtracted instead.
   */
  @Override
  public void alongLine(double y, double[] m, double[] z, int off, double t, double[] out) {
    int label = (int) y;
    double shiftY = t * z[off + label];
    double maxGap = 0;
    double movedMax = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < numClasses; k++) {
      maxGap = Math.max(maxGap, Math.abs(t * z[off + k] - shiftY));
      movedMax = Math.max(movedMax, m[off + k] + t * z[off + k]);
    }
    double movedSum = 0;
    double movedDot = 0;
    for (int k = 0; k < numClasses; k++) {
      double e = Math.exp(m[off + k] + t * z[off + k] - movedMax);
      movedSum += e;
      movedDot += e * z[off + k];
    }
    out[1] = movedDot / movedSum - z[off + label];
    if (maxGap <= 1) {
      double max = max(m, off);
      double sum = 0;
      double acc = 0;
      for (int k = 0; k < numClasses; k++) {
        double e = Math.exp(m[off + k] - max);
        sum += e;
        if (k != label) {
          acc += e * Math.expm1(t * z[off + k] - shiftY);
        }
      }
      out[0] = Math.log1p(acc / sum);
    } else {
      double after = movedMax + Math.log(movedSum) - (m[off + label] + shiftY);
      out[0] = after - value(y, m, off);
    }
  }

  @Override
  public boolean hasCurvature() {
    return true;
  }

  /** (diag(p) − ppᵀ)·u = p∘u − p (pᵀu), p = softmax(m). */
  @Override
  public void curvatureTimes(double y, double[] m, double[] u, int off, double[] out) {
    probabilities(m, off, out);
    double pu = 0;
    for (int k = 0; k < numClasses; k++) {
      pu += out[off + k] * u[off + k];
    }
    for (int k = 0; k < numClasses; k++) {
      out[off + k] *= u[off + k] - pu;
    }
  }

  /** The diagonal of diag(p) − ppᵀ: pₖ(1 − pₖ). */
  @Override
  public void curvatureDiagonal(double y, double[] m, int off, double[] out) {
    probabilities(m, off, out);
    for (int k = 0; k < numClasses; k++) {
      double p = out[off + k];
      out[off + k] = p * (1 - p);
    }
  }

  /** softmax(m) into out[off .. off + K), the max subtracted first. */
  private void probabilities(double[] m, int off, double[] out) {
    double max = max(m, off);
    double sum = 0;
    for (int k = 0; k < numClasses; k++) {
      double e = Math.exp(m[off + k] - max);
      out[off + k] = e;
      sum += e;
    }
    for (int k = 0; k < numClasses; k++) {
      out[off + k] /= sum;
    }
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
