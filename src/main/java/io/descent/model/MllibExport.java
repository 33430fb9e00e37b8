package io.descent.model;

import io.descent.loss.MllibModelKind;
import org.apache.spark.SparkContext;
import org.apache.spark.mllib.classification.LogisticRegressionModel;
import org.apache.spark.mllib.classification.SVMModel;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.regression.LinearRegressionModel;
import org.apache.spark.mllib.util.Saveable;

/**
 * The model as Spark MLlib's own (RDD-based) model, saved with MLlib's {@code save} so that
 * Spark users can {@code load} it, as the class the loss names ({@link MllibModelKind}):
 * logistic → LogisticRegressionModel, hinge → SVMModel, squared → LinearRegressionModel,
 * softmax → a multinomial LogisticRegressionModel.
 *
 * <p>MLlib's multinomial form keeps K−1 weight rows relative to class 0 (class 0's margin is
 * 0), each of d coefficients followed by the intercept when there is one: (K−1)·(d+1) numbers.
 * Descent's K rows are converted by subtracting class 0's row (and intercept) from every
 * other: softmax probabilities do not change when one vector is subtracted from all margins.
 * Class indices are Descent's training labels; model.json maps them back to label values.
 */
public final class MllibExport {
  /** The sub-directory of a model directory that holds the MLlib save. */
  public static final String DIRECTORY = "mllib";

  private MllibExport() {}

  public static Saveable toMllib(LinearModel model) {
    int d = model.layout().numFeatures();
    return switch (model.loss().mllibModel()) {
      case LOGISTIC_REGRESSION -> new LogisticRegressionModel(weights(model, 0), model.intercept(0));
      case SVM -> new SVMModel(weights(model, 0), model.intercept(0));
      case LINEAR_REGRESSION -> new LinearRegressionModel(weights(model, 0), model.intercept(0));
      case MULTINOMIAL_LOGISTIC_REGRESSION -> multinomial(model, d);
    };
  }

  public static void save(LinearModel model, SparkContext sc, String path) {
    toMllib(model).save(sc, path);
  }

  private static Vector weights(LinearModel model, int k) {
    return Vectors.dense(model.coefficients(k));
  }

  private static LogisticRegressionModel multinomial(LinearModel model, int d) {
    int classes = model.layout().numOutputs();
    boolean bias = model.layout().hasIntercept();
    int stride = d + (bias ? 1 : 0);
    double[] base = model.coefficients(0);
    double baseIntercept = model.intercept(0);
    double[] w = new double[(classes - 1) * stride];
    for (int k = 1; k < classes; k++) {
      double[] row = model.coefficients(k);
      int off = (k - 1) * stride;
      for (int j = 0; j < d; j++) {
        w[off + j] = row[j] - base[j];
      }
      if (bias) {
        w[off + d] = model.intercept(k) - baseIntercept;
      }
    }
    return new LogisticRegressionModel(Vectors.dense(w), 0.0, d, classes);
  }
}
