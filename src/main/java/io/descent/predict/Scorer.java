package io.descent.predict;

import io.descent.block.Block;
import io.descent.data.labels.LabelMapping;
import io.descent.loss.Link;
import io.descent.loss.LossKind;
import io.descent.loss.RowMargins;
import io.descent.loss.SparseDot;
import io.descent.model.LinearModel;
import java.io.Serializable;

/**
 * A model's prediction rule, shipped to the tasks: margins m_k = w_k·x + b_k (the dot
 * product in increasing feature order, then the intercept, as Spark MLlib adds them), and
 * from them the predicted training label and its score by the loss's {@link Link}.
 */
public final class Scorer implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LossKind loss;
  private final Link link;
  private final int numFeatures;
  private final int numOutputs;
  /** Row-major, numOutputs × numFeatures. */
  private final double[] weights;
  private final double[] intercepts;
  private final LabelMapping labels;

  public Scorer(LinearModel model) {
    this.loss = model.loss();
    this.link = loss.link();
    this.numFeatures = model.layout().numFeatures();
    this.numOutputs = model.layout().numOutputs();
    this.weights = new double[numOutputs * numFeatures];
    this.intercepts = new double[numOutputs];
    for (int k = 0; k < numOutputs; k++) {
      System.arraycopy(model.coefficients(k), 0, weights, k * numFeatures, numFeatures);
      intercepts[k] = model.intercept(k);
    }
    this.labels = model.labels();
  }

  public LossKind loss() {
    return loss;
  }

  public int numFeatures() {
    return numFeatures;
  }

  public int numOutputs() {
    return numOutputs;
  }

  public LabelMapping labels() {
    return labels;
  }

  public boolean isClassifier() {
    return loss.isClassifier();
  }

  /** The score's meaning in output columns: "probability", "margin", or null (regression). */
  public String scoreName() {
    return link.scoreName();
  }

  /** Writes the margins of a sparse row (indices increasing) into {@code out}. */
  public void margins(int[] indices, double[] values, int from, int to, double[] out) {
    for (int k = 0; k < numOutputs; k++) {
      out[k] = SparseDot.dot(indices, values, from, to, weights, k * numFeatures) + intercepts[k];
    }
  }

  /**
   * Writes the margins of row {@code r} of a block into {@code out}: the same sums as above,
   * reading double or float values ({@link Block#value}, widened).
   */
  public void margins(Block block, int r, double[] out) {
    RowMargins.of(block, r, weights, intercepts, numFeatures, out);
  }

  /** The predicted training label (a real value, 0/1, or a class index): the loss's link decides. */
  public double predict(double[] margins) {
    return link.predict(margins);
  }

  /** P(positive) for logistic, the margin for hinge, the predicted class's probability for softmax, NaN for squared. */
  public double score(double[] margins) {
    return link.score(margins);
  }
}
