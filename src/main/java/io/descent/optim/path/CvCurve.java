package io.descent.optim.path;

/**
 * One λ's cross-validated figures from the folds' held-out means, as cv.glmnet weighs them:
 * the mean over folds weighted by each fold's Σv, and its standard error
 * √(Σ wₖ (lₖ − mean)² / Σ wₖ / (K − 1)).
 */
public record CvCurve(double mean, double standardError) {

  public static CvCurve of(double[] foldMeans, double[] foldWeights) {
    int k = foldMeans.length;
    double total = 0;
    double sum = 0;
    for (int f = 0; f < k; f++) {
      total += foldWeights[f];
      sum += foldWeights[f] * foldMeans[f];
    }
    double mean = sum / total;
    if (k < 2) {
      return new CvCurve(mean, Double.NaN);
    }
    double squares = 0;
    for (int f = 0; f < k; f++) {
      double d = foldMeans[f] - mean;
      squares += foldWeights[f] * d * d;
    }
    return new CvCurve(mean, Math.sqrt(squares / total / (k - 1)));
  }
}
