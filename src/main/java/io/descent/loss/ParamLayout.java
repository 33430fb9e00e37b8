package io.descent.loss;

import java.io.Serializable;

/**
 * How a model's parameters sit in one flat vector: K rows of d coefficients (row-major),
 * then K intercepts when the model has them. K = 1 except for softmax.
 */
public final class ParamLayout implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int numFeatures;
  private final int numOutputs;
  private final boolean intercept;

  public ParamLayout(int numFeatures, int numOutputs, boolean intercept) {
    if (numFeatures < 0 || numOutputs < 1) {
      throw new IllegalArgumentException("bad layout " + numFeatures + "x" + numOutputs);
    }
    this.numFeatures = numFeatures;
    this.numOutputs = numOutputs;
    this.intercept = intercept;
  }

  public int numFeatures() {
    return numFeatures;
  }

  public int numOutputs() {
    return numOutputs;
  }

  public boolean hasIntercept() {
    return intercept;
  }

  /** Number of coefficients, K·d: the part that is regularized. */
  public int coefficientCount() {
    return numOutputs * numFeatures;
  }

  public int size() {
    return coefficientCount() + (intercept ? numOutputs : 0);
  }

  public int coefficientIndex(int output, int feature) {
    return output * numFeatures + feature;
  }

  public int interceptIndex(int output) {
    if (!intercept) {
      throw new IllegalStateException("layout has no intercept");
    }
    return coefficientCount() + output;
  }

  @Override
  public String toString() {
    return numOutputs + "x" + numFeatures + (intercept ? "+intercept" : "");
  }
}
