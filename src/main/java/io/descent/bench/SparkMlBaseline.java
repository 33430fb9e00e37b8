package io.descent.bench;

import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Spark ML's LogisticRegression on the same objective: no intercept, no standardization,
 * L2 only, so its objective history is our F (binomial: logistic; multinomial: softmax over
 * K coefficient vectors). The iterations to the target are read from one long fit's history
 * (tol 0, at most {@code maxIter} iterations); the time is that of a second fit stopped at
 * that iteration, so it includes no work past the target.
 */
final class SparkMlBaseline {
  private SparkMlBaseline() {}

  private static LogisticRegression estimator(double reg, int maxIter, String family) {
    return new LogisticRegression().setRegParam(reg).setElasticNetParam(0.0)
        .setStandardization(false).setFitIntercept(false).setTol(0.0)
        .setMaxIter(maxIter).setFamily(family);
  }

  static BenchResult run(String dataset, Dataset<Row> cached, double reg, double target,
      JobCounter counter) {
    return run(dataset, cached, reg, target, counter, 1000, "binomial");
  }

  static BenchResult run(String dataset, Dataset<Row> cached, double reg, double target,
      JobCounter counter, int maxIter, String family) {
    int jobsBefore = counter.jobs();
    long started = System.nanoTime();
    LogisticRegressionModel full = estimator(reg, maxIter, family).fit(cached);
    double fullSeconds = (System.nanoTime() - started) / 1e9;
    int fullJobs = counter.jobs() - jobsBefore;
    double[] history = full.summary().objectiveHistory();
    int k = -1;
    for (int i = 0; i < history.length; i++) {
      if (history[i] <= target) {
        k = i;
        break;
      }
    }
    String name = "Spark ML LogisticRegression (L-BFGS)";
    if (k < 0) {
      // Not reached within the budget: the long fit is the measurement.
      return new BenchResult(dataset, name, history.length - 1, fullJobs, fullJobs, fullSeconds,
          history[history.length - 1], false);
    }
    int iterations = Math.max(k, 1);
    jobsBefore = counter.jobs();
    started = System.nanoTime();
    LogisticRegressionModel timed = estimator(reg, iterations, family).fit(cached);
    double seconds = (System.nanoTime() - started) / 1e9;
    int jobs = counter.jobs() - jobsBefore;
    double[] h = timed.summary().objectiveHistory();
    return new BenchResult(dataset, name, iterations, jobs, jobs, seconds, h[h.length - 1], true);
  }
}
