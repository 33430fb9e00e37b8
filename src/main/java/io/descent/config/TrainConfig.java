package io.descent.config;

import io.descent.BadInputException;
import io.descent.block.LabelKind;
import io.descent.loss.LossKind;
import io.descent.loss.Losses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every setting of a training run: one immutable, validated record built from
 * {@code conf/*.properties} and flags. {@link #toJson()} is what model.json records and
 * what a checkpoint's fingerprint compares.
 */
public record TrainConfig(
    String data,
    String format,
    String labelCol,
    String weightCol,
    String featuresCol,
    Integer numFeatures,
    LossKind loss,
    Double positiveLabel,
    String output,
    boolean overwrite,
    String optimizer,
    Double step,
    double reg,
    double elasticNet,
    boolean intercept,
    int maxIter,
    double tol,
    double gradTol,
    String checkpointDir,
    int checkpointEvery,
    int keepCheckpoints,
    String resume,
    String warmStart,
    int partitions,
    long seed,
    String master,
    long blockBytes,
    String storageLevel,
    Map<String, String> sparkConf,
    OptimizerOptions optimizerOptions,
    double holdout,
    String badRecords,
    int hashFeatures,
    String featurePrecision) {

  public static final List<String> OPTIMIZERS =
      List.of("gd", "armijo", "normalized", "nesterov", "lbfgs", "newton", "sgd", "adam");
  public static final List<String> STEP_SCHEDULES = List.of("constant", "invsqrt", "decay");
  public static final List<String> FORMATS = List.of("libsvm", "csv", "parquet");
  public static final List<String> RESUME_MODES = List.of("auto", "never", "force");
  public static final List<String> BAD_RECORDS = List.of("fail", "skip");
  public static final List<String> FEATURE_PRECISIONS = List.of("double", "float");
  public static final List<String> STORAGE_LEVELS =
      List.of("MEMORY_ONLY", "MEMORY_AND_DISK", "MEMORY_ONLY_SER", "MEMORY_AND_DISK_SER", "DISK_ONLY");

  /** Keys that describe the run but do not change its result: left out of the fingerprint. */
  static final Set<String> NOT_FINGERPRINTED =
      Set.of("output", "overwrite", "checkpointDir", "checkpointEvery", "keepCheckpoints",
          "resume", "master", "maxIter", "storageLevel", "sparkConf", "newtonMaxDim",
          // A load that succeeds under fail reads the same rows under skip.
          "badRecords");

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
    if ("newton".equals(optimizer) && !loss.hasSecondOrder()) {
      throw new BadInputException(s.origin("optimizer") + ": the " + loss + " loss has no "
          + "Hessian that newton can use; newton supports the logistic and squared losses, "
          + "use --optimizer lbfgs for " + loss + ".");
    }
    if (s.has("positive-label") && loss.labels() != LabelKind.BINARY) {
      throw new BadInputException(s.origin("positive-label") + ": a positive label applies to the "
          + String.join(" and ", binaryLosses()) + " losses only, not " + loss + ".");
    }
    return new TrainConfig(
        data,
        r.choice("format", FORMATS),
        r.string("label-col"),
        r.string("weight-col"),
        r.string("features-col"),
        r.positiveIntOrNull("num-features"),
        loss,
        r.doubleOrNull("positive-label"),
        output,
        r.bool("overwrite"),
        optimizer,
        step,
        reg,
        alpha,
        r.bool("intercept"),
        r.intAtLeast("max-iter", 0),
        r.nonNegativeDouble("tol"),
        r.nonNegativeDouble("grad-tol"),
        r.string("checkpoint-dir"),
        r.intAtLeast("checkpoint-every", 1),
        r.intAtLeast("keep-checkpoints", 1),
        r.choice("resume", RESUME_MODES),
        r.string("warm-start"),
        r.intAtLeast("partitions", 0),
        r.longValue("seed"),
        r.string("master"),
        r.longAtLeast("block-bytes", 1024),
        r.choice("storage-level", STORAGE_LEVELS),
        Map.copyOf(s.sparkConf()),
        optimizerOptions(s, r),
        holdoutFraction(s, r),
        r.choice("bad-records", BAD_RECORDS),
        hashBuckets(s, r),
        r.choice("feature-precision", FEATURE_PRECISIONS));
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

  private static OptimizerOptions optimizerOptions(Settings s, Reader r) {
    double fraction = r.doubleValue("batch-fraction");
    if (!(fraction > 0 && fraction <= 1)) {
      throw new BadInputException(s.origin("batch-fraction") + ": " + fraction
          + " is not a fraction of the rows in (0, 1].");
    }
    double momentum = r.nonNegativeDouble("momentum");
    if (momentum >= 1) {
      throw new BadInputException(s.origin("momentum") + ": " + momentum
          + " is not in [0, 1); momentum 1 or more never forgets and diverges.");
    }
    return new OptimizerOptions(r.intAtLeast("lbfgs-memory", 1), r.intAtLeast("newton-max-dim", 1),
        fraction, r.choice("step-schedule", STEP_SCHEDULES), r.nonNegativeDouble("step-decay"),
        momentum, r.intAtLeast("aggregation-depth", 1));
  }

  /** The settings as recorded in model.json (sorted keys, no nulls). */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new TreeMap<>();
    put(m, "data", data);
    put(m, "format", format);
    put(m, "labelCol", labelCol);
    put(m, "weightCol", weightCol);
    put(m, "featuresCol", featuresCol);
    put(m, "numFeatures", numFeatures);
    put(m, "loss", loss.cliName());
    put(m, "positiveLabel", positiveLabel);
    put(m, "output", output);
    put(m, "overwrite", overwrite);
    put(m, "optimizer", optimizer);
    put(m, "step", step == null ? "auto" : step);
    put(m, "reg", reg);
    put(m, "elasticNet", elasticNet);
    put(m, "intercept", intercept);
    put(m, "maxIter", maxIter);
    put(m, "tol", tol);
    put(m, "gradTol", gradTol);
    put(m, "checkpointDir", checkpointDir);
    put(m, "checkpointEvery", checkpointEvery);
    put(m, "keepCheckpoints", keepCheckpoints);
    put(m, "resume", resume);
    put(m, "warmStart", warmStart);
    put(m, "partitions", partitions);
    put(m, "seed", seed);
    put(m, "master", master);
    put(m, "blockBytes", blockBytes);
    put(m, "storageLevel", storageLevel);
    put(m, "lbfgsMemory", optimizerOptions.lbfgsMemory());
    put(m, "newtonMaxDim", optimizerOptions.newtonMaxDim());
    put(m, "batchFraction", optimizerOptions.batchFraction());
    put(m, "stepSchedule", optimizerOptions.stepSchedule());
    put(m, "stepDecay", optimizerOptions.stepDecay());
    put(m, "momentum", optimizerOptions.momentum());
    put(m, "aggregationDepth", optimizerOptions.aggregationDepth());
    if (holdout > 0) {
      m.put("holdout", holdout);
    }
    put(m, "badRecords", badRecords);
    if (hashFeatures > 0) {
      m.put("hashFeatures", hashFeatures);
    }
    // Recorded (and fingerprinted: float rounding changes the result) only when not the
    // default, so that runs and checkpoints from before the setting existed still match.
    if (!"double".equals(featurePrecision)) {
      m.put("featurePrecision", featurePrecision);
    }
    if (!sparkConf.isEmpty()) {
      m.put("sparkConf", new TreeMap<>(sparkConf));
    }
    return m;
  }

  /** The settings that determine the trained model: what a resumed run must agree on. */
  public Map<String, Object> fingerprint() {
    Map<String, Object> m = toJson();
    m.keySet().removeAll(NOT_FINGERPRINTED);
    return m;
  }

  private static void put(Map<String, Object> m, String k, Object v) {
    if (v != null) {
      m.put(k, v);
    }
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
