package io.descent.ml;

import io.descent.block.FeaturePrecision;
import io.descent.config.ConfigKeys;
import io.descent.config.Settings;
import io.descent.config.TrainConfig;
import io.descent.data.FrameLoader;
import io.descent.data.packing.TrainingData;
import io.descent.loss.LossKind;
import io.descent.train.Trainer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Descent as a Spark ML Estimator: fits on a DataFrame with a vector {@code features} and a
 * numeric {@code label} column (names configurable) by the trainer's own code path: the rows
 * are packed into the same Blocks ({@link FrameLoader}), the settings go through the same
 * validation ({@link TrainConfig}), and {@link Trainer#fit} runs the same engine and
 * optimizers. Every training param maps to a command-line setting and has its default.
 *
 * <pre>{@code
 * DescentEstimator descent = new DescentEstimator().setLoss("logistic").setRegParam(0.01);
 * PipelineModel model = new Pipeline().setStages(new PipelineStage[] {assembler, descent}).fit(df);
 * }</pre>
 */
public final class DescentEstimator extends Estimator<DescentModel> implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  /** Each training param and the setting (ConfigKeys name) it stands for. */
  private final Map<Param<?>, String> settingOf = new LinkedHashMap<>();

  private final Param<String> labelCol;
  private final Param<String> featuresCol;
  private final Param<String> weightCol;
  private final Param<String> predictionCol;
  private final Param<String> probabilityCol;
  private final Param<String> loss;
  private final Param<String> optimizer;
  private final Param<String> stepSize;
  private final DoubleParam regParam;
  private final DoubleParam elasticNetParam;
  private final BooleanParam fitIntercept;
  private final IntParam maxIter;
  private final DoubleParam tol;
  private final DoubleParam gradTol;
  private final IntParam numPartitions;
  private final LongParam seed;
  private final DoubleParam positiveLabel;
  private final IntParam numFeatures;
  private final LongParam blockBytes;
  private final Param<String> featurePrecision;
  private final IntParam lbfgsMemory;
  private final IntParam newtonMaxDim;
  private final DoubleParam batchFraction;
  private final Param<String> stepSchedule;
  private final DoubleParam stepDecay;
  private final DoubleParam momentum;

  public DescentEstimator() {
    this(Identifiable$.MODULE$.randomUID("descent"));
  }

  public DescentEstimator(String uid) {
    this.uid = uid;
    labelCol = column("labelCol", "label column (numeric)", "label");
    featuresCol = column("featuresCol", "features column (a Spark ML vector)", "features");
    weightCol = new Param<>(this, "weightCol", "instance-weight column; unset: every row weighs 1");
    predictionCol = column("predictionCol", "prediction column name", "prediction");
    probabilityCol = column("probabilityCol", "probability column (logistic: P(positive); softmax: "
        + "of the predicted class; hinge: the margin); empty: none", "probability");
    loss = bind(new Param<>(this, "loss", doc("loss")), "loss");
    optimizer = bind(new Param<>(this, "optimizer", doc("optimizer")), "optimizer");
    stepSize = bind(new Param<>(this, "stepSize", doc("step")), "step");
    regParam = bind(new DoubleParam(this, "regParam", doc("reg")), "reg");
    elasticNetParam = bind(new DoubleParam(this, "elasticNetParam", doc("elastic-net")), "elastic-net");
    fitIntercept = bind(new BooleanParam(this, "fitIntercept", doc("intercept")), "intercept");
    maxIter = bind(new IntParam(this, "maxIter", doc("max-iter")), "max-iter");
    tol = bind(new DoubleParam(this, "tol", doc("tol")), "tol");
    gradTol = bind(new DoubleParam(this, "gradTol", doc("grad-tol")), "grad-tol");
    numPartitions = bind(new IntParam(this, "numPartitions",
        "Number of data partitions; 0: keep the DataFrame's."), "partitions");
    seed = bind(new LongParam(this, "seed", doc("seed")), "seed");
    positiveLabel = bind(new DoubleParam(this, "positiveLabel", doc("positive-label")), "positive-label");
    numFeatures = bind(new IntParam(this, "numFeatures", doc("num-features")), "num-features");
    blockBytes = bind(new LongParam(this, "blockBytes", doc("block-bytes")), "block-bytes");
    featurePrecision = bind(new Param<>(this, "featurePrecision", doc("feature-precision")),
        "feature-precision");
    lbfgsMemory = bind(new IntParam(this, "lbfgsMemory", doc("lbfgs-memory")), "lbfgs-memory");
    newtonMaxDim = bind(new IntParam(this, "newtonMaxDim", doc("newton-max-dim")), "newton-max-dim");
    batchFraction = bind(new DoubleParam(this, "batchFraction", doc("batch-fraction")), "batch-fraction");
    stepSchedule = bind(new Param<>(this, "stepSchedule", doc("step-schedule")), "step-schedule");
    stepDecay = bind(new DoubleParam(this, "stepDecay", doc("step-decay")), "step-decay");
    momentum = bind(new DoubleParam(this, "momentum", doc("momentum")), "momentum");
  }

  private static String doc(String key) {
    for (ConfigKeys.Key k : ConfigKeys.ALL) {
      if (k.name().equals(key)) {
        return k.description();
      }
    }
    throw new IllegalStateException("no setting " + key);
  }

  private Param<String> column(String name, String doc, String defaultValue) {
    Param<String> p = new Param<>(this, name, doc);
    setDefault(p, defaultValue);
    return p;
  }

  /** Records the param's setting and takes the setting's default as the param's. */
  @SuppressWarnings("unchecked")
  private <P extends Param<?>> P bind(P param, String key) {
    settingOf.put(param, key);
    String d = ConfigKeys.defaults().get(key);
    if (d != null) {
      Object value;
      if (param instanceof DoubleParam) {
        value = Double.parseDouble(d);
      } else if (param instanceof IntParam) {
        value = Integer.parseInt(d);
      } else if (param instanceof LongParam) {
        value = Long.parseLong(d);
      } else if (param instanceof BooleanParam) {
        value = Boolean.parseBoolean(d);
      } else {
        value = d;
      }
      setDefault((Param<Object>) param, value);
    }
    return param;
  }

  /** The params as settings, validated by the command line's own rules. */
  TrainConfig config() {
    Settings s = new Settings();
    s.put("data", "the DataFrame", "DescentEstimator");
    s.put("output", "(none: the model is returned)", "DescentEstimator");
    settingOf.forEach((param, key) -> {
      if (isDefined(param)) {
        s.put(key, String.valueOf(getOrDefault(param)), "DescentEstimator param " + param.name());
      }
    });
    return TrainConfig.from(s);
  }

  @Override
  public DescentModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    TrainConfig config = config();
    String weights = isDefined(weightCol) ? getOrDefault(weightCol) : null;
    TrainingData data = FrameLoader.load(dataset.toDF(), getOrDefault(labelCol),
        getOrDefault(featuresCol), weights, Trainer.labelPolicy(config),
        config.input().numFeatures(), config.solver().partitions(), config.input().blockBytes(),
        StorageLevel.MEMORY_AND_DISK(),
        FeaturePrecision.named(config.input().featurePrecision()));
    try {
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      Trainer.Fit fit = new Trainer(dataset.sparkSession(), config, quiet).fit(data, null, null, null);
      return copyValues(new DescentModel(uid, fit.model()), ParamMap.empty()).setParent(this);
    } finally {
      data.release();
    }
  }

  @Override
  public StructType transformSchema(StructType schema) {
    EstimatorColumns.requireVector(schema, getOrDefault(featuresCol));
    StructType out = schema.add(getOrDefault(predictionCol), DataTypes.DoubleType, false);
    // An unknown name is refused by fit's validation; until then it counts as a classifier.
    boolean classifier = isDefined(loss)
        && LossKind.find(getOrDefault(loss)).map(LossKind::isClassifier).orElse(true);
    return classifier && !getOrDefault(probabilityCol).isEmpty()
        ? out.add(getOrDefault(probabilityCol), DataTypes.DoubleType, false) : out;
  }

  @Override
  public DescentEstimator copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  @Override
  public String uid() {
    return uid;
  }

  public static MLReader<DescentEstimator> read() {
    return new DefaultParamsReader<>();
  }

  public static DescentEstimator load(String path) {
    return read().load(path);
  }

  // Params (Spark ML finds them by these public no-argument methods) and setters.

  public Param<String> labelCol() { return labelCol; }
  public Param<String> featuresCol() { return featuresCol; }
  public Param<String> weightCol() { return weightCol; }
  public Param<String> predictionCol() { return predictionCol; }
  public Param<String> probabilityCol() { return probabilityCol; }
  public Param<String> loss() { return loss; }
  public Param<String> optimizer() { return optimizer; }
  public Param<String> stepSize() { return stepSize; }
  public DoubleParam regParam() { return regParam; }
  public DoubleParam elasticNetParam() { return elasticNetParam; }
  public BooleanParam fitIntercept() { return fitIntercept; }
  public IntParam maxIter() { return maxIter; }
  public DoubleParam tol() { return tol; }
  public DoubleParam gradTol() { return gradTol; }
  public IntParam numPartitions() { return numPartitions; }
  public LongParam seed() { return seed; }
  public DoubleParam positiveLabel() { return positiveLabel; }
  public IntParam numFeatures() { return numFeatures; }
  public LongParam blockBytes() { return blockBytes; }
  public Param<String> featurePrecision() { return featurePrecision; }
  public IntParam lbfgsMemory() { return lbfgsMemory; }
  public IntParam newtonMaxDim() { return newtonMaxDim; }
  public DoubleParam batchFraction() { return batchFraction; }
  public Param<String> stepSchedule() { return stepSchedule; }
  public DoubleParam stepDecay() { return stepDecay; }
  public DoubleParam momentum() { return momentum; }

  public DescentEstimator setLabelCol(String v) { set(labelCol, v); return this; }
  public DescentEstimator setFeaturesCol(String v) { set(featuresCol, v); return this; }
  public DescentEstimator setWeightCol(String v) { set(weightCol, v); return this; }
  public DescentEstimator setPredictionCol(String v) { set(predictionCol, v); return this; }
  public DescentEstimator setProbabilityCol(String v) { set(probabilityCol, v); return this; }
  public DescentEstimator setLoss(String v) { set(loss, v); return this; }
  public DescentEstimator setOptimizer(String v) { set(optimizer, v); return this; }
  /** A step size, or "auto". */
  public DescentEstimator setStepSize(String v) { set(stepSize, v); return this; }
  public DescentEstimator setStepSize(double v) { set(stepSize, Double.toString(v)); return this; }
  public DescentEstimator setRegParam(double v) { set(regParam, v); return this; }
  public DescentEstimator setElasticNetParam(double v) { set(elasticNetParam, v); return this; }
  public DescentEstimator setFitIntercept(boolean v) { set(fitIntercept, v); return this; }
  public DescentEstimator setMaxIter(int v) { set(maxIter, v); return this; }
  public DescentEstimator setTol(double v) { set(tol, v); return this; }
  public DescentEstimator setGradTol(double v) { set(gradTol, v); return this; }
  public DescentEstimator setNumPartitions(int v) { set(numPartitions, v); return this; }
  public DescentEstimator setSeed(long v) { set(seed, v); return this; }
  public DescentEstimator setPositiveLabel(double v) { set(positiveLabel, v); return this; }
  public DescentEstimator setNumFeatures(int v) { set(numFeatures, v); return this; }
  public DescentEstimator setBlockBytes(long v) { set(blockBytes, v); return this; }
  /** "double" (the default) or "float": half the cached feature bytes, see --feature-precision. */
  public DescentEstimator setFeaturePrecision(String v) { set(featurePrecision, v); return this; }
  public DescentEstimator setLbfgsMemory(int v) { set(lbfgsMemory, v); return this; }
  public DescentEstimator setNewtonMaxDim(int v) { set(newtonMaxDim, v); return this; }
  public DescentEstimator setBatchFraction(double v) { set(batchFraction, v); return this; }
  public DescentEstimator setStepSchedule(String v) { set(stepSchedule, v); return this; }
  public DescentEstimator setStepDecay(double v) { set(stepDecay, v); return this; }
  public DescentEstimator setMomentum(double v) { set(momentum, v); return this; }
}
