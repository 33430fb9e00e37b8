package io.descent.bench;

import io.descent.data.DataLoader;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.packing.TrainingData;
import io.descent.data.source.InputSpec;
import io.descent.engine.DistributedObjective;
import io.descent.loss.LossKind;
import io.descent.loss.ParamLayout;
import io.descent.loss.Regularization;
import io.descent.optim.AcceleratedGradient;
import io.descent.optim.ArmijoDescent;
import io.descent.optim.GradientDescent;
import io.descent.optim.Lbfgs;
import io.descent.optim.LipschitzEstimate;
import io.descent.optim.NewtonMethod;
import io.descent.optim.NormalizedGradient;
import io.descent.optim.Optimizer;
import io.descent.optim.OptimizerState;
import io.descent.optim.Problem;
import io.descent.optim.Step;
import io.descent.optim.StepSchedule;
import io.descent.optim.StochasticGradient;
import io.descent.optim.Tron;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * Descent's optimizers, Spark ML's LogisticRegression and LIBLINEAR on the same data in one
 * run (L2-regularized logistic regression or softmax, no intercept): iterations, passes over
 * the data (Spark jobs) and wall time until the objective is within 1e-6 (relative) of the
 * optimum F*. F* is Newton's at a gradient norm of 1e-13 when d ≤ 4096; above, tron's at a
 * gradient norm of 1e-10, cross-checked by lbfgs (to 1e-9, or as far as it gets in
 * {@code --check-seconds}). Every Descent method and Spark ML use the same cached data in the
 * same Spark application; LIBLINEAR ({@code train -s 0}) is timed as a whole process, reading
 * its file included, and its weights are scored with Descent's F. Each dataset and λ runs
 * {@code --rounds} times (methods in the same order) and the last, JIT-warm, round is
 * reported.
 *
 * <pre>
 * java [Java 17 flags of conf/jvm-options] -Xmx6g -cp "target/classes:$(cat target/classpath.txt)" \
 *     io.descent.bench.OptimizerBenchmark [DATASETS_DIR] [MASTER] [--lambdas 1e-4,0.1]
 *     [--sets a9a,ijcnn1,reuters_lasvm,a9a-crosses[,sector,skin_nonskin]] [--rounds 2]
 *     [--first-order-sets a9a] [--liblinear /work/liblinear] [--work target/optimizer-bench]
 *     [--method-seconds 60] [--spark-max-iter 400] [--check-seconds 30]
 *     [--big-lambdas 1e-4] [--big-rounds 1]
 * </pre>
 * DATASETS_DIR defaults to ../shared/datasets, MASTER to local[2]. The first-order methods
 * (gd, armijo, normalized, nesterov, sgd) run only on the sets of {@code --first-order-sets}
 * and only at λ ≥ 0.01: at λ = 1e-4 they need thousands of passes. {@code a9a-crosses} is
 * generated under {@code --work} by {@link HashedCrosses} (a9a's pairwise crosses in 2^20
 * buckets). Sets of more than 100,000 parameters run only the λ of {@code --big-lambdas},
 * {@code --big-rounds} times. A method that ends below F* (by more than 1e-12 relative) is
 * flagged: F* would then be wrong. Prints a Markdown table.
 */
public final class OptimizerBenchmark {
  private static final double RELATIVE = 1e-6;
  private static final int MAX_ITER = 3000;
  /** Above this many parameters F* comes from tron, not newton (newton's default limit). */
  private static final int NEWTON_MAX_DIM = 4096;
  private static final int CROSS_BITS = 20;
  /** Sets with more parameters than this take {@code --big-lambdas} and {@code --big-rounds}. */
  private static final int BIG = 100_000;

  private final SparkSession spark;
  private final JobCounter jobs = new JobCounter();
  private final Options o;
  private final LiblinearAnchor liblinear;

