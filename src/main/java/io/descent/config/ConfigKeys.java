package io.descent.config;

import io.descent.loss.LossKind;
import io.descent.optim.OptimizerKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every training setting: its name (the same as flag {@code --name} and as key in a
 * {@code --conf} file), its default and what it does. Help text, the config file check
 * and {@link TrainConfig} all read this one table.
 */
public final class ConfigKeys {
  /** One setting. A null default means "none" (required, or off). */
  public record Key(String name, String defaultValue, String description) {}

  public static final List<Key> ALL = List.of(
      new Key("data", null, "Training data: a file or directory, any Hadoop path (file:, hdfs:, s3a:)."),
      new Key("format", null, "libsvm, csv or parquet; default: from the file name (.csv, .parquet, else libsvm)."),
      new Key("label-col", null, "CSV/Parquet label column; default: 'label' if present, else the last column (CSV)."),
      new Key("weight-col", null, "CSV/Parquet instance-weight column; default: every row weighs 1."),
      new Key("features-col", null, "Parquet vector column; default: 'features' if present, else every numeric column."),
      new Key("csv-separator", ",", "CSV: the character between cells, e.g. ';' or \\t (or tab) for tab-separated files."),
      new Key("num-features", null, "Number of features; default: inferred. A larger index is an error."),
      new Key("loss", null, oneOf(LossKind.names()) + " (required)."),
      new Key("positive-label", null, "Binary losses: the label value that means positive, for labels other than {0,1} or {-1,+1}."),
      new Key("output", null, "Model directory to create (required)."),
      new Key("overwrite", "false", "Replace an existing output directory."),
      new Key("optimizer", TrainConfig.AUTO_OPTIMIZER, "auto (chooses from the loss, the penalty,"
          + " the dimension and the driver's heap, and says why on the run's first line: newton"
          + " for smooth losses up to 256 parameters, tron above, lbfgs with L1 or hinge), "
          + OptimizerKind.helpText() + "."),
      new Key("step", "auto", "Step size η, or auto: 1/L with L estimated by power iteration on the data Hessian bound (gd, nesterov, sgd; armijo: the first trial step; normalized: a first move as long as the 1/L gradient step; adam: auto means 0.01). Unused by " + OptimizerKind.withoutStep() + "."),
      new Key("lbfgs-memory", "10", "lbfgs: how many correction pairs (s, y) to keep."),
      new Key("newton-max-dim", "4096", "newton: refuse models with more parameters than this (the Hessian has n² entries)."),
      new Key("batch-fraction", "0.1", "sgd, adam: probability that a row joins an iteration's mini-batch, in (0, 1]."),
      new Key("step-schedule", "constant", "sgd, adam: constant (η), invsqrt (η/√(t+1)) or decay (η/(1+γt), γ = step-decay)."),
      new Key("step-decay", "0.01", "sgd, adam: γ of the decay step schedule."),
      new Key("momentum", "0", "sgd: heavy-ball momentum μ in [0, 1); 0 is plain SGD."),
      new Key("reg", "0", "Regularization strength λ."),
      new Key("elastic-net", "0", "Elastic-net mix α in [0,1]: 0 is L2, 1 is L1."),
      new Key("reg-path", "0", "Fit a regularization path of N values of λ, log-spaced from λ_max (the smallest λ whose model is all zeros, computed from the data as glmnet does) down to reg-min-ratio·λ_max, each warm-started from the one before; with folds or holdout, λ is chosen by its validation loss; 0: no path."),
      new Key("reg-min-ratio", "auto", "The path's λ_min/λ_max; auto: 1e-4 with more rows than features, else 1e-2 (glmnet's)."),
      new Key("reg-values", null, "The path's λ values instead, comma-separated (e.g. 1,0.1,0.01); fitted largest first."),
      new Key("folds", "0", "K-fold cross-validation (K ≥ 2) of every λ of the path (or of --reg alone): rows go to folds by a hash of seed and row index; the K fold models and the all-rows model advance together, one Spark job per step; 0: none."),
      new Key("select", "min", "How the path's λ is chosen: min (least mean validation loss) or one-se (the largest λ within one standard error of it, glmnet's rule)."),
      new Key("intercept", "true", "Fit an intercept (never regularized)."),
      new Key("max-iter", "100", "Iteration budget."),
      new Key("tol", "1e-6", "Stop when the objective changes by less than tol, relative."),
      new Key("grad-tol", "1e-6", "Stop when the gradient norm (minimal subgradient with L1) is below grad-tol."),
      new Key("checkpoint-dir", null, "Directory for checkpoints between steps (any Hadoop path); default: none."),
      new Key("checkpoint-every", "1", "Checkpoint every N iterations."),
      new Key("keep-checkpoints", "3", "How many checkpoints to keep."),
      new Key("resume", "auto", "auto (resume from the newest valid checkpoint), never, or force (ignore fingerprint differences)."),
      new Key("warm-start", null, "Start from the weights of this previous model directory."),
      new Key("partitions", "0", "Number of data partitions; 0: Spark's default parallelism."),
      new Key("seed", "42", "Seed of every random choice."),
      new Key("master", null, "Spark master; default: the one spark-submit gives, else local[*]."),
      new Key("block-bytes", "1048576", "Target size of a cached block of rows, in bytes."),
      new Key("feature-precision", "double", "double or float: float halves the cached feature values, each rounded by ~1e-7 relative (labels, weights and all arithmetic stay double)."),
      new Key("storage-level", "MEMORY_ONLY", "Spark storage level of the cached blocks (MEMORY_AND_DISK for data larger than memory)."),
      new Key("holdout", "0", "Fraction of the rows, in [0, 1), held out (by a hash of seed and row index) and scored after every iteration; 0: none."),
      new Key("bad-records", "fail", "fail: a row that fails validation stops the run (exit 2, file and line named); skip: such rows are dropped, counted and the first few reported (console, model.json)."),
      new Key("hash-features", "0", "Hash features into K = 2^k buckets (0: off): CSV/Parquet only; a string or boolean column, or a CSV cell that is not a number, becomes \"column=value\" with value 1, a number becomes \"column\" with its value; MurmurHash3, seed 42, as Spark ML's FeatureHasher."),
      new Key("aggregation-depth", "2", "Depth of the tree that adds the partitions' partial gradients, as Spark's treeAggregate: 1 sends every partial to the driver; 2 (or more) adds ~√P (P^(1/depth)) of them per executor first when there are many partitions. The order is fixed, so results are bit-identical run to run; changing the depth can change the last bits."));

