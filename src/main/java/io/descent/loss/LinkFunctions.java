package io.descent.loss;

/**
 * The functions that turn margins into probabilities and classes, written once for the
 * losses (training) and the links (scoring), so that both compute them the same way.
 */
public final class LinkFunctions {
  private LinkFunctions() {}

  /** σ(m) = 1 / (1 + e^{−m}), in the form that cannot overflow. */
  public static double sigmoid(double m) {
    if (m >= 0) {
      return 1.0 / (1.0 + Math.exp(-m));
    }
    double e = Math.exp(m);
    return e / (1.0 + e);
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
