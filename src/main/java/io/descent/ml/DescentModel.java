package io.descent.ml;

import io.descent.data.labels.LabelMapping;
import io.descent.model.LinearModel;
import io.descent.predict.Scorer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A model fitted by {@link DescentEstimator}, with the columns and accessors of Spark ML's own
 * models. Classifier losses write {@code rawPrediction}, {@code probability} (logistic and
 * softmax only: the SVM losses write none, as Spark's LinearSVC) and {@code prediction},
 * decided by {@code threshold}/{@code thresholds} as Spark's probabilistic classifiers
 * decide; the squared loss writes {@code prediction} as Spark's regressors do. Predictions
 * are in the training labels' own values; with Spark's labels 0…K−1 the prediction column
 * carries Spark's nominal metadata, so the evaluators and CrossValidator work with their
 * defaults.
 *
 * <p>{@link #load} reads what {@link #write()} saved, and also a model directory written by
 * {@code descent train}; a saved DescentModel can be given to {@code descent predict} and
 * {@code evaluate} as {@code --model}.
 */
public final class DescentModel extends Model<DescentModel> implements MLWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final LinearModel model;
  private transient DescentTrainingSummary summary;
  private final Param<String> featuresCol;
  private final Param<String> labelCol;
  private final Param<String> predictionCol;
  private final Param<String> rawPredictionCol;
  private final Param<String> probabilityCol;
  private final DoubleParam threshold;
  private final DoubleArrayParam thresholds;

  /**
   * No model, for registration only: Spark 4's Connect ML finds models through
   * META-INF/services/org.apache.spark.ml.Transformer (ServiceLoader needs this public
   * no-argument constructor) and loads them by name with {@link #load(String)}.
   * {@link #transform} on it fails.
   */
  public DescentModel() {
    this(Identifiable$.MODULE$.randomUID("descentModel"));
  }

  /** No model, as {@link #DescentModel()}: the (uid) constructor Spark Connect instantiates by name. */
  public DescentModel(String uid) {
    this(uid, null);
  }

  public DescentModel(String uid, LinearModel model) {
    this.uid = uid;
    this.model = model;
    featuresCol = OutputParams.featuresCol(this);
    labelCol = OutputParams.labelCol(this);
    predictionCol = OutputParams.predictionCol(this);
    rawPredictionCol = OutputParams.rawPredictionCol(this);
    probabilityCol = OutputParams.probabilityCol(this);
    threshold = OutputParams.threshold(this);
    thresholds = OutputParams.thresholds(this);
    setDefault(featuresCol, "features");
    setDefault(labelCol, "label");
    setDefault(predictionCol, "prediction");
    setDefault(rawPredictionCol, "rawPrediction");
    setDefault(probabilityCol, "probability");
  }

  @Override
  public String uid() {
    return uid;
  }

  /** The trained model, as model.json holds it. */
  public LinearModel linearModel() {
    if (model == null) {
      throw new IllegalStateException("this DescentModel was made empty (for service loading);"
          + " fit a DescentEstimator or load a saved model");
    }
    return model;
  }

  public boolean isClassifier() {
    return linearModel().loss().isClassifier();
  }

  /** Classes: 2 for the binary losses, K for softmax; 1 for the regression. */
  public int numClasses() {
    return linearModel().labels().numClasses();
  }

  public int numFeatures() {
    return linearModel().layout().numFeatures();
  }

  /** The coefficients of a single-output model (as Spark's); softmax: use coefficientMatrix. */
  public Vector coefficients() {
    requireSingleOutput("coefficients", "coefficientMatrix");
    return Vectors.dense(linearModel().coefficients(0));
  }

  public double intercept() {
    requireSingleOutput("intercept", "interceptVector");
    return linearModel().intercept(0);
  }

  /** One row per output (1 for the binary losses and regression, K for softmax), one column per feature. */
  public Matrix coefficientMatrix() {
    int outputs = linearModel().layout().numOutputs();
    int d = numFeatures();
    double[] rowMajor = new double[outputs * d];
    for (int k = 0; k < outputs; k++) {
      System.arraycopy(linearModel().coefficients(k), 0, rowMajor, k * d, d);
    }
    return new DenseMatrix(outputs, d, rowMajor, true);
  }

  public Vector interceptVector() {
    int outputs = linearModel().layout().numOutputs();
    double[] b = new double[outputs];
    for (int k = 0; k < outputs; k++) {
      b[k] = linearModel().intercept(k);
    }
    return Vectors.dense(b);
  }

  private void requireSingleOutput(String what, String instead) {
    if (linearModel().isSoftmax()) {
      throw new UnsupportedOperationException("a softmax model has one coefficient row per class: use "
          + instead + " instead of " + what);
    }
  }

  public boolean hasSummary() {
    return summary != null;
  }

  /** The training summary of a model fitted in this JVM (loaded models have none, as in Spark). */
  public DescentTrainingSummary summary() {
    if (summary == null) {
      throw new IllegalStateException("no training summary: this model was loaded, not fitted here");
    }
    return summary;
  }

  DescentModel setSummary(DescentTrainingSummary s) {
    summary = s;
    return this;
  }

  public Param<String> featuresCol() { return featuresCol; }
  public Param<String> labelCol() { return labelCol; }
  public Param<String> predictionCol() { return predictionCol; }
  public Param<String> rawPredictionCol() { return rawPredictionCol; }
  public Param<String> probabilityCol() { return probabilityCol; }
  public DoubleParam threshold() { return threshold; }
  public DoubleArrayParam thresholds() { return thresholds; }

  public DescentModel setFeaturesCol(String v) { set(featuresCol, v); return this; }
  public DescentModel setLabelCol(String v) { set(labelCol, v); return this; }
  public DescentModel setPredictionCol(String v) { set(predictionCol, v); return this; }
  public DescentModel setRawPredictionCol(String v) { set(rawPredictionCol, v); return this; }
  public DescentModel setProbabilityCol(String v) { set(probabilityCol, v); return this; }
  public DescentModel setThreshold(double v) { set(threshold, v); return this; }
  public DescentModel setThresholds(double[] v) { set(thresholds, v); return this; }

  /** The threshold in use: the one set, else the loss's default (0.5 on P(positive), 0 on an SVM margin). */
  public double getThreshold() {
    return isSet(threshold) ? (Double) getOrDefault(threshold) : scores().defaultThreshold();
  }

  private ClassScores scores() {
    return new ClassScores(linearModel().loss(), numClasses());
  }

  /** One column this model appends: its schema field and how it is computed from the features. */
  private record Output(StructField field, Function<Column, Column> compute) {}

  /** The columns to append, in order; transform and transformSchema both read this list. */
  private List<Output> outputs() {
    List<Output> out = new ArrayList<>();
    VectorMargins margins = new VectorMargins(new Scorer(linearModel()));
    LabelMapping labels = linearModel().labels();
    String prediction = getOrDefault(predictionCol);
    if (!isClassifier()) {
      if (!prediction.isEmpty()) {
        out.add(new Output(new StructField(prediction, DataTypes.DoubleType, false, Metadata.empty()),
            udf(v -> margins.scorer().predict(margins.of(v)))));
      }
      return out;
    }
    ClassScores scores = scores();
    int k = numClasses();
    double[] t = checkedThresholds();
    double cut = getThreshold();
    String raw = getOrDefault(rawPredictionCol);
    String probability = getOrDefault(probabilityCol);
    if (!raw.isEmpty()) {
      out.add(new Output(new StructField(raw, new VectorUDT(), false,
          new AttributeGroup(raw, k).toMetadata()),
          vectorUdf(v -> Vectors.dense(scores.raw(margins.of(v))))));
    }
    if (!probability.isEmpty() && scores.hasProbability()) {
      out.add(new Output(new StructField(probability, new VectorUDT(), false,
          new AttributeGroup(probability, k).toMetadata()),
          vectorUdf(v -> Vectors.dense(scores.probability(margins.of(v))))));
    }
    if (!prediction.isEmpty()) {
      // Nominal metadata says the values are class indices: true only for labels 0…K−1.
      Metadata meta = isIndexed(labels)
          ? NominalAttribute.defaultAttr().withName(prediction).withNumValues(k).toMetadata()
          : Metadata.empty();
      out.add(new Output(new StructField(prediction, DataTypes.DoubleType, false, meta),
          udf(v -> labels.toOriginal(scores.predict(margins.of(v), t, cut)))));
    }
    return out;
  }

  /** The thresholds param checked against this model, or null when unset. */
  private double[] checkedThresholds() {
    if (!isDefined(thresholds)) {
      return null;
    }
    double[] t = getOrDefault(thresholds);
    if (!scores().hasProbability()) {
      throw new IllegalArgumentException("param thresholds: the " + linearModel().loss()
          + " loss gives no probabilities; use param threshold, a cut-off on the margin");
    }
    if (t.length != numClasses()) {
      throw new IllegalArgumentException("param thresholds has " + t.length
          + " values; the model has " + numClasses() + " classes");
    }
    return t;
  }

  private static boolean isIndexed(LabelMapping labels) {
    double[] values = labels.originalValues();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != i) {
        return false;
      }
    }
    return true;
  }

  private static Function<Column, Column> udf(UDF1<Vector, Double> f) {
    return functions.udf(f, DataTypes.DoubleType).asNonNullable()::apply;
  }

  private static Function<Column, Column> vectorUdf(UDF1<Vector, Vector> f) {
    return functions.udf(f, new VectorUDT()).asNonNullable()::apply;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Column features = functions.col(getOrDefault(featuresCol));
    Dataset<Row> out = dataset.toDF();
    for (Output o : outputs()) {
      out = out.withColumn(o.field().name(),
          o.compute().apply(features).as(o.field().name(), o.field().metadata()));
    }
    return out;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    if (model == null) {
      throw new IllegalStateException("DescentModel " + uid + " has no coefficients: fit one "
          + "with DescentEstimator or load one with DescentModel.load(path)");
    }
    EstimatorColumns.requireVector(schema, getOrDefault(featuresCol));
    StructType out = schema;
    for (Output o : outputs()) {
      EstimatorColumns.requireAbsent(out, o.field().name());
      out = out.add(o.field());
    }
    return out;
  }

  @Override
  public DescentModel copy(ParamMap extra) {
    DescentModel copy = copyValues(new DescentModel(uid, model), extra).setSummary(summary);
    return copy.hasParent() ? copy : copy.setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new DescentModelWriter(this);
  }

  public static MLReader<DescentModel> read() {
    return new DescentModelReader();
  }

  /** A model saved by {@link #write()}, or a model directory written by {@code descent train}. */
  public static DescentModel load(String path) {
    return read().load(path);
  }
}
