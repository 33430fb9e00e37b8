package io.descent.bench;

import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Spark ML's LogisticRegression on the same objective: no intercept, no standardization,
 * L2 only, so its objective history is our F. The iterations to the target are read from
 * one long fit's history; the time is that of a second fit stopped at that iteration.
 */
final class SparkMlBaseline {
  private SparkMlBaseline() {}

  private static LogisticRegression estimator(double reg, int maxIter) {
    return new LogisticRegression().setRegParam(reg).setElasticNetParam(0.0)
        .setStandardization(false).setFitIntercept(false).setTol(maxIter == 0 ? 1e-12 : 0.0)
        .setMaxIter(maxIter == 0 ? 1000 : maxIter).setFamily("binomial");
  }

  static BenchResult run(String dataset, Dataset<Row> cached, double reg, double target,
      JobCounter counter) {
    LogisticRegressionModel full = estimator(reg, 0).fit(cached);
    double[] history = full.summary().objectiveHistory();
    int k = -1;
    for (int i = 0; i < history.length; i++) {
      if (history[i] <= target) {
        k = i;
        break;
      }
    }
    int iterations = k < 0 ? history.length - 1 : Math.max(k, 1);
    int jobsBefore = counter.jobs();
    long started = System.nanoTime();
    LogisticRegressionModel timed = estimator(reg, iterations).fit(cached);
    double seconds = (System.nanoTime() - started) / 1e9;
    int jobs = counter.jobs() - jobsBefore;
    double[] h = timed.summary().objectiveHistory();
    return new BenchResult(dataset, "Spark ML LogisticRegression (L-BFGS)", iterations, jobs,
        jobs, seconds, h[h.length - 1], k >= 0);
  }
}