  /** The settings of one run. */
  record Options(String dir, String master, double[] lambdas, List<String> sets, int rounds,
      List<String> firstOrderSets, String liblinear, Path work, double methodSeconds,
      int sparkMaxIter, double checkSeconds, double[] bigLambdas, int bigRounds) {

    static Options parse(String[] args) {
      List<String> pos = new ArrayList<>();
      Map<String, String> kv = new LinkedHashMap<>();
      for (int i = 0; i < args.length; i++) {
        if (args[i].startsWith("--")) {
          kv.put(args[i].substring(2), args[++i]);
        } else {
          pos.add(args[i]);
        }
      }
      double[] lambdas = Arrays.stream(kv.getOrDefault("lambdas", "1e-4,0.1").split(","))
          .mapToDouble(Double::parseDouble).toArray();
      return new Options(pos.size() > 0 ? pos.get(0) : "../shared/datasets",
          pos.size() > 1 ? pos.get(1) : "local[2]", lambdas,
          List.of(kv.getOrDefault("sets", "a9a,ijcnn1,reuters_lasvm,a9a-crosses").split(",")),
          Integer.parseInt(kv.getOrDefault("rounds", "2")),
          List.of(kv.getOrDefault("first-order-sets", "a9a").split(",")),
          kv.getOrDefault("liblinear", "/work/liblinear"),
          Paths.get(kv.getOrDefault("work", "target/optimizer-bench")),
          Double.parseDouble(kv.getOrDefault("method-seconds", "60")),
          Integer.parseInt(kv.getOrDefault("spark-max-iter", "400")),
          Double.parseDouble(kv.getOrDefault("check-seconds", "30")),
          Arrays.stream(kv.getOrDefault("big-lambdas", "1e-4").split(","))
              .mapToDouble(Double::parseDouble).toArray(),
          Integer.parseInt(kv.getOrDefault("big-rounds", "1")));
    }
  }

  /** A dataset: where it is, how its labels read, its loss. */
  private record DataSet(String name, Path path, String format, LabelPolicy policy,
      Integer numFeatures, LossKind loss) {}

  OptimizerBenchmark(SparkSession spark, Options o) {
    this.spark = spark;
    this.o = o;
    this.liblinear = LiblinearAnchor.find(o.liblinear());
    spark.sparkContext().addSparkListener(jobs);
  }

