package io.descent.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import io.descent.testing.ModelFiles;
import io.descent.testing.PredictionFiles;
import io.descent.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.classification.LogisticRegressionModel;
import org.apache.spark.mllib.classification.SVMModel;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.regression.LabeledPoint;
import org.apache.spark.mllib.regression.LinearRegressionModel;
import org.apache.spark.mllib.util.MLUtils;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mllib/ directory of a model loads with Spark MLlib's own load, and MLlib's predictions
 * equal descent predict's, row by row: the same labels, and for regression the same values
 * to the last bit (both sum x_j·w_j in index order over a sparse vector, then add the
 * intercept).
 */
class MllibInteropTest {
  @TempDir Path tmp;

  private Path train(String data, String loss, String... more) {
    Path model = tmp.resolve(loss);
    List<String> args = new ArrayList<>(List.of("train", "--data", data, "--loss", loss,
        "--output", model.toString()));
    args.addAll(List.of(more));
    CliRun r = CliRun.of(args.toArray(new String[0]));
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(Files.isDirectory(model.resolve("mllib/metadata")));
    return model;
  }

  private List<Row> predict(Path model, String data) {
    Path out = tmp.resolve("pred-" + model.getFileName());
    CliRun r = CliRun.of("predict", "--model", model.toString(), "--data", data, "--output", out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    return PredictionFiles.rows(out);
  }

  /** Original label values of the binary model (0 → negative, 1 → positive). */
  private static double original(Path model, double trainingLabel) {
    JsonNode labels = ModelFiles.model(model).get("labels");
    return labels.get(trainingLabel == 1 ? "positive" : "negative").asDouble();
  }

  @Test
  void logisticOnA9aPredictsTheSameLabelsInMllib() {
    String test = Datasets.shared("a9a.t").toString();
    Path model = train(Datasets.shared("a9a").toString(), "logistic", "--max-iter", "10");
    LogisticRegressionModel mllib = LogisticRegressionModel.load(SharedSpark.session().sparkContext(),
        model.resolve("mllib").toString());
    List<Double> theirs = mllib.predict(libsvm(test, 123)).collect();
    List<Row> ours = predict(model, test);
    assertEquals(theirs.size(), ours.size());
    for (int i = 0; i < ours.size(); i++) {
      assertEquals(original(model, theirs.get(i)), ours.get(i).getDouble(1), "row " + i);
    }
  }

  @Test
  void hingeOnHeartScalePredictsTheSameLabelsInMllib() {
    String data = Datasets.sample("heart_scale").toString();
    Path model = train(data, "hinge", "--max-iter", "20");
    SVMModel mllib = SVMModel.load(SharedSpark.session().sparkContext(), model.resolve("mllib").toString());
    List<Double> theirs = mllib.predict(libsvm(data, 13)).collect();
    List<Row> ours = predict(model, data);
    for (int i = 0; i < ours.size(); i++) {
      assertEquals(original(model, theirs.get(i)), ours.get(i).getDouble(1), "row " + i);
    }
  }

  @Test
  void softmaxOnIrisPredictsTheSameClassesInMllibsMultinomialForm() {
    String data = Datasets.sample("iris.csv").toString();
    Path model = train(data, "softmax", "--max-iter", "40");
    LogisticRegressionModel mllib = LogisticRegressionModel.load(
        SharedSpark.session().sparkContext(), model.resolve("mllib").toString());
    assertEquals(3, mllib.numClasses());
    assertEquals(2 * (4 + 1), mllib.weights().size());
    List<Row> ours = predict(model, data);
    List<Double> theirs = mllib.predict(csvFeatures(data, false)).collect();
    JsonNode classes = ModelFiles.model(model).get("labels").get("values");
    for (int i = 0; i < ours.size(); i++) {
      assertEquals(classes.get(theirs.get(i).intValue()).asDouble(), ours.get(i).getDouble(1), "row " + i);
    }
  }

  @Test
  void squaredOnDiabetesPredictsTheSameValuesToTheLastBit() {
    String data = Datasets.sample("diabetes.csv").toString();
    Path model = train(data, "squared", "--max-iter", "30");
    LinearRegressionModel mllib = LinearRegressionModel.load(
        SharedSpark.session().sparkContext(), model.resolve("mllib").toString());
    List<Row> ours = predict(model, data);
    List<Double> sparse = mllib.predict(csvFeatures(data, true)).collect();
    List<Double> dense = mllib.predict(csvFeatures(data, false)).collect();
    for (int i = 0; i < ours.size(); i++) {
      assertEquals(sparse.get(i), ours.get(i).getDouble(1), 0.0, "row " + i);
      // A dense vector goes through BLAS ddot, which may add in another order: rounding only.
      assertEquals(dense.get(i), ours.get(i).getDouble(1), 1e-12 * Math.abs(dense.get(i)) + 1e-12);
    }
  }

  private static JavaRDD<Vector> libsvm(String path, int numFeatures) {
    return MLUtils.loadLibSVMFile(SharedSpark.session().sparkContext(), path, numFeatures)
        .toJavaRDD().map(LabeledPoint::features);
  }

  /** Every column but the last ("label" is last in the samples), in file order, on the driver. */
  private static JavaRDD<Vector> csvFeatures(String path, boolean sparse) {
    List<Vector> rows = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(Path.of(path));
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",");
        double[] x = new double[cells.length - 1];
        for (int j = 0; j < x.length; j++) {
          x[j] = Double.parseDouble(cells[j]);
        }
        Vector v = Vectors.dense(x);
        rows.add(sparse ? v.toSparse() : v);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return SharedSpark.jsc().parallelize(rows, 1);
  }
}
