package io.descent.ml;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import io.descent.data.source.SourceFrame;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * What {@link DescentModel#summary()} tells of the fit, as Spark's training summaries do: the
 * objective after each iteration ({@link #objectiveHistory()}, index 0 = the start), the
 * iterations run and why training stopped; for two classes also the training predictions'
 * ROC curve and its area, computed on first use by Spark's BinaryClassificationMetrics on
 * the raw prediction's positive entry (for logistic, a monotone function of P(positive), so
 * the same curve as Spark's). Not saved with the model, as Spark's are not.
 */
public final class DescentTrainingSummary implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] objectiveHistory;
  private final int totalIterations;
  private final String stopReason;
  private final transient Dataset<Row> predictions;
  private final String labelCol;
  private final String rawPredictionCol;
  private final double positiveLabel;
  private transient BinaryClassificationMetrics metrics;
  /** A regularization path's points (regPath, regValues or numFolds set), else null. */
  private java.util.List<io.descent.report.PathPoint> path;
  private double chosenRegParam = Double.NaN;

  DescentTrainingSummary(double[] objectiveHistory, int totalIterations, String stopReason,
      Dataset<Row> predictions, String labelCol, String rawPredictionCol, double positiveLabel) {
    this.objectiveHistory = objectiveHistory.clone();
    this.totalIterations = totalIterations;
    this.stopReason = stopReason;
    this.predictions = predictions;
    this.labelCol = labelCol;
    this.rawPredictionCol = rawPredictionCol;
    this.positiveLabel = positiveLabel;
  }

  /** This summary with the path it came from: the chosen λ's model is the fitted one. */
  DescentTrainingSummary withPath(java.util.List<io.descent.report.PathPoint> points,
      double chosen) {
    this.path = java.util.List.copyOf(points);
    this.chosenRegParam = chosen;
    return this;
  }

  /** Whether the fit was a regularization path (regPath, regValues or numFolds set). */
  public boolean hasPath() {
    return path != null;
  }

  /**
   * Every λ of the path, largest first: λ, the mean cross-validated (or held-out) loss and
   * its standard error, the metric, and the all-rows model's objective, non-zeros,
   * iterations and passes — path.json's records.
   */
  public java.util.List<io.descent.report.PathPoint> regularizationPath() {
    if (path == null) {
      throw new IllegalStateException("no path: set regPath, regValues or numFolds to fit one");
    }
    return path;
  }

  /** The λ (regParam) the path chose; the fitted model is its all-rows model. */
  public double chosenRegParam() {
    regularizationPath();
    return chosenRegParam;
  }

  public double[] objectiveHistory() {
    return objectiveHistory.clone();
  }

  public int totalIterations() {
    return totalIterations;
  }

  /** Why the optimizer stopped, in the words model.json records (e.g. "converged: objective change below tol"). */
  public String stopReason() {
    return stopReason;
  }

  /** Whether the model has two classes, so that {@link #roc()} and {@link #areaUnderROC()} exist. */
  public boolean isBinary() {
    return predictions != null;
  }

  /** The training rows with the model's columns; binary models only. */
  public Dataset<Row> predictions() {
    requireBinary("predictions");
    return predictions;
  }

  /** The ROC curve as Spark's summary gives it: columns FPR, TPR, from (0, 0) to (1, 1). */
  public Dataset<Row> roc() {
    List<Row> points = new ArrayList<>();
    for (Tuple2<Object, Object> p : metrics().roc().toJavaRDD().collect()) {
      points.add(RowFactory.create(p._1(), p._2()));
    }
    StructType schema = new StructType().add("FPR", DataTypes.DoubleType, false)
        .add("TPR", DataTypes.DoubleType, false);
    return predictions.sparkSession().createDataFrame(points, schema);
  }

  public double areaUnderROC() {
    return metrics().areaUnderROC();
  }

  private BinaryClassificationMetrics metrics() {
    requireBinary("the ROC curve");
    if (metrics == null) {
      double positive = positiveLabel;
      JavaRDD<Tuple2<Object, Object>> scored = predictions
          .select(SourceFrame.named(rawPredictionCol), SourceFrame.named(labelCol).cast("double"))
          .javaRDD().map(r -> new Tuple2<>(((Vector) r.get(0)).apply(1),
              r.getDouble(1) == positive ? 1.0 : 0.0));
      metrics = new BinaryClassificationMetrics(scored.rdd());
    }
    return metrics;
  }

  private void requireBinary(String what) {
    if (predictions == null) {
      throw new UnsupportedOperationException(what + " exists for two-class models only");
    }
  }
}