  public static void main(String[] args) {
    Options o = Options.parse(args);
    SparkSession spark = SparkSession.builder().master(o.master()).appName("descent-optimizer-bench")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      OptimizerBenchmark bench = new OptimizerBenchmark(spark, o);
      List<String> rows = new ArrayList<>();
      List<String> optima = new ArrayList<>();
      for (String set : o.sets()) {
        rows.addAll(bench.dataset(bench.resolve(set), optima));
      }
      System.out.println();
      optima.forEach(System.out::println);
      System.out.println();
      System.out.println("| dataset | λ | method | reached | iterations | passes | Spark jobs | seconds | time / Spark ML | F at the end |");
      System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
      rows.forEach(System.out::println);
    } finally {
      spark.stop();
    }
  }

  private DataSet resolve(String name) {
    Path dir = Paths.get(o.dir());
    switch (name) {
      case "a9a", "ijcnn1", "reuters_lasvm":
        return new DataSet(name, dir.resolve(name), "libsvm", LabelPolicy.binary(null), null,
            LossKind.LOGISTIC);
      case "skin_nonskin":
        return new DataSet(name, dir.resolve("skin_nonskin.csv"), "csv", LabelPolicy.binary(1.0),
            null, LossKind.LOGISTIC);
      case "a9a-crosses":
        Path out = o.work().toAbsolutePath().resolve("a9a-crosses-2p" + CROSS_BITS);
        HashedCrosses.Summary s = HashedCrosses.write(dir.resolve("a9a"), out, CROSS_BITS);
        System.out.println("a9a-crosses: " + s + " -> " + out);
        return new DataSet(name, out, "libsvm", LabelPolicy.binary(null), 1 << CROSS_BITS,
            LossKind.LOGISTIC);
      case "sector":
        return new DataSet(name, dir.resolve("sector.scale.gz"), "libsvm", LabelPolicy.classes(),
            null, LossKind.SOFTMAX);
      default:
        throw new IllegalArgumentException("unknown dataset " + name);
    }
  }

  private List<String> dataset(DataSet set, List<String> optima) {
    int partitions = spark.sparkContext().defaultParallelism();
    TrainingData data = new DataLoader(spark).load(new InputSpec(set.path().toString(),
        set.format(), null, null, null, set.numFeatures()), set.policy(), partitions,
        DataLoader.DEFAULT_BLOCK_BYTES, StorageLevel.MEMORY_ONLY());
    boolean softmax = set.loss() == LossKind.SOFTMAX;
    Dataset<Row> ml = sparkMlFrame(set, data.numFeatures()).persist(StorageLevel.MEMORY_ONLY());
    ml.count();
    try {
      int k = set.loss().create(data.labels().numClasses()).numOutputs();
      ParamLayout layout = new ParamLayout(data.numFeatures(), k, false);
      DistributedObjective objective = new DistributedObjective(data.blocks(), data.weightSum(),
          set.loss().create(data.labels().numClasses()), layout);
      List<String> rows = new ArrayList<>();
      boolean big = layout.size() > BIG;
      int rounds = big ? o.bigRounds() : o.rounds();
      for (double lambda : big ? o.bigLambdas() : o.lambdas()) {
        Regularization reg = new Regularization(lambda, 0.0, layout);
        String optimumNote = optimum(objective, reg, layout.size());
        double optimum = Double.parseDouble(optimumNote.substring(0, optimumNote.indexOf(' ')));
        double target = optimum + RELATIVE * Math.abs(optimum);
        String header = String.format(Locale.ROOT,
            "%s (%d rows, %d features, %d parameters, %d partitions), λ = %s: F* = %s",
            set.name(), data.numRows(), data.numFeatures(), layout.size(), data.numPartitions(),
            BenchResult.lambdaText(lambda), optimumNote);
        System.out.println(header);
        optima.add("- " + header);

        List<Method> methods = methods(set.name(), lambda, layout.size());
        List<BenchResult> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          results.clear();
          results.add(SparkMlBaseline.run(set.name(), ml, lambda, target, jobs, o.sparkMaxIter(),
              softmax ? "multinomial" : "binomial"));
          System.out.println("  round " + round + ": " + results.get(results.size() - 1));
          for (Method m : methods) {
            results.add(runDescent(set.name(), m, objective, reg, layout.size(), target));
            System.out.println("  round " + round + ": " + results.get(results.size() - 1));
          }
          if (liblinear != null && !softmax) {
            results.addAll(liblinear(set, data, objective, reg, lambda, target));
          }
        }
        if (liblinear != null && softmax) {
          System.out.println("  LIBLINEAR: -s 0 is one-vs-rest for several classes, not softmax;"
              + " skipped");
        }
        double sparkSeconds = results.get(0).seconds();
        for (BenchResult r : results) {
          if (r.objective() < optimum - 1e-12 * Math.abs(optimum)) {
            String warning = String.format(Locale.ROOT, "  WARNING: %s ends at F = %.15f, below"
                + " F* = %.15f: F* is not the optimum", r.method(), r.objective(), optimum);
            System.out.println(warning);
            optima.add(warning);
          }
          rows.add(r.row(lambda, sparkSeconds));
        }
      }
      return rows;
    } finally {
      data.release();
      ml.unpersist();
    }
  }

  /**
   * LIBLINEAR at -e 1e-4 (LIBLINEAR's own stopping rule, relative to the gradient at 0) and,
   * when that stops short of the target, at ten times smaller tolerances until it reaches it
   * (down to 1e-8): whole-process wall time, iterations, CG products; F of its weights.
   */
  private List<BenchResult> liblinear(DataSet set, TrainingData data, DistributedObjective objective,
      Regularization reg, double lambda, double target) {
    List<BenchResult> out = new ArrayList<>();
    Path file = set.path();
    if (set.path().toString().endsWith(".gz") || !set.format().equals("libsvm")) {
      System.out.println("  LIBLINEAR: reads plain LIBSVM text only; skipped for " + set.name());
      return out;
    }
    for (double eps = 1e-4; eps >= 1e-8; eps /= 10) {
      LiblinearAnchor.Run run = liblinear.train(file, lambda, data.numRows(), eps,
          data.numFeatures(), o.work().resolve("liblinear"));
      double f = new Problem(objective, reg).evaluate(run.weights()).value();
      BenchResult r = new BenchResult(set.name(),
          String.format(Locale.ROOT, "LIBLINEAR -s 0 -e %s (whole process, 1 thread)",
              String.format(Locale.ROOT, "%.0e", eps).replace("e-0", "e-")),
          run.iterations(), -1, -1, run.seconds(), f, f <= target,
          run.cgProducts() + " Hv + " + (run.iterations() + 1) + " f/g");
      System.out.println("  " + r);
      out.add(r);
      if (r.reached()) {
        break;
      }
    }
    return out;
  }

  /** The Spark ML input: label 0/1 (or 0 … K−1) and a features vector, from the same file. */
  private Dataset<Row> sparkMlFrame(DataSet set, int numFeatures) {
    String path = set.path().toString();
    if (set.format().equals("libsvm")) {
      Dataset<Row> df = spark.read().format("libsvm")
          .option("numFeatures", Integer.toString(numFeatures)).load(path);
      if (set.loss() == LossKind.SOFTMAX) {
        // sector's classes are 1 … K, all present: Descent trains them as 0 … K−1.
        return df.withColumn("label", df.col("label").minus(1.0));
      }
      return df.withColumn("label", functions.when(df.col("label").gt(0), 1.0).otherwise(0.0));
    }
    Dataset<Row> csv = spark.read().option("header", "true").option("inferSchema", "true").csv(path);
    String[] cols = csv.columns();
    String labelCol = cols[cols.length - 1];
    String[] features = Arrays.copyOf(cols, cols.length - 1);
    Dataset<Row> assembled = new VectorAssembler().setInputCols(features).setOutputCol("features")
        .transform(csv);
    return assembled.select(
        functions.when(assembled.col(labelCol).equalTo(set.policy().positiveLabel()), 1.0)
            .otherwise(0.0).alias("label"), assembled.col("features"));
  }

  /** A Descent method; {@code make} gets the auto step (or NaN when it needs none). */
  private record Method(String name, boolean needsStep, DoubleFunction<Optimizer> make) {}

  private List<Method> methods(String set, double lambda, int dim) {
    List<Method> all = new ArrayList<>();
    if (lambda >= 0.01 && dim <= NEWTON_MAX_DIM && o.firstOrderSets().contains(set)) {
      all.add(new Method("gd --step auto", true, GradientDescent::new));
      all.add(new Method("armijo", true, ArmijoDescent::new));
      all.add(new Method("normalized", true, NormalizedGradient::new));
      all.add(new Method("nesterov", true, AcceleratedGradient::new));
    }
    all.add(new Method("lbfgs", false, s -> new Lbfgs(10)));
    if (dim <= NEWTON_MAX_DIM) {
      all.add(new Method("newton", false, s -> new NewtonMethod(NEWTON_MAX_DIM)));
    }
    // As OptimizerKind.TRON builds it.
    all.add(new Method("tron", false, s -> new Tron()));
    if (lambda >= 0.01 && dim <= NEWTON_MAX_DIM && o.firstOrderSets().contains(set)) {
      all.add(new Method("sgd (batch 0.1)", true, s -> new StochasticGradient(
          StochasticGradient.Update.SGD, s, StepSchedule.CONSTANT, 0, 0, 0.1, 42)));
    }
    return all;
  }

  private BenchResult runDescent(String dataset, Method m, DistributedObjective objective,
      Regularization reg, int dim, double target) {
    int jobsBefore = jobs.jobs();
    long started = System.nanoTime();
    Problem problem = new Problem(objective, reg);
    long extraPasses = 0;
    double step = Double.NaN;
    if (m.needsStep()) {
      step = 1 / LipschitzEstimate.of(objective, reg);
      extraPasses = LipschitzEstimate.ROUNDS;
    }
    Optimizer opt = m.make().apply(step);
    OptimizerState s = opt.start(problem, new double[dim]);
    long deadline = started + (long) (o.methodSeconds() * 1e9);
    while (s.value() > target && s.iteration() < MAX_ITER && System.nanoTime() < deadline) {
      Step next = opt.step(problem, s);
      if (next.stopReason() != null) {
        break;
      }
      s = next.state();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new BenchResult(dataset, m.name(), s.iteration(), problem.passes() + extraPasses,
        jobs.jobs() - jobsBefore, seconds, s.value(), s.value() <= target);
  }

  /**
   * F* and how it was found, "F* (how)": Newton to a gradient norm of 1e-13 when d ≤ 4096;
   * above, tron to a gradient norm of 1e-10, and lbfgs from zero to 1e-9 (or for at most
   * {@code --check-seconds}) as a cross-check.
   */
  private String optimum(DistributedObjective objective, Regularization reg, int dim) {
    if (dim <= NEWTON_MAX_DIM) {
      Result r = iterate(new NewtonMethod(NEWTON_MAX_DIM), objective, reg, dim, 1e-13, 100, 1e9);
      return String.format(Locale.ROOT, "%.12f (newton, %d iterations, ‖∇F‖ = %.1e)", r.value,
          r.iterations, r.gradNorm);
    }
    Result t = iterate(new Tron(), objective, reg, dim, 1e-10, 500, 1e9);
    Result l = iterate(new Lbfgs(10), objective, reg, dim, 1e-9, 100_000, o.checkSeconds());
    return String.format(Locale.ROOT,
        "%.12f (tron, %d iterations, ‖∇F‖ = %.1e, %.1f s; lbfgs cross-check: F = %.12f, "
            + "‖∇F‖ = %.1e after %d iterations, %.1f s, relative difference %.1e)",
        t.value, t.iterations, t.gradNorm, t.seconds, l.value, l.gradNorm, l.iterations,
        l.seconds, (l.value - t.value) / Math.abs(t.value));
  }

  private record Result(double value, double gradNorm, int iterations, double seconds) {}

  private static Result iterate(Optimizer opt, DistributedObjective objective, Regularization reg,
      int dim, double gradTol, int maxIter, double maxSeconds) {
    long started = System.nanoTime();
    Problem problem = new Problem(objective, reg);
    OptimizerState s = opt.start(problem, new double[dim]);
    while (s.iteration() < maxIter && s.evaluation().gradientNorm() > gradTol
        && System.nanoTime() - started < maxSeconds * 1e9) {
      Step step = opt.step(problem, s);
      if (step.stopReason() != null) {
        break;
      }
      s = step.state();
    }
    return new Result(s.value(), s.evaluation().gradientNorm(), s.iteration(),
        (System.nanoTime() - started) / 1e9);
  }
}
