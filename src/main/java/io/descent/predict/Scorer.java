package io.descent.predict;

import io.descent.data.Block;
import io.descent.data.LabelMapping;
import io.descent.model.LinearModel;
import java.io.Serializable;

/**
 * A model's prediction rule, shipped to the tasks: margins m_k = w_k·x + b_k (the dot
 * product in increasing feature order, then the intercept, as Spark MLlib adds them), and
 * from them the predicted training label and its score.
 *
 * <ul>
 *   <li>squared: the prediction is the margin;</li>
 *   <li>logistic: the score is P(positive) = σ(m); positive when it exceeds 0.5 (MLlib's
 *       threshold rule);</li>
 *   <li>hinge: the score is the margin; positive when it exceeds 0 (MLlib's SVMModel);</li>
 *   <li>softmax: the first class of largest margin; the score is that class's probability.</li>
 * </ul>
 */
public final class Scorer implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String loss;
  private final int numFeatures;
  private final int numOutputs;
  /** Row-major, numOutputs × numFeatures. */
  private final double[] weights;
  private final double[] intercepts;
  private final LabelMapping labels;

  public Scorer(LinearModel model) {
    this.loss = model.loss();
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

  public String loss() {
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
    return !"squared".equals(loss);
  }

  /** The score's meaning in output columns: "probability", "margin", or null (regression). */
  public String scoreName() {
    switch (loss) {
      case "logistic":
      case "softmax":
        return "probability";
      case "hinge":
        return "margin";
      default:
        return null;
    }
  }

  /** Writes the margins of a sparse row (indices increasing) into {@code out}. */
  public void margins(int[] indices, double[] values, int from, int to, double[] out) {
    for (int k = 0; k < numOutputs; k++) {
      int base = k * numFeatures;
      double dot = 0;
      for (int i = from; i < to; i++) {
        dot += values[i] * weights[base + indices[i]];
      }
      out[k] = dot + intercepts[k];
    }
  }

  /**
   * Writes the margins of row {@code r} of a block into {@code out}: the same sums as above,
   * reading double or float values ({@link Block#value}, widened).
   */
  public void margins(Block block, int r, double[] out) {
    if (block.isSparse()) {
      int[] start = block.rowStart();
      int[] idx = block.indices();
      for (int k = 0; k < numOutputs; k++) {
        int base = k * numFeatures;
        double dot = 0;
        for (int i = start[r]; i < start[r + 1]; i++) {
          dot += block.value(i) * weights[base + idx[i]];
        }
        out[k] = dot + intercepts[k];
      }
      return;
    }
    int rowBase = r * numFeatures;
    for (int k = 0; k < numOutputs; k++) {
      int base = k * numFeatures;
      double dot = 0;
      for (int j = 0; j < numFeatures; j++) {
        double v = block.value(rowBase + j);
        if (v != 0) {
          dot += v * weights[base + j];
        }
      }
      out[k] = dot + intercepts[k];
    }
  }

  /** The predicted training label (a real value, 0/1, or a class index). */
  public double predict(double[] margins) {
    switch (loss) {
      case "squared":
        return margins[0];
      case "logistic":
        return sigmoid(margins[0]) > 0.5 ? 1 : 0;
      case "hinge":
        return margins[0] > 0 ? 1 : 0;
      default:
        return argmax(margins);
    }
  }

  /** P(positive) for logistic, the margin for hinge, the predicted class's probability for softmax, NaN for squared. */
  public double score(double[] margins) {
    switch (loss) {
      case "logistic":
        return sigmoid(margins[0]);
      case "hinge":
        return margins[0];
      case "softmax":
        return classProbability(margins, argmax(margins));
      default:
        return Double.NaN;
    }
  }

  /** softmax: e^{m_k} / Σ_j e^{m_j}, shifted by the largest margin so nothing overflows. */
  public static double classProbability(double[] margins, int k) {
    double max = margins[argmax(margins)];
    double sum = 0;
    for (double m : margins) {
      sum += Math.exp(m - max);
    }
    return Math.exp(margins[k] - max) / sum;
  }

  /** σ(m) = 1 / (1 + e^{−m}), in the form that cannot overflow. */
  public static double sigmoid(double m) {
    if (m >= 0) {
      return 1 / (1 + Math.exp(-m));
    }
    double e = Math.exp(m);
    return e / (1 + e);
  }

  /** The first index of the largest value. */
  public static int argmax(double[] v) {
    int best = 0;
    for (int k = 1; k < v.length; k++) {
      if (v[k] > v[best]) {
        best = k;
      }
    }
    return best;
  }
}
