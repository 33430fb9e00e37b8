package io.descent.ml;

import io.descent.BadInputException;
import io.descent.block.FeaturePrecision;
import io.descent.config.ConfigKeys;
import io.descent.config.Settings;
import io.descent.config.TrainConfig;
import io.descent.data.FrameLoader;
import io.descent.data.packing.TrainingData;
import io.descent.loss.LossKind;
import io.descent.model.LinearModel;
import io.descent.report.IterationRecord;
import io.descent.train.Trainer;
import io.descent.data.packing.FoldSplit;
import io.descent.report.PathPoint;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
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
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Descent as a Spark ML Estimator: fits on a DataFrame with a vector {@code features} and a
 * numeric {@code label} column (names configurable) by the trainer's own code path: the rows
 * are packed into the same Blocks ({@link FrameLoader}), the settings go through the same
 * validation ({@link TrainConfig}), and {@link Trainer#fit} runs the same engine and
 * optimizers. Every training param maps to a command-line setting and has its default (the
 * optimizer's is {@code auto}, which converges without tuning); a bad value is refused when
 * set, with an IllegalArgumentException naming the param.
 *
 * <p>The fitted {@link DescentModel} has the columns of Spark's classifiers (logistic,
 * softmax, hinge, squared_hinge) or regressors (squared). {@code logistic} is binary: labels
 * of more than two values are refused when the data is read, naming the first such row; use
 * {@code softmax} for K classes (what Spark's family "multinomial" fits).
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
  private final Param<String> rawPredictionCol;
  private final Param<String> probabilityCol;
  private final DoubleParam threshold;
  private final DoubleArrayParam thresholds;
  private final Param<String> checkpointDir;
  private final IntParam checkpointInterval;
  private final InitialModelParam initialModel;
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
  private final IntParam regPath;
  private final Param<String> regMinRatio;
  private final Param<String> regValues;
  private final IntParam numFolds;
  private final Param<String> selection;

  public DescentEstimator() {
    this(Identifiable$.MODULE$.randomUID("descent"));
  }

  public DescentEstimator(String uid) {
    this.uid = uid;
    labelCol = column(OutputParams.labelCol(this), "label");
    featuresCol = column(OutputParams.featuresCol(this), "features");
    weightCol = new Param<>(this, "weightCol", "instance-weight column (numeric, ≥ 0); unset:"
        + " every row weighs 1");
    predictionCol = column(OutputParams.predictionCol(this), "prediction");
    rawPredictionCol = column(OutputParams.rawPredictionCol(this), "rawPrediction");
    probabilityCol = column(OutputParams.probabilityCol(this), "probability");
    threshold = OutputParams.threshold(this);
    thresholds = OutputParams.thresholds(this);
    initialModel = new InitialModelParam(this);
    loss = stringSetting("loss", "loss");
    optimizer = stringSetting("optimizer", "optimizer");
    stepSize = stringSetting("stepSize", "step");
    regParam = doubleSetting("regParam", "reg");
    elasticNetParam = doubleSetting("elasticNetParam", "elastic-net");
    fitIntercept = bind(new BooleanParam(this, "fitIntercept", doc("intercept")), "intercept");
    maxIter = intSetting("maxIter", "max-iter");
    tol = doubleSetting("tol", "tol");
    gradTol = doubleSetting("gradTol", "grad-tol");
    numPartitions = bind(new IntParam(this, "numPartitions",
        "Number of data partitions; 0: keep the DataFrame's.",
        ParamChecks.setting("numPartitions", "partitions")), "partitions");
    seed = bind(new LongParam(this, "seed", doc("seed"), ParamChecks.setting("seed", "seed")), "seed");
    positiveLabel = doubleSetting("positiveLabel", "positive-label");
    numFeatures = intSetting("numFeatures", "num-features");
    blockBytes = bind(new LongParam(this, "blockBytes", doc("block-bytes"),
        ParamChecks.setting("blockBytes", "block-bytes")), "block-bytes");
    featurePrecision = stringSetting("featurePrecision", "feature-precision");
    lbfgsMemory = intSetting("lbfgsMemory", "lbfgs-memory");
    newtonMaxDim = intSetting("newtonMaxDim", "newton-max-dim");
    batchFraction = doubleSetting("batchFraction", "batch-fraction");
    stepSchedule = stringSetting("stepSchedule", "step-schedule");
    stepDecay = doubleSetting("stepDecay", "step-decay");
    momentum = doubleSetting("momentum", "momentum");
    checkpointDir = stringSetting("checkpointDir", "checkpoint-dir");
    checkpointInterval = intSetting("checkpointInterval", "checkpoint-every");
    regPath = intSetting("regPath", "reg-path");
    regMinRatio = stringSetting("regMinRatio", "reg-min-ratio");
    regValues = stringSetting("regValues", "reg-values");
    numFolds = intSetting("numFolds", "folds");
    selection = stringSetting("selection", "select");
  }

  private Param<String> stringSetting(String name, String key) {
    return bind(new Param<>(this, name, doc(key), ParamChecks.<String>setting(name, key)), key);
  }

  private DoubleParam doubleSetting(String name, String key) {
    return bind(new DoubleParam(this, name, doc(key), ParamChecks.setting(name, key)), key);
  }

  private IntParam intSetting(String name, String key) {
    return bind(new IntParam(this, name, doc(key), ParamChecks.setting(name, key)), key);
  }

  private static String doc(String key) {
    for (ConfigKeys.Key k : ConfigKeys.ALL) {
      if (k.name().equals(key)) {
        return k.description();
      }
    }
    throw new IllegalStateException("no setting " + key);
  }

  private Param<String> column(Param<String> p, String defaultValue) {
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

  /**
   * The params as settings, validated by the command line's own rules; what only a
   * combination of params can break (an optimizer the loss cannot use) is refused here, as
   * Spark's IllegalArgumentException.
   */
  TrainConfig config() {
    Settings s = new Settings();
    s.put("data", "the DataFrame", "DescentEstimator");
    s.put("output", "(none: the model is returned)", "DescentEstimator");
    settingOf.forEach((param, key) -> {
      if (isDefined(param)) {
        s.put(key, String.valueOf(getOrDefault(param)), "DescentEstimator param " + param.name());
      }
    });
    if (isDefined(initialModel)) {
      s.put("warm-start", "param initialModel", "DescentEstimator param initialModel");
    }
    try {
      return TrainConfig.from(s);
    } catch (BadInputException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Fits by the trainer's code path. With {@code checkpointDir} set, a fit that finds
   * checkpoints of the same settings and data there resumes from the newest (a Pipeline.fit
   * run again after its driver died goes on where it stopped).
   */
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
    if (config.path().active()) {
      return fitPath(dataset, config, data);
    }
    try {
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      LinearModel warm = isDefined(initialModel) ? getOrDefault(initialModel).linearModel() : null;
      Trainer.Fit fit = new Trainer(dataset.sparkSession(), config, quiet).fitCheckpointed(data, warm);
      DescentModel model = copyValues(new DescentModel(uid, fit.model()), ParamMap.empty());
      model.setParent(this);
      return model.setSummary(summary(model, fit, dataset.toDF()));
    } finally {
      data.release();
    }
  }

  /**
   * A regularization path (and cross-validation) in one fit, as {@code descent train
   * --reg-path}: the chosen λ's all-rows model, its summary carrying the path.
   */
  private DescentModel fitPath(Dataset<?> dataset, TrainConfig config, TrainingData loaded) {
    TrainingData data = loaded;
    try {
      FoldSplit.Folds folds = null;
      if (config.path().folds() > 0) {
        folds = FoldSplit.split(data, config.path().folds(), config.solver().seed(),
            StorageLevel.MEMORY_AND_DISK());
        data = folds.data();
      }
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      Trainer.PathFit fit =
          new Trainer(dataset.sparkSession(), config, quiet).fitPathCheckpointed(data, folds);
      DescentModel model = copyValues(new DescentModel(uid, fit.model()), ParamMap.empty());
      model.setParent(this);
      List<IterationRecord> history = fit.history();
      double[] objectives = new double[history.size()];
      for (int i = 0; i < objectives.length; i++) {
        objectives[i] = history.get(i).objective();
      }
      PathPoint chosen = fit.points().get(fit.path().chosen());
      boolean binary = model.isClassifier() && model.numClasses() == 2
          && !model.getOrDefault(model.rawPredictionCol()).isEmpty();
      return model.setSummary(new DescentTrainingSummary(objectives, chosen.iterations(),
          chosen.stopReason(), binary ? model.transform(dataset.toDF()) : null,
          model.getOrDefault(model.labelCol()), model.getOrDefault(model.rawPredictionCol()),
          binary ? fit.model().labels().originalValues()[1] : Double.NaN)
          .withPath(fit.points(), fit.chosenLambda()));
    } finally {
      data.release();
    }
  }

  private static DescentTrainingSummary summary(DescentModel model, Trainer.Fit fit,
      Dataset<Row> dataset) {
    List<IterationRecord> history = fit.outcome().history();
    double[] objectives = new double[history.size()];
    for (int i = 0; i < objectives.length; i++) {
      objectives[i] = history.get(i).objective();
    }
    boolean binary = model.isClassifier() && model.numClasses() == 2
        && !model.getOrDefault(model.rawPredictionCol()).isEmpty();
    return new DescentTrainingSummary(objectives, fit.outcome().state().iteration(),
        fit.outcome().stopReason().text(), binary ? model.transform(dataset) : null,
        model.getOrDefault(model.labelCol()), model.getOrDefault(model.rawPredictionCol()),
        binary ? fit.model().labels().originalValues()[1] : Double.NaN);
  }

  /** The model's columns, as far as they are known before fitting (no class counts yet). */
  @Override
  public StructType transformSchema(StructType schema) {
    EstimatorColumns.requireVector(schema, getOrDefault(featuresCol));
    // An unknown name is refused when set; until a loss is set it counts as a classifier.
    LossKind kind = isDefined(loss) ? LossKind.named(getOrDefault(loss)) : LossKind.LOGISTIC;
    StructType out = schema;
    if (kind.isClassifier()) {
      out = addVector(out, getOrDefault(rawPredictionCol));
      boolean probabilities = kind == LossKind.LOGISTIC || kind == LossKind.SOFTMAX;
      out = probabilities ? addVector(out, getOrDefault(probabilityCol)) : out;
    }
    String prediction = getOrDefault(predictionCol);
    if (!prediction.isEmpty()) {
      EstimatorColumns.requireAbsent(out, prediction);
      out = out.add(prediction, DataTypes.DoubleType, false);
    }
    return out;
  }

  private static StructType addVector(StructType schema, String name) {
    if (name.isEmpty()) {
      return schema;
    }
    EstimatorColumns.requireAbsent(schema, name);
    return schema.add(name, new VectorUDT(), false);
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
  public Param<String> rawPredictionCol() { return rawPredictionCol; }
  public Param<String> probabilityCol() { return probabilityCol; }
  public DoubleParam threshold() { return threshold; }
  public DoubleArrayParam thresholds() { return thresholds; }
  public Param<String> checkpointDir() { return checkpointDir; }
  public IntParam checkpointInterval() { return checkpointInterval; }
  public Param<DescentModel> initialModel() { return initialModel; }
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
  public DescentEstimator setRawPredictionCol(String v) { set(rawPredictionCol, v); return this; }
  public DescentEstimator setProbabilityCol(String v) { set(probabilityCol, v); return this; }
  public DescentEstimator setThreshold(double v) { set(threshold, v); return this; }
  public DescentEstimator setThresholds(double[] v) { set(thresholds, v); return this; }
  /** Checkpoints go here (any Hadoop path); a later fit of the same settings and data resumes from them. */
  public DescentEstimator setCheckpointDir(String v) { set(checkpointDir, v); return this; }
  /** Checkpoint every N iterations (N ≥ 1; default 1). */
  public DescentEstimator setCheckpointInterval(int v) { set(checkpointInterval, v); return this; }
  /** Start from this model's weights (public warm start; Spark keeps LogisticRegression's private). */
  public DescentEstimator setInitialModel(DescentModel v) { set(initialModel, v); return this; }
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

  // The regularization path and its cross-validation (descent train --reg-path …).
  public IntParam regPath() { return regPath; }
  public Param<String> regMinRatio() { return regMinRatio; }
  public Param<String> regValues() { return regValues; }
  public IntParam numFolds() { return numFolds; }
  public Param<String> selection() { return selection; }
  public DescentEstimator setRegPath(int v) { set(regPath, v); return this; }
  public DescentEstimator setRegMinRatio(double v) { set(regMinRatio, Double.toString(v)); return this; }
  /** The path's λ values (any order; fitted largest first). */
  public DescentEstimator setRegValues(double... v) {
    StringBuilder b = new StringBuilder();
    for (double x : v) {
      b.append(b.length() == 0 ? "" : ",").append(x);
    }
    set(regValues, b.toString());
    return this;
  }
  public DescentEstimator setNumFolds(int v) { set(numFolds, v); return this; }
  /** min or one-se. */
  public DescentEstimator setSelection(String v) { set(selection, v); return this; }
}
