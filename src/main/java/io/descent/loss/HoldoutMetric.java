package io.descent.loss;

/**
 * The metric the trainer reports on held-out rows each iteration, from weighted sums of one
 * term per row: Σv·term / Σv, then {@link #of} finishes it.
 */
public enum HoldoutMetric {
  /** The weighted share of rows whose predicted label is the label. */
  ACCURACY("accuracy") {
    @Override
    public double term(double predicted, double label) {
      return predicted == label ? 1 : 0;
    }

    @Override
    public double of(double termSum, double weightSum) {
      return termSum / weightSum;
    }
  },
  /** The root of the weighted mean squared error of the predictions. */
  RMSE("rmse") {
    @Override
    public double term(double predicted, double label) {
      return (predicted - label) * (predicted - label);
    }

    @Override
    public double of(double termSum, double weightSum) {
      return Math.sqrt(termSum / weightSum);
    }
  };

  private final String metricName;

  HoldoutMetric(String metricName) {
    this.metricName = metricName;
  }

  /** The name in the log and in metrics.json. */
  public String metricName() {
    return metricName;
  }

  /** One row's term, to be weighted by its instance weight and summed. */
  public abstract double term(double predicted, double label);

  /** The metric from Σv·term and Σv. */
  public abstract double of(double termSum, double weightSum);
}
