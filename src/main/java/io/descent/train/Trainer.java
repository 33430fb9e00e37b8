package io.descent.train;

import io.descent.BadInputException;
import io.descent.config.TrainConfig;
import io.descent.data.DataLoader;
import io.descent.data.InputSpec;
import io.descent.data.LabelPolicy;
import io.descent.data.TrainingData;
import io.descent.engine.DistributedObjective;
import io.descent.loss.Loss;
import io.descent.loss.Losses;
import io.descent.loss.ParamLayout;
import io.descent.loss.Regularization;
import io.descent.model.LinearModel;
import io.descent.optim.Optimizer;
import io.descent.optim.Problem;
import io.descent.optim.StoppingRule;
import io.descent.report.IterationRecord;
import io.descent.report.MetricsJson;
import io.descent.store.CheckpointStore;
import io.descent.store.ModelStore;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * One training run: preflight, load, (warm) start, iterate, save. Failures before the model
 * is published leave the output untouched.
 */
public final class Trainer {
  private final SparkSession spark;
  private final TrainConfig config;
  private final PrintStream log;

  public Trainer(SparkSession spark, TrainConfig config, PrintStream log) {
    this.spark = spark;
    this.config = config;
    this.log = log;
  }

  public TrainingResult run() {
    long started = System.nanoTime();
    ModelStore models = new ModelStore(spark.sparkContext().hadoopConfiguration());
    models.preflight(config.output(), config.overwrite());
    LinearModel warm = config.warmStart() == null ? null
        : models.read(config.warmStart(), "--warm-start");
    CheckpointStore checkpoints = config.checkpointDir() == null ? null
        : new CheckpointStore(spark.sparkContext().hadoopConfiguration(), config.checkpointDir(),
            config.keepCheckpoints(), w -> log.println("warning: " + w));
    if (checkpoints != null) {
      checkpoints.preflight();
    }

    TrainingData data = new DataLoader(spark).load(inputSpec(), labelPolicy(),
        config.partitions(), config.blockBytes(), StorageLevel.fromString(config.storageLevel()));
    try {
      Loss loss = Losses.byName(config.loss(), data.labels().numClasses());
      ParamLayout layout = new ParamLayout(data.numFeatures(), loss.numOutputs(), config.intercept());
      log.printf("data: %d rows, %d features, %d partitions, %.1f MB cached; model %s%n",
          data.numRows(), data.numFeatures(), data.numPartitions(), data.arrayBytes() / 1e6, layout);
      DistributedObjective objective =
          new DistributedObjective(data.blocks(), data.weightSum(), loss, layout);
      Regularization reg = new Regularization(config.reg(), config.elasticNet(), layout);
      Problem problem = new Problem(objective, reg);
      Optimizer optimizer = Optimizers.create(config.optimizer(), stepSize(objective, reg));
      double[] x0 = warm == null ? new double[layout.size()] : WarmStart.params(warm, config, layout);

      Optional<CheckpointCodec.Restored> resumed = Optional.empty();
      if (checkpoints != null && "never".equals(config.resume())) {
        checkpoints.clear();
      } else if (checkpoints != null) {
        resumed = Resume.find(checkpoints, config, data.fingerprint(), log);
      }
      Map<String, Object> input = data.fingerprint().toJson();
      TrainingLoop loop = new TrainingLoop(problem, optimizer,
          new StoppingRule(config.maxIter(), config.tol(), config.gradTol()),
          p -> afterIteration(p, checkpoints, optimizer, input));
      TrainingLoop.Outcome out = resumed.isPresent()
          ? loop.continueFrom(resumed.get().state(), resumed.get().history())
          : loop.run(x0);
      log.println("stopped: " + out.stopReason());

      double seconds = (System.nanoTime() - started) / 1e9;
      LinearModel model = new LinearModel(config.loss(), layout, out.state().x(), data.labels(),
          trainingInfo(out, problem, data));
      models.write(config.output(), model,
          MetricsJson.render(out.history(), summary(out, data, seconds)), Map.of(),
          config.overwrite());
      log.println("model written to " + config.output());
      return new TrainingResult(model, out.history(), out.stopReason(), data.numRows(), seconds);
    } finally {
      data.release();
    }
  }

  /** Logs the iteration and, when one is due, saves a checkpoint (not after the last one). */
  private void afterIteration(TrainingLoop.Progress p, CheckpointStore checkpoints,
      Optimizer optimizer, Map<String, Object> input) {
    log.println(p.last().logLine());
    int it = p.state().iteration();
    if (checkpoints == null || p.stopReason() != null || it == 0 || it % config.checkpointEvery() != 0) {
      return;
    }
    checkpoints.save(it, CheckpointCodec.meta(p.state(), optimizer.name(), p.history(),
        config.fingerprint(), input), CheckpointCodec.vectors(p.state()));
  }

  private InputSpec inputSpec() {
    return new InputSpec(config.data(), config.format(), config.labelCol(), config.weightCol(),
        config.featuresCol(), config.numFeatures());
  }

  private LabelPolicy labelPolicy() {
    switch (config.loss()) {
      case "squared":
        return LabelPolicy.real();
      case "softmax":
        return LabelPolicy.classes();
      default:
        return LabelPolicy.binary(config.positiveLabel());
    }
  }

  /** The given step, or 1/L from a bound on the gradient's Lipschitz constant (one pass). */
  private double stepSize(DistributedObjective objective, Regularization reg) {
    if (config.step() != null) {
      return config.step();
    }
    double lipschitz = objective.lipschitzBound() + reg.l2Strength();
    if (!(lipschitz > 0)) {
      throw new BadInputException("--step auto: every feature value is zero, so no step size "
          + "can be derived; pass --step.");
    }
    log.printf("step auto: Lipschitz bound L = %.6g, step 1/L = %.6g%n", lipschitz, 1 / lipschitz);
    return 1 / lipschitz;
  }

  private Map<String, Object> trainingInfo(TrainingLoop.Outcome out, Problem problem,
      TrainingData data) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("iterations", out.state().iteration());
    t.put("objective", out.state().value());
    t.put("gradientNorm", out.state().evaluation().gradientNorm());
    t.put("stopReason", out.stopReason());
    t.put("optimizer", config.optimizer());
    t.put("rows", data.numRows());
    t.put("partitions", data.numPartitions());
    if (config.warmStart() != null) {
      t.put("warmStartFrom", config.warmStart());
    }
    t.put("config", config.toJson());
    return t;
  }

  private Map<String, Object> summary(TrainingLoop.Outcome out, TrainingData data, double seconds) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("data", config.data());
    s.put("rows", data.numRows());
    s.put("features", data.numFeatures());
    s.put("partitions", data.numPartitions());
    s.put("cachedArrayBytes", data.arrayBytes());
    s.put("optimizer", config.optimizer());
    s.put("iterations", out.state().iteration());
    s.put("stopReason", out.stopReason());
    s.put("objective", out.state().value());
    s.put("seconds", seconds);
    long passes = 0;
    for (IterationRecord r : out.history()) {
      passes += r.passes();
    }
    s.put("passes", passes);
    return s;
  }
}
