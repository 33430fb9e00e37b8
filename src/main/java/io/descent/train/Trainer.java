package io.descent.train;

import io.descent.BadInputException;
import io.descent.DescentException;
import io.descent.block.FeaturePrecision;
import io.descent.config.InputSettings;
import io.descent.config.TrainConfig;
import io.descent.data.DataLoader;
import io.descent.data.LoadOptions;
import io.descent.data.diagnostics.BadRecords;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.packing.FoldSplit;
import io.descent.data.packing.HoldoutSplit;
import io.descent.data.packing.TrainingData;
import io.descent.data.source.InputSpec;
import io.descent.engine.DistributedObjective;
import io.descent.loss.Loss;
import io.descent.loss.ParamLayout;
import io.descent.loss.Regularization;
import io.descent.model.LinearModel;
import io.descent.model.MllibExport;
import io.descent.model.Software;
import io.descent.optim.LipschitzEstimate;
import io.descent.optim.AutoChoice;
import io.descent.optim.Optimizer;
import io.descent.optim.Problem;
import io.descent.optim.StopReason;
import io.descent.optim.StoppingRule;
import io.descent.predict.HoldoutEvaluation;
import io.descent.report.IterationRecord;
import io.descent.report.MetricsJson;
import io.descent.report.PathCharts;
import io.descent.report.PathPoint;
import io.descent.report.ProgressBar;
import io.descent.report.ReportHtml;
import io.descent.report.ValidationRecord;
import io.descent.store.CheckpointStore;
import io.descent.store.ModelStore;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * One training run: preflight, load, (warm) start, iterate, save. Failures before the model
 * is published leave the output untouched.
 */
public final class Trainer {
  private final SparkSession spark;
  // Replaced once, by the run's configuration, when the driver holds fewer L-BFGS pairs.
  private TrainConfig config;
  /** How --optimizer auto chose, for model.json; null when the optimizer was named. */
  private String optimizerChoice;
  /** The curvature bound --step auto estimated in this run, NaN until it did. */
  private double estimatedLipschitz = Double.NaN;
  private final PrintStream log;
  private final ProgressBar progress;
  private final StopRequest stop;

  public Trainer(SparkSession spark, TrainConfig config, PrintStream log) {
    this(spark, config, log, null, StopRequest.NEVER);
  }

  /**
   * With a progress bar redrawn after every iteration (null: none), and {@code stop} asked
   * after every iteration (a signal ends the run there, with a checkpoint and no model).
   */
  public Trainer(SparkSession spark, TrainConfig config, PrintStream log, ProgressBar progress,
      StopRequest stop) {
    this.spark = spark;
    this.config = config;
    this.log = log;
    this.progress = progress;
    this.stop = stop;
  }

  /** What {@link #fit} produced: the model, the loop's outcome, the held-out rows' records. */
  public record Fit(LinearModel model, TrainingLoop.Outcome outcome,
      List<ValidationRecord> validation) {}

  public TrainingResult run() {
    long started = System.nanoTime();
    return GuardedRun.run(spark.sparkContext().hadoopConfiguration(), config, log,
        (models, warm, checkpoints) -> loadAndTrain(models, warm, checkpoints, started));
  }

