package io.descent.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.report.PathPoint;
import java.util.List;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The estimator fits a cross-validated path in one fit, in place of a CrossValidator over a
 * regParam grid: the chosen λ's all-rows model, with the path in its summary.
 */
class PathEstimatorTest {
  @Test
  void oneFitReplacesACrossValidatorOverRegParam() {
    // heart_scale: features already scaled to [-1, 1] (the estimator does not standardize).
    Dataset<Row> train = io.descent.testing.SharedSpark.session().read().format("libsvm")
        .load(io.descent.testing.Datasets.sample("heart_scale").toString());
    DescentEstimator lasso = new DescentEstimator().setLoss("logistic").setElasticNetParam(1)
        .setRegPath(6).setRegMinRatio(1e-3).setNumFolds(3);
    DescentModel model = lasso.fit(train);
    DescentTrainingSummary s = model.summary();
    assertTrue(s.hasPath());
    List<PathPoint> path = s.regularizationPath();
    assertEquals(6, path.size());
    assertEquals(0, path.get(0).nonZeros(), "λ_max: all coefficients zero");
    PathPoint chosen = path.stream().filter(p -> p.lambda() == s.chosenRegParam()).findFirst()
        .orElseThrow();
    double best = path.stream().mapToDouble(PathPoint::cvLoss).min().orElseThrow();
    assertEquals(best, chosen.cvLoss());
    Vector w = model.coefficients();
    long nonZeros = java.util.Arrays.stream(w.toArray()).filter(v -> v != 0).count();
    assertEquals(chosen.nonZeros(), nonZeros, "the fitted model is the chosen λ's");
    double auc = new BinaryClassificationEvaluator().evaluate(model.transform(train));
    assertTrue(auc > 0.88, "AUC " + auc + " path " + path);
    assertThrows(IllegalArgumentException.class, () -> new DescentEstimator().setNumFolds(1)
        .setLoss("logistic").fit(train));
  }
}
