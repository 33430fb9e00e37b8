package io.descent.config;

import io.descent.BadInputException;
import io.descent.block.LabelKind;
import io.descent.data.source.CsvSeparator;
import io.descent.loss.LossKind;
import io.descent.loss.Losses;
import io.descent.optim.OptimizerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every setting of a training run: one immutable, validated record built from
 * {@code conf/*.properties} and flags, in four parts. The input, the model and the solver
 * define the result: their settings are the {@link #fingerprint()} a checkpoint's must
 * match. The run's say where and how it goes. {@link #toJson()}, all four, is what
 * model.json records.
 */
public record TrainConfig(InputSettings input, ModelSettings model, SolverSettings solver,
    RunSettings run, PathSettings path) {

  /** Without a regularization path. */
  public TrainConfig(InputSettings input, ModelSettings model, SolverSettings solver,
      RunSettings run) {
    this(input, model, solver, run, PathSettings.NONE);
  }

  /** The default: the trainer picks the optimizer once it knows the data's dimension. */
  public static final String AUTO_OPTIMIZER = "auto";
  public static final List<String> OPTIMIZERS = optimizers();
  public static final List<String> STEP_SCHEDULES = List.of("constant", "invsqrt", "decay");
  public static final List<String> FORMATS = List.of("libsvm", "csv", "parquet");
  public static final List<String> RESUME_MODES = List.of("auto", "never", "force");
  public static final List<String> BAD_RECORDS = List.of("fail", "skip");
  public static final List<String> FEATURE_PRECISIONS = List.of("double", "float");
  public static final List<String> STORAGE_LEVELS =
      List.of("MEMORY_ONLY", "MEMORY_AND_DISK", "MEMORY_ONLY_SER", "MEMORY_AND_DISK_SER", "DISK_ONLY");

  /** Every key accepted in a configuration file, with its default (null: none). */
  public static final Map<String, String> DEFAULTS = ConfigKeys.defaults();

  /** Builds and validates; every error names the flag or the file and key at fault. */
  public static TrainConfig from(Settings s) {
    for (String key : s.keys()) {
      if (!DEFAULTS.containsKey(key)) {
        throw new BadInputException(s.origin(key) + ": unknown setting \"" + key
            + "\"; known settings are " + String.join(", ", DEFAULTS.keySet()) + ".");
      }
    }
    Reader r = new Reader(s);
    String lossName = r.choice("loss", LossKind.names());
    if (lossName == null) {
      throw new BadInputException("--loss is required; use one of " + Losses.NAMES + ".");
    }
    LossKind loss = LossKind.named(lossName);
    String data = r.required("data");
    String output = r.required("output");
    String stepText = r.string("step");
    Double step = "auto".equals(stepText) ? null : r.positiveDouble("step");
    double reg = r.nonNegativeDouble("reg");
    double alpha = r.doubleValue("elastic-net");
    if (alpha < 0 || alpha > 1) {
      throw new BadInputException(s.origin("elastic-net") + ": " + alpha
          + " is outside [0, 1] (0 = pure L2, 1 = pure L1).");
    }
    String optimizer = r.choice("optimizer", OPTIMIZERS);
    LossKind.Hessian needed = AUTO_OPTIMIZER.equals(optimizer) ? LossKind.Hessian.NONE
        : OptimizerKind.named(optimizer).hessianNeeded();
    if (needed != LossKind.Hessian.NONE && !loss.hasHessian(needed)) {
      throw new BadInputException(s.origin("optimizer") + ": the " + loss + " loss has no "
          + "Hessian that " + optimizer + " can use; " + optimizer + " supports the "
          + String.join(", ", LossKind.namesWith(needed)) + " losses; "
          + instead(loss, optimizer) + ".");
    }
    if (s.has("positive-label") && loss.labels() != LabelKind.BINARY) {
      throw new BadInputException(s.origin("positive-label") + ": a positive label applies to the "
          + String.join(" and ", binaryLosses()) + " losses only, not " + loss + ".");
    }
    // Read in this order so that, of several bad values, the same one is reported first.
    String format = r.choice("format", FORMATS);
    String labelCol = r.string("label-col");
    String weightCol = r.string("weight-col");
    String featuresCol = r.string("features-col");
    char csvSeparator = CsvSeparator.parse(r.string("csv-separator"), s.origin("csv-separator"));
    Integer numFeatures = r.positiveIntOrNull("num-features");
    Double positiveLabel = r.doubleOrNull("positive-label");
    boolean overwrite = r.bool("overwrite");
    boolean intercept = r.bool("intercept");
    int maxIter = r.intAtLeast("max-iter", 0);
    double tol = r.nonNegativeDouble("tol");
    double gradTol = r.nonNegativeDouble("grad-tol");
    String checkpointDir = r.string("checkpoint-dir");
    int checkpointEvery = r.intAtLeast("checkpoint-every", 1);
    int keepCheckpoints = r.intAtLeast("keep-checkpoints", 1);
    String resume = r.choice("resume", RESUME_MODES);
    String warmStart = r.string("warm-start");
    int partitions = r.intAtLeast("partitions", 0);
    long seed = r.longValue("seed");
    String master = r.string("master");
    long blockBytes = r.longAtLeast("block-bytes", 1024);
    String storageLevel = r.choice("storage-level", STORAGE_LEVELS);
    Map<String, String> sparkConf = Map.copyOf(s.sparkConf());
    double batchFraction = batchFraction(s, r);
    double momentum = momentum(s, r);
    int lbfgsMemory = r.intAtLeast("lbfgs-memory", 1);
    int newtonMaxDim = r.intAtLeast("newton-max-dim", 1);
    OptimizerOptions options = new OptimizerOptions(lbfgsMemory, batchFraction,
        r.choice("step-schedule", STEP_SCHEDULES), r.nonNegativeDouble("step-decay"), momentum,
        r.intAtLeast("aggregation-depth", 1), s.has("lbfgs-memory"));
    double holdout = holdoutFraction(s, r);
    String badRecords = r.choice("bad-records", BAD_RECORDS);
    int hashFeatures = hashBuckets(s, r);
    String featurePrecision = r.choice("feature-precision", FEATURE_PRECISIONS);
    PathSettings path = pathSettings(s, r, holdout, loss);
    return new TrainConfig(
        new InputSettings(data, format, labelCol, weightCol, featuresCol, numFeatures,
            hashFeatures, holdout, blockBytes, featurePrecision, csvSeparator),
        new ModelSettings(loss, positiveLabel, reg, alpha, intercept),
        new SolverSettings(optimizer, step, options, tol, gradTol, warmStart, partitions, seed),
        new RunSettings(output, overwrite, checkpointDir, checkpointEvery, keepCheckpoints,
            resume, master, storageLevel, sparkConf, maxIter, newtonMaxDim, badRecords),
        path);
  }

  private static PathSettings pathSettings(Settings s, Reader r, double holdout, LossKind loss) {
    int count = r.intAtLeast("reg-path", 0);
    String ratioText = r.string("reg-min-ratio");
    Double ratio = "auto".equals(ratioText) ? null : r.doubleValue("reg-min-ratio");
    if (ratio != null && !(ratio > 0 && ratio < 1)) {
      throw new BadInputException(s.origin("reg-min-ratio") + ": " + ratio
          + " is not in (0, 1) (λ_min as a fraction of λ_max).");
    }
    double[] values = regValues(s, r);
    if (count > 0 && values != null) {
      throw new BadInputException(s.origin("reg-values") + ": give the path either as a count"
          + " (--reg-path) or as values (--reg-values), not both.");
    }
    int folds = r.intAtLeast("folds", 0);
    if (folds == 1) {
      throw new BadInputException(s.origin("folds") + ": cross-validation needs 2 or more"
          + " folds (0 = none).");
    }
    if (folds > 0 && holdout > 0) {
      throw new BadInputException(s.origin("folds") + ": choose λ by --folds or by --holdout,"
          + " not both.");
    }
    String select = r.choice("select", List.of("min", "one-se"));
    if (count > 0 && loss == LossKind.HINGE) {
      throw new BadInputException(s.origin("reg-path") + ": the hinge loss has no smooth"
          + " intercept-only optimum to compute λ_max from; give the values (--reg-values) or"
          + " use squared_hinge.");
    }
    PathSettings p = new PathSettings(count, ratio, values, folds, select);
    if (p.active() && s.has("warm-start")) {
      throw new BadInputException(s.origin("warm-start") + ": a path starts from the all-zero"
          + " model at λ_max and warm-starts each λ from the one before; drop --warm-start.");
    }
    return p;
  }

  private static double[] regValues(Settings s, Reader r) {
    String text = r.string("reg-values");
    if (text == null) {
      return null;
    }
    String[] parts = text.split(",");
    double[] values = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        values[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new BadInputException(s.origin("reg-values") + ": \"" + parts[i].trim()
            + "\" (value " + (i + 1) + ") is not a number.");
      }
      if (!(values[i] >= 0) || !Double.isFinite(values[i])) {
        throw new BadInputException(s.origin("reg-values") + ": " + parts[i].trim()
            + " (value " + (i + 1) + ") is not a finite λ ≥ 0.");
      }
    }
    return values;
  }

  /**
   * This configuration keeping {@code m} L-BFGS pairs: what a run whose driver holds fewer
   * than the default runs, recorded in model.json and the checkpoints' fingerprint.
   */
  public TrainConfig withLbfgsMemory(int m) {
    SolverSettings s = solver;
    return new TrainConfig(input, model, new SolverSettings(s.optimizer(), s.step(),
        s.optimizerOptions().withLbfgsMemory(m), s.tol(), s.gradTol(), s.warmStart(),
        s.partitions(), s.seed()), run, path);
  }

  /**
   * This configuration running {@code optimizer}: what {@code auto} resolves to once the data
   * is loaded (the resolved name is what model.json and the checkpoints' fingerprint record).
   */
  public TrainConfig withOptimizer(String optimizer) {
    SolverSettings s = solver;
    return new TrainConfig(input, model, new SolverSettings(optimizer, s.step(),
        s.optimizerOptions(), s.tol(), s.gradTol(), s.warmStart(), s.partitions(), s.seed()), run,
        path);
  }

  /** This configuration at λ = {@code reg}: one fit of a path. */
  public TrainConfig withReg(double reg) {
    ModelSettings m = model;
    return new TrainConfig(input, new ModelSettings(m.loss(), m.positiveLabel(), reg,
        m.elasticNet(), m.intercept()), solver, run, path);
  }

  private static List<String> optimizers() {
    List<String> names = new ArrayList<>();
    names.add(AUTO_OPTIMIZER);
    names.addAll(OptimizerKind.names());
    return List.copyOf(names);
  }

  /** What to use instead of a second-order optimizer that cannot use the loss. */
  private static String instead(LossKind loss, String optimizer) {
    if (loss == LossKind.HINGE) {
      // Its smooth twin has every Hessian there is.
      return "hinge is not smooth: use --loss squared_hinge (the L2-loss SVM) with " + optimizer
          + ", or --optimizer lbfgs for hinge";
    }
    if (loss.hasHessian(OptimizerKind.TRON.hessianNeeded())) {
      return "use --optimizer tron or lbfgs for " + loss;
    }
    return "use --optimizer lbfgs for " + loss;
  }

  private static List<String> binaryLosses() {
    List<String> names = new ArrayList<>();
    for (LossKind k : LossKind.values()) {
      if (k.labels() == LabelKind.BINARY) {
        names.add(k.cliName());
      }
    }
    return names;
  }

  private static int hashBuckets(Settings s, Reader r) {
    int k = r.intAtLeast("hash-features", 0);
    if (Integer.bitCount(k) > 1) {
      throw new BadInputException(s.origin("hash-features") + ": " + k
          + " is not a power of two (the number of hash buckets, 2^k; 0 = no hashing).");
    }
    return k;
  }

  private static double holdoutFraction(Settings s, Reader r) {
    double f = r.doubleValue("holdout");
    if (!(f >= 0 && f < 1)) {
      throw new BadInputException(s.origin("holdout") + ": " + f
          + " is not a fraction of the rows in [0, 1) (0 = no holdout).");
    }
    return f;
  }

  private static double batchFraction(Settings s, Reader r) {
    double fraction = r.doubleValue("batch-fraction");
    if (!(fraction > 0 && fraction <= 1)) {
      throw new BadInputException(s.origin("batch-fraction") + ": " + fraction
          + " is not a fraction of the rows in (0, 1].");
    }
    return fraction;
  }

  private static double momentum(Settings s, Reader r) {
    double momentum = r.nonNegativeDouble("momentum");
    if (momentum >= 1) {
      throw new BadInputException(s.origin("momentum") + ": " + momentum
          + " is not in [0, 1); momentum 1 or more never forgets and diverges.");
    }
    return momentum;
  }

  /** The solver's optimizer options, also here: Trainer builds the engine from this call. */
  public OptimizerOptions optimizerOptions() {
    return solver.optimizerOptions();
  }

  /**
   * The settings that determine the trained model, what a resumed run must agree on: those of
   * the input, the model and the solver.
   */
  public Map<String, Object> fingerprint() {
    return resultDefining().map();
  }

  /** The settings as model.json records them (sorted keys, no nulls): all four parts. */
  public Map<String, Object> toJson() {
    SettingsJson json = resultDefining();
    run.addTo(json);
    return json.map();
  }

  private SettingsJson resultDefining() {
    SettingsJson json = new SettingsJson();
    input.addTo(json);
    model.addTo(json);
    solver.addTo(json);
    path.addTo(json);
    return json;
  }

  /** Typed reads that fall back to the defaults and name the origin on failure. */
  private static final class Reader {
    private final Settings s;

    Reader(Settings s) {
      this.s = s;
    }

    String string(String key) {
      String v = s.has(key) ? s.get(key) : DEFAULTS.get(key);
      return v == null || v.isEmpty() ? null : v;
    }

    String required(String key) {
      String v = string(key);
      if (v == null) {
        throw new BadInputException("--" + key + " is required.");
      }
      return v;
    }

    String choice(String key, List<String> allowed) {
      String v = string(key);
      if (v != null && !allowed.contains(v)) {
        throw new BadInputException(s.origin(key) + ": \"" + v + "\" is not one of "
            + String.join(", ", allowed) + ".");
      }
      return v;
    }

    boolean bool(String key) {
      String v = string(key);
      if ("true".equalsIgnoreCase(v)) {
        return true;
      }
      if ("false".equalsIgnoreCase(v)) {
        return false;
      }
      throw bad(key, v, "true or false");
    }

    double doubleValue(String key) {
      String v = string(key);
      try {
        double d = Double.parseDouble(v);
        if (!Double.isFinite(d)) {
          throw bad(key, v, "a finite number");
        }
        return d;
      } catch (NumberFormatException | NullPointerException e) {
        throw bad(key, v, "a number");
      }
    }

    Double doubleOrNull(String key) {
      return string(key) == null ? null : doubleValue(key);
    }

    double nonNegativeDouble(String key) {
      double d = doubleValue(key);
      if (d < 0) {
        throw bad(key, string(key), "a number ≥ 0");
      }
      return d;
    }

    double positiveDouble(String key) {
      double d = doubleValue(key);
      if (!(d > 0)) {
        throw bad(key, string(key), "a number > 0 or auto");
      }
      return d;
    }

    long longValue(String key) {
      String v = string(key);
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw bad(key, v, "an integer");
      }
    }

    long longAtLeast(String key, long min) {
      long v = longValue(key);
      if (v < min) {
        throw bad(key, string(key), "an integer ≥ " + min);
      }
      return v;
    }

    int intAtLeast(String key, int min) {
      long v = longAtLeast(key, min);
      if (v > Integer.MAX_VALUE) {
        throw bad(key, string(key), "an integer below 2^31");
      }
      return (int) v;
    }

    Integer positiveIntOrNull(String key) {
      return string(key) == null ? null : intAtLeast(key, 1);
    }

    private BadInputException bad(String key, String value, String expected) {
      return new BadInputException(s.origin(key) + ": \"" + value + "\" is not " + expected + ".");
    }
  }
}
