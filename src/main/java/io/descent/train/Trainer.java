package io.descent.train;

import io.descent.BadInputException;
import io.descent.block.FeaturePrecision;
import io.descent.config.TrainConfig;
import io.descent.data.DataLoader;
import io.descent.data.LoadOptions;
import io.descent.data.diagnostics.BadRecords;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.packing.HoldoutSplit;
import io.descent.data.packing.TrainingData;
import io.descent.data.source.InputSpec;
import io.descent.engine.DistributedObjective;
import io.descent.loss.Loss;
import io.descent.loss.ParamLayout;
import io.descent.loss.Regularization;
import io.descent.model.LinearModel;
import io.descent.model.MllibExport;
import io.descent.optim.LipschitzEstimate;
import io.descent.optim.Optimizer;
import io.descent.optim.Problem;
import io.descent.optim.StoppingRule;
import io.descent.predict.HoldoutEvaluation;
import io.descent.report.IterationRecord;
import io.descent.report.MetricsJson;
import io.descent.report.ProgressBar;
import io.descent.report.ReportHtml;
import io.descent.report.ValidationRecord;
import io.descent.store.CheckpointStore;
import io.descent.store.DirectoryLock;
import io.descent.store.DirectoryOverlap;
import io.descent.store.ModelStore;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
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
  private final ProgressBar progress;

  public Trainer(SparkSession spark, TrainConfig config, PrintStream log) {
    this(spark, config, log, null);
  }

  /** With a progress bar redrawn after every iteration (null: none). */
  public Trainer(SparkSession spark, TrainConfig config, PrintStream log, ProgressBar progress) {
    this.spark = spark;
    this.config = config;
    this.log = log;
    this.progress = progress;
  }

  /** What {@link #fit} produced: the model, the loop's outcome, the held-out rows' records. */
  public record Fit(LinearModel model, TrainingLoop.Outcome outcome,
      List<ValidationRecord> validation) {}

  public TrainingResult run() {
    long started = System.nanoTime();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Consumer<String> warn = w -> log.println("warning: " + w);
    refuseOverlaps(new DirectoryOverlap(hadoop));
    ModelStore models = new ModelStore(hadoop, warn);
    models.preflight(config.output(), config.overwrite());
    try (DirectoryLock outputLock =
        DirectoryLock.acquire(hadoop, config.output(), "--output", "descent train", warn)) {
      models.recoverLeftovers(config.output()).forEach(log::println);
      LinearModel warm = config.warmStart() == null ? null
          : models.read(config.warmStart(), "--warm-start");
      CheckpointStore checkpoints = config.checkpointDir() == null ? null
          : new CheckpointStore(hadoop, config.checkpointDir(), config.keepCheckpoints(), warn);
      if (checkpoints != null) {
        checkpoints.preflight();
      }
      try (DirectoryLock checkpointLock = checkpoints == null ? null : DirectoryLock.acquire(
          hadoop, config.checkpointDir(), "--checkpoint-dir", "descent train", warn)) {
        if (checkpoints != null) {
          checkpoints.removeLeftovers().forEach(log::println);
        }
        return loadAndTrain(models, warm, checkpoints, started);
      }
    }
  }

  /**
   * The directories the run writes may be, contain or lie inside nothing else it uses:
   * replacing the output must never delete the input or the checkpoints, and a model inside
   * the input would be read as data by the next run.
   */
  private void refuseOverlaps(DirectoryOverlap overlap) {
    DirectoryOverlap.Use data = new DirectoryOverlap.Use("--data", config.data());
    DirectoryOverlap.Use output = new DirectoryOverlap.Use("--output", config.output());
    DirectoryOverlap.Use checkpoints =
        new DirectoryOverlap.Use("--checkpoint-dir", config.checkpointDir());
    overlap.refuse(output, data);
    overlap.refuse(checkpoints, data);
    overlap.refuse(checkpoints, output);
    // --warm-start may name the output itself: replacing last night's model is the pattern.
  }

  private TrainingResult loadAndTrain(ModelStore models, LinearModel warm,
      CheckpointStore checkpoints, long started) {
    StorageLevel level = StorageLevel.fromString(config.storageLevel());
    TrainingData data = new DataLoader(spark).load(inputSpec(), labelPolicy(config),
        config.partitions(), config.blockBytes(), level,
        new LoadOptions(BadRecords.named(config.badRecords()), config.hashFeatures(),
            FeaturePrecision.named(config.featurePrecision())));
    if (config.partitions() > data.numPartitions()) {
      log.printf("warning: --partitions %d is more than the %d rows; using %d partitions "
          + "(more would only add empty tasks to every pass)%n", config.partitions(),
          data.numRows(), data.numPartitions());
    }
    if (data.skipped().count() > 0) {
      log.println(data.skipped().logLine());
    }
    if (data.hashing() != null) {
      log.println(data.hashing().logLine());
    }
    TrainingData holdout = null;
    try {
      if (config.holdout() > 0) {
        HoldoutSplit.Parts parts = HoldoutSplit.split(data, config.holdout(), config.seed(), level);
        data = parts.training();
        holdout = parts.holdout();
      }
      Fit fit = fit(data, holdout, warm, checkpoints);
      double seconds = (System.nanoTime() - started) / 1e9;
      write(models, fit, summary(fit, data, holdout, seconds));
      log.println("model written to " + config.output());
      return new TrainingResult(fit.model(), fit.outcome().history(), fit.outcome().stopReason(),
          data.numRows(), seconds);
    } finally {
      data.release();
      if (holdout != null) {
        holdout.release();
      }
    }
  }

  /**
   * Trains on loaded data: (warm) start or resume, iterate, and build the model. Held-out
   * rows, when given, are scored after every iteration; {@code warm} and {@code checkpoints}
   * may be null. Writes nothing but checkpoints.
   */
  public Fit fit(TrainingData data, TrainingData holdout, LinearModel warm,
      CheckpointStore checkpoints) {
    Loss loss = config.loss().create(data.labels().numClasses());
    ParamLayout layout = new ParamLayout(data.numFeatures(), loss.numOutputs(), config.intercept());
    log.printf("data: %d rows, %d features, %d partitions, %.1f MB cached; model %s%n",
        data.numRows(), data.numFeatures(), data.numPartitions(), data.arrayBytes() / 1e6, layout);
    if (holdout != null) {
      log.printf("holdout: %d rows held out for validation (fraction %s, seed %d)%n",
          holdout.numRows(), config.holdout(), config.seed());
    }
    DistributedObjective objective =
        new DistributedObjective(data.blocks(), data.weightSum(), loss, layout,
            config.optimizerOptions().aggregationDepth());
    checkDriverMemory(objective, data);
    Regularization reg = new Regularization(config.reg(), config.elasticNet(), layout);
    Problem problem = new Problem(objective, reg);
    Optimizer optimizer = Optimizers.create(config, () -> stepSize(objective, reg));
    double[] x0 = warm == null ? new double[layout.size()] : WarmStart.params(warm, config, layout);

    Optional<CheckpointCodec.Restored> resumed = Optional.empty();
    if (checkpoints != null && "never".equals(config.resume())) {
      checkpoints.clear();
    } else if (checkpoints != null) {
      resumed = Resume.find(checkpoints, config, data.fingerprint(), log);
    }
    AfterIteration after = new AfterIteration(checkpoints, optimizer,
        data.fingerprint().toJson(),
        holdout == null ? null : new HoldoutEvaluation(holdout, loss, layout));
    TrainingLoop loop = new TrainingLoop(problem, optimizer,
        new StoppingRule(config.maxIter(), config.tol(), config.gradTol()), after);
    TrainingLoop.Outcome out = resumed.isPresent()
        ? loop.continueFrom(resumed.get().state(), resumed.get().history())
        : loop.run(x0);
    if (progress != null) {
      progress.clear();
    }
    log.println("stopped: " + out.stopReason());
    LinearModel model = new LinearModel(config.loss(), layout, out.state().x(), data.labels(),
        trainingInfo(out, data, holdout, after.validation),
        data.hashing() == null ? null : data.hashing().scheme());
    return new Fit(model, out, List.copyOf(after.validation));
  }

  /**
   * Refuses, before the first pass, a model whose vectors cannot fit in this driver's heap;
   * says how much of it they will take when that is a noticeable share.
   */
  private void checkDriverMemory(DistributedObjective objective, TrainingData data) {
    boolean local = spark.sparkContext().isLocal();
    int lbfgsMemory = config.optimizerOptions().lbfgsMemory();
    long maxHeap = Runtime.getRuntime().maxMemory();
    StorageLevel level = data.blocks().getStorageLevel();
    long cached = !local ? 0 : DriverMemoryBudget.cachedOnHeap(data.arrayBytes(),
        level.useMemory() && level.deserialized() && !level.useOffHeap(), maxHeap,
        spark.sparkContext().getConf().getDouble("spark.memory.fraction", 0.6));
    int tasks = local ? Math.min(spark.sparkContext().defaultParallelism(), data.numPartitions()) : 0;
    DriverMemoryBudget.Need need = DriverMemoryBudget.need(config.optimizer(), lbfgsMemory,
        config.maxIter(), objective.dimension(), objective.partialsAtDriver(), tasks, cached);
    DriverMemoryBudget.check(need, config.optimizer(), lbfgsMemory, maxHeap);
    if (need.bytes() > 0.1 * DriverMemoryBudget.usable(maxHeap)) {
      log.printf(java.util.Locale.ROOT, "driver memory: about %.2f GiB of parameter-sized vectors%s, "
          + "of %.2f GiB usable (max heap %.2f GiB)%n", need.bytes() / DriverMemoryBudget.GIB,
          cached > 0 ? " and cached data" : "", DriverMemoryBudget.usable(maxHeap) / DriverMemoryBudget.GIB,
          maxHeap / DriverMemoryBudget.GIB);
    }
  }

  /** model.json, metrics.json, report.html and mllib/, published together. */
  private void write(ModelStore models, Fit fit, Map<String, Object> summary) {
    byte[] metrics = MetricsJson.render(fit.outcome().history(), fit.validation(), summary);
    byte[] report = ReportHtml.render(summary, fit.outcome().history(), fit.validation());
    models.write(config.output(), fit.model(), metrics, Map.of(ModelStore.REPORT_HTML, report),
        tmp -> MllibExport.save(fit.model(), spark.sparkContext(),
            new Path(tmp, MllibExport.DIRECTORY).toString()),
        config.overwrite());
  }

  /**
   * After every iteration (and the start): the log line, the held-out rows' record, the
   * progress bar and, when one is due, a checkpoint (not after the last iteration).
   */
  private final class AfterIteration implements Consumer<TrainingLoop.Progress> {
    private final CheckpointStore checkpoints;
    private final Optimizer optimizer;
    private final Map<String, Object> input;
    private final HoldoutEvaluation holdout;
    private final List<ValidationRecord> validation = new ArrayList<>();
    private final long started = System.nanoTime();

    AfterIteration(CheckpointStore checkpoints, Optimizer optimizer, Map<String, Object> input,
        HoldoutEvaluation holdout) {
      this.checkpoints = checkpoints;
      this.optimizer = optimizer;
      this.input = input;
      this.holdout = holdout;
    }

    @Override
    public void accept(TrainingLoop.Progress p) {
      if (progress != null) {
        progress.clear();
      }
      log.println(p.last().logLine());
      int it = p.state().iteration();
      if (holdout != null) {
        ValidationRecord v = holdout.evaluate(it, p.state().x());
        validation.add(v);
        log.println(v.logLine());
      }
      if (progress != null) {
        progress.show(it, (System.nanoTime() - started) / 1e9);
      }
      if (checkpoints == null || p.stopReason() != null || it == 0 || it % config.checkpointEvery() != 0) {
        return;
      }
      checkpoints.save(it, CheckpointCodec.meta(p.state(), optimizer.name(), p.history(),
          config.fingerprint(), input), CheckpointCodec.vectors(p.state()));
    }
  }

  private InputSpec inputSpec() {
    return new InputSpec(config.data(), config.format(), config.labelCol(), config.weightCol(),
        config.featuresCol(), config.numFeatures());
  }

  /** What the loss needs of labels: real values, two classes, or K classes. */
  public static LabelPolicy labelPolicy(TrainConfig config) {
    return LabelPolicy.of(config.loss().labels(), config.positiveLabel());
  }

  /**
   * The given step, or 1/L with L estimated by power iteration on the data Hessian bound
   * ({@link LipschitzEstimate}: a fixed number of passes, deterministic).
   */
  private double stepSize(DistributedObjective objective, Regularization reg) {
    if (config.step() != null) {
      return config.step();
    }
    double lipschitz = LipschitzEstimate.of(objective, reg);
    if (!(lipschitz > 0) || !Double.isFinite(lipschitz)) {
      throw new BadInputException("--step auto: the curvature estimate is " + lipschitz
          + " (every feature value zero, or values too large), so no step size can be "
          + "derived; pass --step.");
    }
    log.printf("step auto: L = %.6g by %d rounds of power iteration (x%.2g safety), step 1/L = %.6g%n",
        lipschitz, LipschitzEstimate.ROUNDS, LipschitzEstimate.SAFETY, 1 / lipschitz);
    return 1 / lipschitz;
  }

  private Map<String, Object> trainingInfo(TrainingLoop.Outcome out, TrainingData data,
      TrainingData holdout, List<ValidationRecord> validation) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("iterations", out.state().iteration());
    t.put("objective", out.state().value());
    t.put("gradientNorm", out.state().evaluation().gradientNorm());
    t.put("stopReason", out.stopReason());
    t.put("optimizer", config.optimizer());
    t.put("rows", data.numRows());
    t.put("partitions", data.numPartitions());
    if (data.skipped().count() > 0) {
      t.put("badRecords", data.skipped().toJson());
    }
    if (data.hashing() != null) {
      t.put("featureHashing", data.hashing().toJson());
    }
    if (holdout != null) {
      t.put("validationRows", holdout.numRows());
      if (!validation.isEmpty()) {
        t.put("validation", validation.get(validation.size() - 1).toJson());
      }
    }
    if (config.warmStart() != null) {
      t.put("warmStartFrom", config.warmStart());
    }
    t.put("config", config.toJson());
    return t;
  }

  private Map<String, Object> summary(Fit fit, TrainingData data, TrainingData holdout,
      double seconds) {
    TrainingLoop.Outcome out = fit.outcome();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("data", config.data());
    s.put("rows", data.numRows());
    if (holdout != null) {
      s.put("validationRows", holdout.numRows());
    }
    s.put("features", data.numFeatures());
    s.put("partitions", data.numPartitions());
    s.put("cachedArrayBytes", data.arrayBytes());
    s.put("loss", config.loss().cliName());
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
    if (!fit.validation().isEmpty()) {
      s.put("validation", fit.validation().get(fit.validation().size() - 1).toJson());
    }
    return s;
  }
}
