package io.descent.predict;

import io.descent.data.labels.LabelMapping;
import io.descent.data.source.InputSpec;
import io.descent.loss.Loss;
import io.descent.loss.LossKind;
import io.descent.model.LinearModel;
import io.descent.predict.input.FeatureRow;
import io.descent.predict.input.RowMapper;
import io.descent.predict.input.ScoringInput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import org.apache.spark.mllib.evaluation.MulticlassMetrics;
import org.apache.spark.mllib.evaluation.RegressionMetrics;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * descent evaluate: scores labelled data with the broadcast model and computes metrics in
 * Spark. The scored rows (four numbers each) are cached for the metric jobs: our totals
 * (rows, mean loss, accuracy, confusion counts), then Spark MLlib's own
 * BinaryClassificationMetrics (AUC ROC and PR), MulticlassMetrics (per-class F1) or
 * RegressionMetrics (RMSE, MAE, R²). Unweighted: every row counts once.
 */
public final class Evaluator {
  private final SparkSession spark;
  private final Consumer<String> notices;

  public Evaluator(SparkSession spark) {
    this(spark, n -> System.err.println("note: " + n));
  }

  /** {@code notices} hears what the reader says once about the input (a column it ignored). */
  public Evaluator(SparkSession spark, Consumer<String> notices) {
    this.spark = spark;
    this.notices = notices;
  }

  /** {"loss", "data", "rows", "metrics": {…}} with metric names as in the README. */
  public Map<String, Object> run(LinearModel model, InputSpec input) {
    Scorer scorer = new Scorer(model);
    ScoringInput rows = ModelInput.open(spark, model, input, model.labels());
    if (rows.notice() != null) {
      notices.accept(rows.notice());
    }
    Broadcast<Scorer> shipped = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(scorer);
    LossKind kind = model.loss();
    JavaRDD<ScoredRow> scored = rows.map(scoring(shipped, kind.create(model.labels().numClasses())));
    scored.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      ScoreTotals totals;
      try {
        totals = ScoreTotals.sum(scored.mapPartitions(ScoreTotals::of).collect());
      } catch (Exception e) {
        throw rows.explain(e);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("loss", kind.cliName());
      result.put("data", rows.display());
      result.put("rows", totals.rows);
      if (totals.rows == 0) {
        result.put("metrics", Map.of());
        return result;
      }
      Map<String, Object> metrics;
      switch (kind.labels()) {
        case REAL:
          metrics = regression(scored);
          break;
        case CLASSES:
          metrics = multiclass(scored, totals, model.labels(), kind);
          break;
        default:
          metrics = binary(scored, totals, kind);
      }
      result.put("metrics", metrics);
      return result;
    } finally {
      scored.unpersist(false);
      shipped.destroy();
    }
  }

  private static RowMapper<ScoredRow> scoring(Broadcast<Scorer> model, Loss loss) {
    return new RowMapper<ScoredRow>() {
      private static final long serialVersionUID = 1L;
      private transient Scorer scorer;
      private transient double[] margins;

      @Override
      public ScoredRow map(FeatureRow row) {
        if (scorer == null) {
          scorer = model.value();
          margins = new double[scorer.numOutputs()];
        }
        scorer.margins(row.indices(), row.values(), 0, row.size(), margins);
        double label = scorer.labels().toTraining(row.label());
        return new ScoredRow(label, scorer.predict(margins), scorer.score(margins),
            loss.value(label, margins, 0));
      }
    };
  }

  private static Map<String, Object> binary(JavaRDD<ScoredRow> scored, ScoreTotals totals,
      LossKind loss) {
    BinaryClassificationMetrics curves = new BinaryClassificationMetrics(
        scored.map(r -> new Tuple2<Object, Object>(r.score(), r.label())).rdd());
    Map<String, Object> m = new LinkedHashMap<>();
    try {
      m.put("areaUnderROC", number(curves.areaUnderROC()));
      m.put("areaUnderPR", number(curves.areaUnderPR()));
    } finally {
      curves.unpersist();
    }
    m.put(loss.meanLossMetric(), number(totals.meanLoss()));
    m.put("accuracy", number(totals.accuracy()));
    m.put("precision", number(totals.precision()));
    m.put("recall", number(totals.recall()));
    m.put("f1", number(totals.f1()));
    m.put("threshold", loss.link().threshold());
    return m;
  }

  private static Map<String, Object> multiclass(JavaRDD<ScoredRow> scored, ScoreTotals totals,
      LabelMapping labels, LossKind loss) {
    MulticlassMetrics mc = new MulticlassMetrics(
        scored.map(r -> new Tuple2<Object, Object>(r.prediction(), r.label())).rdd());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("accuracy", number(mc.accuracy()));
    m.put(loss.meanLossMetric(), number(totals.meanLoss()));
    m.put("weightedF1", number(mc.weightedFMeasure()));
    Map<String, Object> perClass = new LinkedHashMap<>();
    double[] values = labels.originalValues();
    for (int k = 0; k < values.length; k++) {
      perClass.put(labelText(values[k]), number(mc.fMeasure(k)));
    }
    m.put("f1ByClass", perClass);
    return m;
  }

  private static Map<String, Object> regression(JavaRDD<ScoredRow> scored) {
    RegressionMetrics rm = new RegressionMetrics(
        scored.map(r -> new Tuple2<Object, Object>(r.prediction(), r.label())).rdd());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rmse", number(rm.rootMeanSquaredError()));
    m.put("mae", number(rm.meanAbsoluteError()));
    m.put("r2", number(rm.r2()));
    return m;
  }

  /** A label value as a JSON key: "2" for integers, else the shortest double text. */
  static String labelText(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /** JSON has no NaN: a metric that is undefined on this data (AUC with one class) is null. */
  private static Double number(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
