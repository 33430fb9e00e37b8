package io.descent.ml;

import io.descent.loss.LinkFunctions;
import io.descent.loss.LossKind;
import java.io.Serializable;

/**
 * A classifier's scores of one row from its margins, in Spark ML's shapes: the raw prediction
 * (binary: [−m, m], as Spark's LogisticRegression and LinearSVC; softmax: the K margins), the
 * probability vector (logistic: [1−σ(m), σ(m)]; softmax: the softmax; none for the SVM
 * losses, whose margin is no probability) and the predicted class index under Spark's rules
 * for {@code threshold} and {@code thresholds}. Pure arithmetic: the model's columns call it.
 */
final class ClassScores implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LossKind loss;
  private final int numClasses;

  ClassScores(LossKind loss, int numClasses) {
    this.loss = loss;
    this.numClasses = numClasses;
  }

  /** Whether the loss gives class probabilities (logistic, softmax) rather than margins only. */
  boolean hasProbability() {
    return loss == LossKind.LOGISTIC || loss == LossKind.SOFTMAX;
  }

  double[] raw(double[] margins) {
    return numClasses == 2 ? new double[] {-margins[0], margins[0]} : margins.clone();
  }

  double[] probability(double[] margins) {
    if (!hasProbability()) {
      throw new IllegalStateException("the " + loss + " loss gives no probabilities");
    }
    if (numClasses == 2) {
      double p = LinkFunctions.sigmoid(margins[0]);
      return new double[] {1 - p, p};
    }
    double[] p = new double[numClasses];
    for (int k = 0; k < numClasses; k++) {
      p[k] = LinkFunctions.classProbability(margins, k);
    }
    return p;
  }

  /**
   * The predicted class index. With {@code thresholds} (null: none), the k maximising
   * p_k / t_k, as Spark's ProbabilisticClassificationModel (a zero threshold wins outright);
   * else with {@code threshold} for two classes (logistic: on P(positive); SVM losses: on the
   * margin, as LinearSVC); else the largest margin.
   */
  double predict(double[] margins, double[] thresholds, double threshold) {
    if (thresholds != null && hasProbability()) {
      double[] p = probability(margins);
      int best = 0;
      double bestScaled = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < numClasses; k++) {
        double scaled = thresholds[k] == 0 ? Double.POSITIVE_INFINITY : p[k] / thresholds[k];
        if (scaled > bestScaled) {
          best = k;
          bestScaled = scaled;
        }
      }
      return best;
    }
    if (numClasses == 2) {
      double score = hasProbability() ? LinkFunctions.sigmoid(margins[0]) : margins[0];
      return score > threshold ? 1 : 0;
    }
    return LinkFunctions.argmax(margins);
  }

  /** The default threshold of a binary model: P(positive) 0.5 for logistic, margin 0 for SVMs. */
  double defaultThreshold() {
    return hasProbability() ? 0.5 : 0.0;
  }
}
