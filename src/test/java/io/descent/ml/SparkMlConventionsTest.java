package io.descent.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.loss.LinkFunctions;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The estimator as a Spark ML user swaps it in for LogisticRegression, LinearSVC or
 * LinearRegression: Spark's evaluators and CrossValidator with their default columns, the
 * model's columns and accessors, its summary, and params checked when set.
 */
class SparkMlConventionsTest {

  @Test
  void aLogisticPipelineWorksWithBothEvaluatorsAtTheirDefaults() {
    Dataset<Row> raw = MlFrames.raw("breast_cancer.csv");
    PipelineModel fitted = new Pipeline().setStages(new PipelineStage[] {MlFrames.assembler(raw),
        new DescentEstimator().setLoss("logistic").setRegParam(0.01)}).fit(raw);
    Dataset<Row> scored = fitted.transform(raw);

    double auc = new BinaryClassificationEvaluator().evaluate(scored);
    double f1 = new MulticlassClassificationEvaluator().evaluate(scored);
    double logLoss = new MulticlassClassificationEvaluator().setMetricName("logLoss").evaluate(scored);
    assertTrue(auc > 0.99, "AUC " + auc);
    assertTrue(f1 > 0.95, "f1 " + f1);
    assertTrue(logLoss > 0 && logLoss < 0.2, "logLoss " + logLoss);

    DescentModel model = (DescentModel) fitted.stages()[1];
    assertEquals(2, model.numClasses());
    Dataset<Row> assembled = fitted.stages()[0].transform(raw);
    assertEquals(model.transform(assembled).schema(), model.transformSchema(assembled.schema()),
        "transformSchema says what transform does: names, types, nullability, metadata");
    Attribute prediction = Attribute.fromStructField(scored.schema().apply("prediction"));
    assertTrue(prediction instanceof NominalAttribute && ((NominalAttribute) prediction).getNumValues().get().equals(2));

    // rawPrediction is [-m, m], probability [1-σ(m), σ(m)], prediction σ(m) > 0.5: Spark's shapes.
    for (Row r : scored.select("features", "rawPrediction", "probability", "prediction").limit(50).collectAsList()) {
      Vector x = r.getAs(0);
      double m = x.dot(model.coefficients()) + model.intercept();
      Vector rawPrediction = r.getAs(1);
      Vector probability = r.getAs(2);
      assertArrayEquals(new double[] {-m, m}, rawPrediction.toArray(), 1e-9);
      double p = LinkFunctions.sigmoid(m);
      assertArrayEquals(new double[] {1 - p, p}, probability.toArray(), 1e-12);
      assertEquals(p > 0.5 ? 1.0 : 0.0, r.getDouble(3));
    }
    assertEquals(model.coefficients(), model.coefficientMatrix().rowIter().next());
    assertEquals(model.intercept(), model.interceptVector().apply(0));
  }

  @Test
  void theSummaryHasTheObjectiveHistoryAndSparksRocForBinaryModels() {
    Dataset<Row> train = MlFrames.assembled("breast_cancer.csv");
    DescentModel model = new DescentEstimator().setLoss("logistic").setRegParam(0.01).fit(train);
    DescentTrainingSummary summary = model.summary();
    double[] history = summary.objectiveHistory();
    assertEquals(summary.totalIterations() + 1, history.length, "one value per iteration and the start");
    assertEquals(Math.log(2), history[0], 1e-12, "the start is w = 0");
    assertTrue(history[history.length - 1] < 0.2);
    assertEquals("gradient norm below grad-tol", summary.stopReason());
    double evaluated = new BinaryClassificationEvaluator().evaluate(model.transform(train));
    assertEquals(evaluated, summary.areaUnderROC(), 1e-12);
    List<Row> roc = summary.roc().collectAsList();
    assertEquals(List.of(0.0, 0.0), List.of(roc.get(0).getDouble(0), roc.get(0).getDouble(1)));
    Row last = roc.get(roc.size() - 1);
    assertEquals(List.of(1.0, 1.0), List.of(last.getDouble(0), last.getDouble(1)));
  }

