package io.descent.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import io.descent.testing.ModelFiles;
import io.descent.testing.PredictionFiles;
import io.descent.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One model, every door: a descent train directory loads as a DescentModel, a saved
 * DescentModel serves descent predict and evaluate, a model warm-starts the estimator, and
 * the estimator's checkpoints resume a fit.
 */
class OneModelEveryDoorTest {
  @TempDir Path tmp;

  private static Dataset<Row> heart() {
    return SharedSpark.session().read().format("libsvm").option("numFeatures", "13")
        .load(Datasets.shared("heart_scale").toString()).coalesce(1).cache();
  }

  /** P(positive) of each row, in order. */
  private static double[] positiveProbabilities(Dataset<Row> scored) {
    return scored.select("probability").collectAsList().stream()
        .mapToDouble(r -> ((Vector) r.get(0)).apply(1)).toArray();
  }

  private static double[] predictColumn(Path dir, String column) {
    return PredictionFiles.rows(dir).stream()
        .mapToDouble(r -> r.getDouble(r.fieldIndex(column))).toArray();
  }

  @Test
  void aCommandLineModelLoadsAsADescentModelAndPredictsAsDescentPredict() {
    Path model = tmp.resolve("cli-model");
    Path predictions = tmp.resolve("cli-predictions");
    String data = Datasets.shared("heart_scale").toString();
    assertEquals(0, CliRun.of("train", "--data", data, "--loss", "logistic", "--reg", "0.01",
        "--output", model.toString()).exitCode());
    CliRun predict = CliRun.of("predict", "--model", model.toString(), "--data", data,
        "--output", predictions.toString());
    assertEquals(0, predict.exitCode(), predict.toString());

    DescentModel loaded = DescentModel.load(model.toString());
    assertEquals(ModelFiles.model(model).get("weights").toString(),
        java.util.Arrays.toString(loaded.coefficients().toArray()).replace(" ", ""));
    assertArrayEquals(predictColumn(predictions, "probability"),
        positiveProbabilities(loaded.transform(heart())), "the same Scorer, the same bits");
  }

  @Test
  void aSavedDescentModelServesPredictAndEvaluate() throws Exception {
    DescentModel fitted = new DescentEstimator().setLoss("logistic").setRegParam(0.01).fit(heart());
    Path saved = tmp.resolve("saved");
    fitted.write().save(saved.toString());
    String data = Datasets.shared("heart_scale").toString();
    Path predictions = tmp.resolve("predictions");
    CliRun predict = CliRun.of("predict", "--model", saved.toString(), "--data", data,
        "--output", predictions.toString());
    assertEquals(0, predict.exitCode(), predict.toString());
    assertArrayEquals(positiveProbabilities(fitted.transform(heart())),
        predictColumn(predictions, "probability"));
    CliRun evaluate = CliRun.of("evaluate", "--model", saved.toString(), "--data", data);
    assertEquals(0, evaluate.exitCode(), evaluate.toString());
    assertTrue(evaluate.out().contains("\"accuracy\""), evaluate.out());
  }

  @Test
  void initialModelWarmStartsAndSurvivesSavingTheEstimator() throws Exception {
    Dataset<Row> rows = heart();
    DescentEstimator estimator = new DescentEstimator().setLoss("logistic").setRegParam(0.01)
        .setOptimizer("lbfgs");
    DescentModel first = estimator.copy(org.apache.spark.ml.param.ParamMap.empty()).setMaxIter(3).fit(rows);
    DescentEstimator warm = estimator.copy(org.apache.spark.ml.param.ParamMap.empty()).setInitialModel(first);
    Path saved = tmp.resolve("estimator");
    warm.write().save(saved.toString());
    DescentEstimator loaded = DescentEstimator.load(saved.toString());
    DescentModel second = loaded.fit(rows);
    double[] history = second.summary().objectiveHistory();
    double[] firstHistory = first.summary().objectiveHistory();
    // The same point; the line search summed its value in another order, hence 1e-13.
    assertEquals(firstHistory[firstHistory.length - 1], history[0], 1e-13,
        "the second fit starts where the first stopped");
    assertTrue(history[0] < Math.log(2));
  }

  @Test
  void aFitWithACheckpointDirectoryResumesWhereTheLastOneStopped() throws Exception {
    Dataset<Row> rows = heart();
    Path checkpoints = tmp.resolve("checkpoints");
    DescentEstimator estimator = new DescentEstimator().setLoss("logistic").setRegParam(0.01)
        .setOptimizer("lbfgs").setTol(0).setGradTol(0).setCheckpointDir(checkpoints.toString());
    // The first fit ends after 4 iterations, as a driver that died there would have.
    estimator.copy(org.apache.spark.ml.param.ParamMap.empty()).setMaxIter(4).fit(rows);
    assertTrue(Files.list(checkpoints).findAny().isPresent(), "checkpoints were written");
    org.apache.spark.SparkContext sc = SharedSpark.session().sparkContext();
    sc.setJobGroup("resumed-fit", "resumed", false);
    DescentModel resumed = estimator.copy(org.apache.spark.ml.param.ParamMap.empty()).setMaxIter(8).fit(rows);
    sc.setJobGroup("straight-fit", "straight", false);
    DescentModel straight = new DescentEstimator().setLoss("logistic").setRegParam(0.01)
        .setOptimizer("lbfgs").setTol(0).setGradTol(0).setMaxIter(8).fit(rows);
    sc.clearJobGroup();
    int resumedJobs = sc.statusTracker().getJobIdsForGroup("resumed-fit").length;
    int straightJobs = sc.statusTracker().getJobIdsForGroup("straight-fit").length;
    assertTrue(resumedJobs < straightJobs, "the resumed fit ran only the last iterations' passes: "
        + resumedJobs + " Spark jobs against " + straightJobs);
    assertEquals(8, resumed.summary().totalIterations());
    assertArrayEquals(straight.coefficients().toArray(), resumed.coefficients().toArray(),
        "resumed from iteration 4, it ends with the bits of an uninterrupted fit");
    List<Double> a = java.util.Arrays.stream(straight.summary().objectiveHistory()).boxed().toList();
    List<Double> b = java.util.Arrays.stream(resumed.summary().objectiveHistory()).boxed().toList();
    assertEquals(a, b);
  }
}
