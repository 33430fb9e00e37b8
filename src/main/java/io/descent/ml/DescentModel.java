package io.descent.ml;

import io.descent.model.LinearModel;
import io.descent.predict.Scorer;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A model fitted by {@link DescentEstimator}: appends {@code prediction} (in the original
 * label values) and, for classifiers, {@code probability} (logistic: P(positive); softmax:
 * of the predicted class) or, for hinge, the margin under the same column name — the
 * columns of descent predict. Saved with {@link #write()}, loaded with {@link #read()}
 * (also as a stage of a PipelineModel).
 */
public final class DescentModel extends Model<DescentModel> implements MLWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final LinearModel model;
  private final Param<String> featuresCol;
  private final Param<String> predictionCol;
  private final Param<String> probabilityCol;

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
    this.featuresCol = new Param<>(this, "featuresCol", "features column (a Spark ML vector)");
    this.predictionCol = new Param<>(this, "predictionCol", "prediction column name");
    this.probabilityCol = new Param<>(this, "probabilityCol",
        "probability column (logistic: P(positive); softmax: of the predicted class; hinge: the margin); empty: none");
    setDefault(featuresCol, "features");
    setDefault(predictionCol, "prediction");
    setDefault(probabilityCol, "probability");
  }

  @Override
  public String uid() {
    return uid;
  }

  /** The trained model, as model.json holds it. */
  public LinearModel linearModel() {
    return model;
  }

  public Param<String> featuresCol() {
    return featuresCol;
  }

  public Param<String> predictionCol() {
    return predictionCol;
  }

  public Param<String> probabilityCol() {
    return probabilityCol;
  }

  public DescentModel setFeaturesCol(String v) {
    set(featuresCol, v);
    return this;
  }

  public DescentModel setPredictionCol(String v) {
    set(predictionCol, v);
    return this;
  }

  public DescentModel setProbabilityCol(String v) {
    set(probabilityCol, v);
    return this;
  }

  private boolean writesScore() {
    return new Scorer(model).isClassifier() && !getOrDefault(probabilityCol).isEmpty();
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    VectorMargins margins = new VectorMargins(new Scorer(model));
    UserDefinedFunction predict = functions.udf((UDF1<Vector, Double>) v -> margins.scorer()
        .labels().toOriginal(margins.scorer().predict(margins.of(v))), DataTypes.DoubleType);
    Dataset<Row> out = dataset.withColumn(getOrDefault(predictionCol),
        predict.apply(functions.col(getOrDefault(featuresCol))));
    if (writesScore()) {
      UserDefinedFunction score = functions.udf((UDF1<Vector, Double>) v ->
          margins.scorer().score(margins.of(v)), DataTypes.DoubleType);
      out = out.withColumn(getOrDefault(probabilityCol),
          score.apply(functions.col(getOrDefault(featuresCol))));
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
    StructType out = schema.add(getOrDefault(predictionCol), DataTypes.DoubleType, false);
    return writesScore() ? out.add(getOrDefault(probabilityCol), DataTypes.DoubleType, false) : out;
  }

  @Override
  public DescentModel copy(ParamMap extra) {
    DescentModel copy = copyValues(new DescentModel(uid, model), extra);
    return copy.hasParent() ? copy : copy.setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new DescentModelWriter(this);
  }

  public static MLReader<DescentModel> read() {
    return new DescentModelReader();
  }

  public static DescentModel load(String path) {
    return read().load(path);
  }
}
