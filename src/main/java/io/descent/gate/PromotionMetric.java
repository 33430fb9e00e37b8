package io.descent.gate;

import io.descent.BadInputException;
import io.descent.loss.LossKind;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * What promote compares: a per-row figure averaged over the held-out rows, then transformed
 * (RMSE is the root of the mean squared error), and which way is better.
 */
public enum PromotionMetric {
  /** The model's own loss (log loss, hinge, squared, ...), unweighted and unregularized. */
  LOSS("loss", false, x -> x),
  /** The share of rows predicted right (classifiers). */
  ACCURACY("accuracy", true, x -> x),
  /** The root of the mean squared error of the prediction (regression). */
  RMSE("rmse", false, Math::sqrt);

  private final String cliName;
  private final boolean higherIsBetter;
  private final DoubleUnaryOperator ofMean;

  PromotionMetric(String cliName, boolean higherIsBetter, DoubleUnaryOperator ofMean) {
    this.cliName = cliName;
    this.higherIsBetter = higherIsBetter;
    this.ofMean = ofMean;
  }

  public static PromotionMetric named(String name, LossKind loss) {
    for (PromotionMetric m : values()) {
      if (m.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        if (m == ACCURACY && !loss.isClassifier() || m == RMSE && loss.isClassifier()) {
          throw new BadInputException("--metric " + name + " does not apply to a "
              + loss.cliName() + " model; use " + (loss.isClassifier() ? "loss or accuracy" : "loss or rmse"));
        }
        return m;
      }
    }
    throw new BadInputException("--metric " + name + " is not one of loss, accuracy, rmse");
  }

  public String cliName() {
    return cliName;
  }

  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  public DoubleUnaryOperator ofMean() {
    return ofMean;
  }

  /** The per-row figure: the loss, 1 for a right prediction, or the squared error. */
  double perRow(double label, double prediction, double loss) {
    switch (this) {
      case ACCURACY:
        return prediction == label ? 1 : 0;
      case RMSE:
        return (prediction - label) * (prediction - label);
      default:
        return loss;
    }
  }
}
