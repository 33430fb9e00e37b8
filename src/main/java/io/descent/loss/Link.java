package io.descent.loss;

/**
 * How a loss turns a row's margins into a prediction of its training label and a score:
 * the prediction rule that descent predict, evaluate, the holdout and the Spark ML model
 * share. The rules are Spark MLlib's, so that the exported models predict the same.
 */
public enum Link {
  /** Regression: the prediction is the margin; there is no score. */
  IDENTITY(null, null) {
    @Override
    public double predict(double[] margins) {
      return margins[0];
    }

    @Override
    public double score(double[] margins) {
      return Double.NaN;
    }
  },
  /** The score is P(positive) = σ(m); positive when it exceeds 0.5 (MLlib's threshold rule). */
  SIGMOID("probability", "probability 0.5") {
    @Override
    public double predict(double[] margins) {
      return LinkFunctions.sigmoid(margins[0]) > 0.5 ? 1 : 0;
    }

    @Override
    public double score(double[] margins) {
      return LinkFunctions.sigmoid(margins[0]);
    }
  },
  /** The score is the margin; positive when it exceeds 0 (MLlib's SVMModel). */
  SIGN("margin", "margin 0") {
    @Override
    public double predict(double[] margins) {
      return margins[0] > 0 ? 1 : 0;
    }

    @Override
    public double score(double[] margins) {
      return margins[0];
    }
  },
  /** The first class of largest margin; the score is that class's probability. */
  SOFTMAX("probability", null) {
    @Override
    public double predict(double[] margins) {
      return LinkFunctions.argmax(margins);
    }

    @Override
    public double score(double[] margins) {
      return LinkFunctions.classProbability(margins, LinkFunctions.argmax(margins));
    }
  };

  private final String scoreName;
  private final String threshold;

  Link(String scoreName, String threshold) {
    this.scoreName = scoreName;
    this.threshold = threshold;
  }

  /** The predicted training label (a real value, 0/1, or a class index). */
  public abstract double predict(double[] margins);

  /** What {@link #scoreName()} names, NaN when there is no score. */
  public abstract double score(double[] margins);

  /** The score's meaning in output columns: "probability", "margin", or null (no score). */
  public String scoreName() {
    return scoreName;
  }

  /** How a binary prediction is decided, as evaluate reports it; null when not binary. */
  public String threshold() {
    return threshold;
  }
}