  /**
   * Spark ML's param names (and the estimator's own) accepted in settings files and
   * {@code --conf key=value} for the settings they mean, so one file serves both.
   */
  public static final Map<String, String> SPARK_ML_NAMES = Map.ofEntries(
      Map.entry("regParam", "reg"), Map.entry("elasticNetParam", "elastic-net"),
      Map.entry("maxIter", "max-iter"), Map.entry("fitIntercept", "intercept"),
      Map.entry("gradTol", "grad-tol"), Map.entry("stepSize", "step"),
      Map.entry("labelCol", "label-col"), Map.entry("weightCol", "weight-col"),
      Map.entry("featuresCol", "features-col"), Map.entry("numFeatures", "num-features"),
      Map.entry("positiveLabel", "positive-label"), Map.entry("numPartitions", "partitions"),
      Map.entry("aggregationDepth", "aggregation-depth"), Map.entry("checkpointDir", "checkpoint-dir"),
      Map.entry("checkpointInterval", "checkpoint-every"), Map.entry("blockBytes", "block-bytes"),
      Map.entry("featurePrecision", "feature-precision"), Map.entry("lbfgsMemory", "lbfgs-memory"),
      Map.entry("newtonMaxDim", "newton-max-dim"), Map.entry("batchFraction", "batch-fraction"),
      Map.entry("stepSchedule", "step-schedule"), Map.entry("stepDecay", "step-decay"));

  private ConfigKeys() {}

  /** The setting a key names: itself, or the setting a Spark ML name stands for. */
  public static String canonical(String key) {
    return SPARK_ML_NAMES.getOrDefault(key, key);
  }

  /** "a, b or c". */
  private static String oneOf(List<String> choices) {
    int last = choices.size() - 1;
    return String.join(", ", choices.subList(0, last)) + " or " + choices.get(last);
  }

  public static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    for (Key k : ALL) {
      d.put(k.name(), k.defaultValue());
    }
    return d;
  }
}