  private TrainingResult loadAndTrain(ModelStore models, LinearModel warm,
      CheckpointStore checkpoints, long started) {
    StorageLevel level = StorageLevel.fromString(config.run().storageLevel());
    TrainingData data = new DataLoader(spark).load(inputSpec(), labelPolicy(config),
        config.solver().partitions(), config.input().blockBytes(), level,
        new LoadOptions(BadRecords.named(config.run().badRecords()), config.input().hashFeatures(),
            FeaturePrecision.named(config.input().featurePrecision())));
    if (config.solver().partitions() > data.numPartitions()) {
      log.printf("warning: --partitions %d is more than the %d rows; using %d partitions "
          + "(more would only add empty tasks to every pass)%n", config.solver().partitions(),
          data.numRows(), data.numPartitions());
    }
    if (data.skipped().count() > 0) {
      log.println(data.skipped().logLine());
    }
    if (data.hashing() != null) {
      log.println(data.hashing().logLine());
    }
    if (data.notice() != null) {
      log.println("note: " + data.notice());
    }
    TrainingData holdout = null;
    try {
      if (config.input().holdout() > 0) {
        HoldoutSplit.Parts parts = HoldoutSplit.split(data, config.input().holdout(),
            config.solver().seed(), level);
        data = parts.training();
        holdout = parts.holdout();
      }
      if (config.path().active()) {
        FoldSplit.Folds folds = null;
        if (config.path().folds() > 0) {
          folds = FoldSplit.split(data, config.path().folds(), config.solver().seed(), level);
          data = folds.data();
        }
        return trainPath(models, data, folds, holdout, checkpoints, started);
      }
      Fit fit = fit(data, holdout, warm, checkpoints);
      double seconds = (System.nanoTime() - started) / 1e9;
      write(models, fit, summary(fit, data, holdout, seconds));
      log.println("model written to " + config.run().output());
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
   * {@link #fit} without holdout, with the checkpoint directory of the configuration (if any)
   * preflighted and locked as a command-line run holds it, so that a fit after a crash
   * resumes from its newest checkpoint: the Spark ML estimator's entry.
   */
  public Fit fitCheckpointed(TrainingData data, LinearModel warm) {
    return GuardedRun.withCheckpoints(spark.sparkContext().hadoopConfiguration(), config, log,
        checkpoints -> fit(data, null, warm, checkpoints));
  }

  /**
   * Trains on loaded data: (warm) start or resume, iterate, and build the model. Held-out
   * rows, when given, are scored after every iteration; {@code warm} and {@code checkpoints}
   * may be null. Writes nothing but checkpoints.
   */
  public Fit fit(TrainingData data, TrainingData holdout, LinearModel warm,
      CheckpointStore checkpoints) {
    Setup setup = prepare(data, holdout);
    Loss loss = setup.loss();
    ParamLayout layout = setup.layout();
    DistributedObjective objective = setup.objective();
    Regularization reg =
        new Regularization(config.model().reg(), config.model().elasticNet(), layout);
    Problem problem = new Problem(objective, reg);
    Optimizer optimizer = Optimizers.create(config, () -> stepSize(objective, reg));
    double[] x0 = warm == null ? new double[layout.size()] : WarmStart.params(warm, config, layout);

    Optional<CheckpointCodec.Restored> resumed = Optional.empty();
    if (checkpoints != null && "never".equals(config.run().resume())) {
      checkpoints.clear();
    } else if (checkpoints != null) {
      resumed = Resume.find(checkpoints, config, data.fingerprint(), optimizer, log);
    }
    HoldoutEvaluation holdoutEvaluation =
        holdout == null ? null : new HoldoutEvaluation(holdout, loss, layout);
    HoldoutScoring scoring =
        holdoutEvaluation == null ? null : new HoldoutScoring(holdoutEvaluation, log);
    List<Consumer<TrainingLoop.Progress>> printing = printing(scoring);
    ProgressBarRedraw bar = progress == null ? null : new ProgressBarRedraw(progress, printing);
    List<Consumer<TrainingLoop.Progress>> listeners =
        new ArrayList<>(bar == null ? printing : List.of(bar));
    if (checkpoints != null) {
      listeners.add(new PeriodicCheckpoints(checkpoints, config.run().checkpointEvery(), optimizer,
          config.fingerprint(), data.fingerprint().toJson(),
          resumed.map(r -> r.history().size()).orElse(0)));
    }
    TrainingLoop loop = new TrainingLoop(problem, optimizer,
        new StoppingRule(config.run().maxIter(), config.solver().tol(), config.solver().gradTol()),
        listeners, stop).withCurvatureBound(() -> curvatureBound(objective, reg));
    TrainingLoop.Outcome out = resumed.isPresent()
        ? loop.continueFrom(resumed.get().state(), resumed.get().history())
        : loop.run(x0);
    if (bar != null) {
      bar.finish();
    }
    if (out.stopReason() == StopReason.SIGNALLED) {
      throw stoppedBySignal(out.state().iteration(), checkpoints != null);
    }
    log.println("stopped: " + out.stopReason());
    double lastIterate = out.history().get(out.history().size() - 1).objective();
    if (out.state().value() != lastIterate) {
      log.printf("model: the iterates' moving average, objective %.10g |grad| %.3e (the last"
          + " iterate's objective: %.10g)%n", out.state().value(),
          out.state().evaluation().gradientNorm(), lastIterate);
    }
    List<ValidationRecord> validation =
        scoring == null ? List.of() : List.copyOf(scoring.records());
    LinearModel model = new LinearModel(config.model().loss(), layout, out.state().x(),
        data.labels(),
        trainingInfo(out, data, holdout, validation),
        data.hashing() == null ? null : data.hashing().scheme(), data.columns());
    return new Fit(model, out, validation);
  }

  /** The loss, the parameters' layout and the data term of a run on {@code data}. */
  private record Setup(Loss loss, ParamLayout layout, DistributedObjective objective) {}

  /**
   * Builds the run's objective, resolves --optimizer auto and checks the driver's memory (this
   * may replace {@link #config}), and prints the data's line.
   */
  private Setup prepare(TrainingData data, TrainingData holdout) {
    Loss loss = config.model().loss().create(data.labels().numClasses());
    ParamLayout layout =
        new ParamLayout(data.numFeatures(), loss.numOutputs(), config.model().intercept());
    DistributedObjective objective =
        new DistributedObjective(data.blocks(), data.weightSum(), loss, layout,
            config.optimizerOptions().aggregationDepth());
    // First, so that the optimizer auto chose and a changed lbfgs-memory lead the run's lines.
    if (TrainConfig.AUTO_OPTIMIZER.equals(config.solver().optimizer())) {
      // A path's λ are positive (bar an explicit 0): with α > 0 it has an L1 part.
      double reg = config.path().active() ? 1.0 : config.model().reg();
      AutoChoice.Choice choice = AutoChoice.choose(config.model().loss(), reg,
          config.model().elasticNet(), objective.dimension(), config.run().newtonMaxDim(),
          DriverHeapCheck.fitting(spark.sparkContext(), config, data, objective.dimension(),
              objective.partialsAtDriver()));
      optimizerChoice = "auto: " + choice.kind().optimizerName() + ", as " + choice.why();
      log.printf("optimizer auto: %s, as %s%n", choice.kind().optimizerName(), choice.why());
      config = config.withOptimizer(choice.kind().optimizerName());
    }
    config = DriverHeapCheck.check(spark.sparkContext(), config, data, objective.dimension(),
        objective.partialsAtDriver(), log);
    log.printf("data: %d rows, %d features, %d partitions, %.1f MB cached; model %s%n",
        data.numRows(), data.numFeatures(), data.numPartitions(), data.arrayBytes() / 1e6, layout);
    if (holdout != null) {
      log.printf("holdout: %d rows held out for validation (fraction %s, seed %d)%n",
          holdout.numRows(), config.input().holdout(), config.solver().seed());
    }
    return new Setup(loss, layout, objective);
  }

  /**
   * A regularization path ({@link PathRun}): the chosen λ's all-rows model is written as an
   * ordinary model, with path.json beside it.
   */
  private TrainingResult trainPath(ModelStore models, TrainingData data, FoldSplit.Folds folds,
      TrainingData holdout, CheckpointStore checkpoints, long started) {
    PathFit fit = fitPath(data, folds, holdout, checkpoints);
    PathRun.Result path = fit.path();
    PathPoint point = path.points().get(path.chosen());
    LinearModel model = fit.model();
    double lambda = path.lambdas()[path.chosen()];
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("data", config.input().data());
    summary.put("rows", data.numRows());
    summary.put("features", data.numFeatures());
    summary.put("loss", config.model().loss().cliName());
    summary.put("optimizer", config.solver().optimizer());
    summary.put("lambda", lambda);
    summary.put("iterations", point.iterations());
    summary.put("stopReason", point.stopReason());
    summary.put("objective", point.objective());
    summary.put("seconds", seconds);
    summary.put("jobs", path.jobs());
    byte[] metrics = MetricsJson.render(path.history(), List.of(), summary);
    double[][] coefficients = new double[path.solutions().size()][];
    for (int i = 0; i < coefficients.length; i++) {
      coefficients[i] = coefficientsOf(path.solutions().get(i), model.layout());
    }
    byte[] report = ReportHtml.render(summary, path.history(), List.of(),
        PathCharts.plots(path.points(), coefficients, path.chosen()));
    models.write(config.run().output(), model, metrics,
        Map.of(ModelStore.REPORT_HTML, report, PathJson.FILE, PathJson.render(path, config.path())),
        tmp -> MllibExport.save(model, spark.sparkContext(),
            new Path(tmp, MllibExport.DIRECTORY).toString()),
        config.run().overwrite());
    log.printf("path: %d values of λ, %d Spark jobs in all, %.1f s%n", path.lambdas().length,
        path.jobs(), seconds);
    log.println("model written to " + config.run().output());
    return new TrainingResult(model, path.history(),
        StopReason.fromText(point.stopReason()), data.numRows(), seconds);
  }

  /** {@link #fitPath} with the configuration's checkpoint directory (the estimator's entry). */
  public PathFit fitPathCheckpointed(TrainingData data, FoldSplit.Folds folds) {
    return GuardedRun.withCheckpoints(spark.sparkContext().hadoopConfiguration(), config, log,
        checkpoints -> fitPath(data, folds, null, checkpoints));
  }

  /** A path's outcome and the chosen λ's all-rows model. */
  public record PathFit(LinearModel model, PathRun.Result path) {
    public List<PathPoint> points() {
      return path.points();
    }

    public double chosenLambda() {
      return path.lambdas()[path.chosen()];
    }

    public List<IterationRecord> history() {
      return path.history();
    }
  }

  /**
   * Fits the configured path on loaded data ({@code folds}: how {@code data} was split, or
   * null; {@code holdout} may be null) and builds the chosen λ's model. Writes nothing but
   * checkpoints.
   */
  public PathFit fitPath(TrainingData data, FoldSplit.Folds folds, TrainingData holdout,
      CheckpointStore checkpoints) {
    Setup setup = prepare(data, holdout);
    PathRun.Result path;
    try {
      path = new PathRun(config, log, stop, spark.sparkContext().hadoopConfiguration(),
          reg -> stepSize(setup.objective(), reg))
          .fit(data, folds, holdout, checkpoints, setup.loss(), setup.layout());
    } catch (PathRun.SignalledException e) {
      throw new DescentException(stop.exitCode(), "stopped by " + stop.signal() + " at λ "
          + (e.index + 1) + (checkpoints != null
              ? "; the checkpoints in " + config.run().checkpointDir() + " resume it: run the same command again."
              : "; there are no checkpoints (no --checkpoint-dir), so a new run starts over."));
    }
    double lambda = path.lambdas()[path.chosen()];
    TrainConfig chosen = config.withReg(lambda);
    PathPoint point = path.points().get(path.chosen());
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("iterations", point.iterations());
    t.put("objective", point.objective());
    t.put("gradientNorm", path.gradientNorm());
    t.put("stopReason", point.stopReason());
    t.put("optimizer", config.solver().optimizer());
    if (optimizerChoice != null) {
      t.put("optimizerChoice", optimizerChoice);
    }
    t.put("rows", data.numRows());
    t.put("partitions", data.numPartitions());
    t.put("path", PathJson.summary(path, config.path()));
    if (holdout != null) {
      t.put("validationRows", holdout.numRows());
    }
    t.put("config", chosen.toJson());
    t.put("software", Software.current().toJson());
    Map<String, Object> profile = ProfileRecord.of(data, config.input());
    if (profile != null) {
      t.put("dataProfile", profile);
    }
    LinearModel model = new LinearModel(config.model().loss(), setup.layout(), path.params(),
        data.labels(), t, data.hashing() == null ? null : data.hashing().scheme(),
        data.columns());
    return new PathFit(model, path);
  }

  /** The coefficients of parameters {@code x}, without the intercepts. */
  private static double[] coefficientsOf(double[] x, ParamLayout layout) {
    double[] w = new double[layout.numOutputs() * layout.numFeatures()];
    for (int c = 0; c < layout.numOutputs(); c++) {
      for (int j = 0; j < layout.numFeatures(); j++) {
        w[c * layout.numFeatures() + j] = x[layout.coefficientIndex(c, j)];
      }
    }
    return w;
  }

  /** The listeners that print, in the order of their lines: the iteration's, the holdout's. */
  private List<Consumer<TrainingLoop.Progress>> printing(HoldoutScoring scoring) {
    List<Consumer<TrainingLoop.Progress>> printing = new ArrayList<>();
    printing.add(new ConsoleLines(log));
    if (scoring != null) {
      printing.add(scoring);
    }
    return printing;
  }

  /** model.json, metrics.json, report.html and mllib/, published together. */
  private void write(ModelStore models, Fit fit, Map<String, Object> summary) {
    byte[] metrics = MetricsJson.render(fit.outcome().history(), fit.validation(), summary);
    byte[] report = ReportHtml.render(summary, fit.outcome().history(), fit.validation());
    models.write(config.run().output(), fit.model(), metrics,
        Map.of(ModelStore.REPORT_HTML, report),
        tmp -> MllibExport.save(fit.model(), spark.sparkContext(),
            new Path(tmp, MllibExport.DIRECTORY).toString()),
        config.run().overwrite());
  }

  /** A stop asked for by a signal: no model, and the line that says how to go on. */
  private DescentException stoppedBySignal(int iteration, boolean checkpointed) {
    return new DescentException(stop.exitCode(), "stopped by " + stop.signal() + " at iteration "
        + iteration + (checkpointed && iteration > 0
            ? "; the checkpoint in " + config.run().checkpointDir() + " resumes it: run the same command again."
            : "; there is no checkpoint (no --checkpoint-dir, or no iteration yet), so a new run starts over."));
  }

  private InputSpec inputSpec() {
    InputSettings in = config.input();
    return new InputSpec(in.data(), in.format(), in.labelCol(), in.weightCol(), in.featuresCol(),
        in.numFeatures(), in.csvSeparator());
  }

  /** What the loss needs of labels: real values, two classes, or K classes. */
  public static LabelPolicy labelPolicy(TrainConfig config) {
    return LabelPolicy.of(config.model().loss().labels(), config.model().positiveLabel());
  }

  /**
   * The given step, or 1/L with L estimated by power iteration on the data Hessian bound
   * ({@link LipschitzEstimate}: a fixed number of passes, deterministic).
   */
  private double stepSize(DistributedObjective objective, Regularization reg) {
    if (config.solver().step() != null) {
      return config.solver().step();
    }
    double lipschitz = LipschitzEstimate.of(objective, reg);
    estimatedLipschitz = lipschitz;
    if (!(lipschitz > 0) || !Double.isFinite(lipschitz)) {
      throw new BadInputException("--step auto: the curvature estimate is " + lipschitz
          + " (every feature value zero, or values too large), so no step size can be "
          + "derived; pass --step.");
    }
    log.printf("step auto: L = %.6g by %d rounds of power iteration (x%.2g safety), step 1/L = %.6g%n",
        lipschitz, LipschitzEstimate.ROUNDS, LipschitzEstimate.SAFETY, 1 / lipschitz);
    return 1 / lipschitz;
  }

  /**
   * L for the divergence advice: the estimate --step auto already made, else a new one; NaN
   * when it cannot be estimated (the advice falls back).
   */
  private double curvatureBound(DistributedObjective objective, Regularization reg) {
    if (!Double.isNaN(estimatedLipschitz)) {
      return estimatedLipschitz;
    }
    try {
      return LipschitzEstimate.of(objective, reg);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  private Map<String, Object> trainingInfo(TrainingLoop.Outcome out, TrainingData data,
      TrainingData holdout, List<ValidationRecord> validation) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("iterations", out.state().iteration());
    t.put("objective", out.state().value());
    t.put("gradientNorm", out.state().evaluation().gradientNorm());
    t.put("stopReason", out.stopReason().text());
    t.put("optimizer", config.solver().optimizer());
    if (optimizerChoice != null) {
      t.put("optimizerChoice", optimizerChoice);
    }
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
    if (config.solver().warmStart() != null) {
      t.put("warmStartFrom", config.solver().warmStart());
    }
    t.put("config", config.toJson());
    t.put("software", Software.current().toJson());
    Map<String, Object> profile = ProfileRecord.of(data, config.input());
    if (profile != null) {
      t.put("dataProfile", profile);
    }
    return t;
  }

  private Map<String, Object> summary(Fit fit, TrainingData data, TrainingData holdout,
      double seconds) {
    TrainingLoop.Outcome out = fit.outcome();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("data", config.input().data());
    s.put("rows", data.numRows());
    if (holdout != null) {
      s.put("validationRows", holdout.numRows());
    }
    s.put("features", data.numFeatures());
    s.put("partitions", data.numPartitions());
    s.put("cachedArrayBytes", data.arrayBytes());
    s.put("loss", config.model().loss().cliName());
    s.put("optimizer", config.solver().optimizer());
    s.put("iterations", out.state().iteration());
    s.put("stopReason", out.stopReason().text());
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
