package io.descent.ml;

import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The column and decision params the estimator and its model share, created by one factory
 * so that names, docs and checks cannot drift apart (Spark's fit copies them by name).
 */
final class OutputParams {
  private OutputParams() {}

  static Param<String> featuresCol(Params owner) {
    return new Param<>(owner, "featuresCol", "features column (a Spark ML vector)");
  }

  static Param<String> labelCol(Params owner) {
    return new Param<>(owner, "labelCol", "label column (numeric; for classifiers Spark's"
        + " convention is 0, 1, …, K−1)");
  }

  static Param<String> predictionCol(Params owner) {
    return new Param<>(owner, "predictionCol", "prediction column: the predicted value, or"
        + " class (in the training labels' values; with labels 0…K−1 it carries Spark's nominal"
        + " metadata); empty: none");
  }

  static Param<String> rawPredictionCol(Params owner) {
    return new Param<>(owner, "rawPredictionCol", "classifiers: raw prediction vector (binary:"
        + " [−margin, margin]; softmax: the K margins); empty: none");
  }

  static Param<String> probabilityCol(Params owner) {
    return new Param<>(owner, "probabilityCol", "logistic and softmax: class probability"
        + " vector; hinge and squared_hinge write none (their margin is no probability, as"
        + " Spark's LinearSVC); empty: none");
  }

  static DoubleParam threshold(Params owner) {
    return new DoubleParam(owner, "threshold", "two classes: predict the positive class above"
        + " this (logistic: on P(positive), default 0.5; hinge, squared_hinge: on the margin,"
        + " default 0, as LinearSVC)", ParamChecks.finite("threshold"));
  }

  static DoubleArrayParam thresholds(Params owner) {
    return new DoubleArrayParam(owner, "thresholds", "logistic and softmax: one threshold per"
        + " class, ≥ 0, at most one 0; the class maximising p/t is predicted (Spark's rule);"
        + " overrides threshold", ParamChecks.thresholds());
  }
}