  @Test
  void hingeGivesARawPredictionAndNoProbability() {
    Dataset<Row> train = MlFrames.assembled("breast_cancer.csv");
    DescentModel model = new DescentEstimator().setLoss("hinge").setRegParam(0.01).setMaxIter(200).fit(train);
    Dataset<Row> scored = model.transform(train);
    assertFalse(List.of(scored.columns()).contains("probability"), "as LinearSVC: a margin is no probability");
    assertEquals(scored.schema(), model.transformSchema(train.schema()));
    assertTrue(new BinaryClassificationEvaluator().evaluate(scored) > 0.97);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.copy(ParamMap.empty()).setThresholds(new double[] {0.5, 0.5}).transform(train));
    assertTrue(e.getMessage().contains("param thresholds") && e.getMessage().contains("threshold"), e.getMessage());
    // threshold cuts the margin, as LinearSVC's.
    long positives = model.copy(ParamMap.empty()).setThreshold(1e9).transform(train)
        .filter("prediction = 1").count();
    assertEquals(0, positives);
  }

  @Test
  void softmaxGivesKProbabilitiesAndHonoursThresholds() {
    Dataset<Row> train = MlFrames.assembled("iris.csv");
    DescentModel model = new DescentEstimator().setLoss("softmax").setRegParam(0.01).fit(train);
    assertEquals(3, model.numClasses());
    assertEquals(3, model.coefficientMatrix().numRows());
    assertThrows(UnsupportedOperationException.class, model::coefficients);
    Dataset<Row> scored = model.transform(train);
    assertEquals(scored.schema(), model.transformSchema(train.schema()));
    double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy").evaluate(scored);
    assertTrue(accuracy > 0.95, "accuracy " + accuracy);
    assertTrue(new MulticlassClassificationEvaluator().setMetricName("logLoss").evaluate(scored) < 0.3);
    // A zero threshold for class 2 makes it the prediction of every row (Spark's rule).
    long others = model.copy(ParamMap.empty()).setThresholds(new double[] {1, 1, 0}).transform(train)
        .filter("prediction != 2").count();
    assertEquals(0, others);
  }

  @Test
  void theSquaredLossIsARegressor() {
    Dataset<Row> train = MlFrames.assembled("diabetes.csv");
    DescentModel model = new DescentEstimator().setLoss("squared").fit(train);
    Dataset<Row> scored = model.transform(train);
    assertEquals(List.of("label", "features", "prediction"), List.of(scored.columns()));
    assertEquals(scored.schema(), model.transformSchema(train.schema()));
    double r2 = new RegressionEvaluator().setMetricName("r2").evaluate(scored);
    assertTrue(r2 > 0.5, "r2 " + r2);
  }

  @Test
  void crossValidatorPicksARegParamWithTheDefaultEvaluator() {
    Dataset<Row> train = MlFrames.assembled("breast_cancer.csv");
    DescentEstimator descent = new DescentEstimator().setLoss("logistic");
    CrossValidator cv = new CrossValidator().setEstimator(descent)
        .setEstimatorParamMaps(new ParamGridBuilder()
            .addGrid(descent.regParam(), new double[] {1e-3, 10}).build())
        .setEvaluator(new BinaryClassificationEvaluator()).setNumFolds(2).setSeed(7);
    CrossValidatorModel fitted = cv.fit(train);
    double[] auc = fitted.avgMetrics();
    assertTrue(auc[0] > auc[1], "λ = 10 underfits: " + auc[0] + " vs " + auc[1]);
    DescentModel best = (DescentModel) fitted.bestModel();
    assertEquals(1e-3, (Double) best.parent().getOrDefault(descent.regParam()));
  }

  @Test
  void explainParamsDocumentsEveryParam() {
    DescentEstimator descent = new DescentEstimator();
    String explained = descent.explainParams();
    for (Param<?> p : descent.params()) {
      assertFalse(p.doc().isBlank(), p.name());
      assertTrue(explained.contains(p.name() + ": " + p.doc()), p.name());
    }
    assertTrue(descent.params().length >= 32, descent.params().length + " params, found by Spark's reflection");
  }

  @Test
  void badValuesAreRefusedWhenSetNamingTheParam() {
    DescentEstimator descent = new DescentEstimator();
    IllegalArgumentException reg = assertThrows(IllegalArgumentException.class, () -> descent.setRegParam(-1));
    assertTrue(reg.getMessage().contains("param regParam") && reg.getMessage().contains("≥ 0"), reg.getMessage());
    IllegalArgumentException opt = assertThrows(IllegalArgumentException.class, () -> descent.setOptimizer("adagrad"));
    assertTrue(opt.getMessage().contains("param optimizer") && opt.getMessage().contains("lbfgs"), opt.getMessage());
    IllegalArgumentException alpha = assertThrows(IllegalArgumentException.class, () -> descent.setElasticNetParam(2));
    assertTrue(alpha.getMessage().contains("param elasticNetParam"), alpha.getMessage());
    IllegalArgumentException loss = assertThrows(IllegalArgumentException.class, () -> descent.setLoss("poisson"));
    assertTrue(loss.getMessage().contains("param loss") || loss.getMessage().contains("poisson"), loss.getMessage());
    assertThrows(IllegalArgumentException.class, () -> descent.setThresholds(new double[] {0, 0}));
    assertThrows(IllegalArgumentException.class, () -> descent.setMaxIter(-1));
    assertFalse(descent.isSet(descent.regParam()), "a refused value leaves the param as it was");
    // A combination only fit can judge: the same exception type, about params.
    Dataset<Row> train = MlFrames.assembled("breast_cancer.csv");
    IllegalArgumentException combo = assertThrows(IllegalArgumentException.class,
        () -> new DescentEstimator().setLoss("hinge").setOptimizer("newton").fit(train));
    assertTrue(combo.getMessage().contains("param optimizer"), combo.getMessage());
  }
}
