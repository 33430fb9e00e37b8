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
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * Every Descent optimizer and Spark ML's LogisticRegression on the same cached data in the
 * same run (L2-regularized logistic regression, λ = 0.1, no intercept): iterations, passes
 * over the data (Spark jobs) and wall time until the objective is within 1e-6 (relative) of
 * the optimum. The optimum is Newton's, iterated to a gradient norm of 1e-13. Each method
 * runs twice and the second (JIT-warm) run is reported.
 *
 * <pre>
 * java -cp "target/classes:$(cat target/classpath.txt)" [Java 17 --add-opens flags] \
 *     io.descent.bench.OptimizerBenchmark [DATASETS_DIR] [MASTER]
 * </pre>
 * DATASETS_DIR defaults to ../shared/datasets, MASTER to local[2]. Prints a Markdown table.
 */
public final class OptimizerBenchmark {
  private static final double LAMBDA = 0.1;
  private static final double RELATIVE = 1e-6;
  private static final int MAX_ITER = 3000;

  private final SparkSession spark;
  private final JobCounter jobs = new JobCounter();

  OptimizerBenchmark(SparkSession spark) {
    this.spark = spark;
    spark.sparkContext().addSparkListener(jobs);
  }

  public static void main(String[] args) {
    String dir = args.length > 0 ? args[0] : "../shared/datasets";
    String master = args.length > 1 ? args[1] : "local[2]";
    SparkSession spark = SparkSession.builder().master(master).appName("descent-optimizer-bench")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      OptimizerBenchmark bench = new OptimizerBenchmark(spark);
      List<String> rows = new ArrayList<>();
      rows.addAll(bench.dataset("a9a", Paths.get(dir, "a9a").toString(), "libsvm",
          LabelPolicy.binary(null)));
      rows.addAll(bench.dataset("skin_nonskin", Paths.get(dir, "skin_nonskin.csv").toString(),
          "csv", LabelPolicy.binary(1.0)));
      System.out.println();
      System.out.println("| dataset | method | reached | iterations | passes | Spark jobs | seconds | time / Spark ML |");
      System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
      rows.forEach(System.out::println);
    } finally {
      spark.stop();
    }
  }

  private List<String> dataset(String name, String path, String format, LabelPolicy policy) {
    int partitions = spark.sparkContext().defaultParallelism();
    TrainingData data = new DataLoader(spark).load(new InputSpec(path, format, null, null, null, null),
        policy, partitions, DataLoader.DEFAULT_BLOCK_BYTES, StorageLevel.MEMORY_ONLY());
    Dataset<Row> ml = sparkMlFrame(path, format, policy).persist(StorageLevel.MEMORY_ONLY());
    ml.count();
    try {
      ParamLayout layout = new ParamLayout(data.numFeatures(), 1, false);
      DistributedObjective objective = new DistributedObjective(data.blocks(), data.weightSum(),
          LossKind.LOGISTIC.create(1), layout);
      Regularization reg = new Regularization(LAMBDA, 0.0, layout);
      double optimum = optimum(objective, reg, layout.size());
      double target = optimum + RELATIVE * Math.abs(optimum);
      System.out.printf(Locale.ROOT, "%s: %d rows, %d features, %d partitions; F* = %.12f%n",
          name, data.numRows(), data.numFeatures(), data.numPartitions(), optimum);

      List<BenchResult> results = new ArrayList<>();
      for (int round = 0; round < 2; round++) {
        results.clear();
        results.add(SparkMlBaseline.run(name, ml, LAMBDA, target, jobs));
        for (Method m : methods()) {
          results.add(runDescent(name, m, objective, reg, layout.size(), target));
        }
      }
      double spark = results.get(0).seconds();
      List<String> rows = new ArrayList<>();
      for (BenchResult r : results) {
        System.out.println(r);
        rows.add(r.row(0, spark));
      }
      return rows;
    } finally {
      data.release();
      ml.unpersist();
    }
  }

  /** The Spark ML input: label 0/1 and a features vector, from the same file. */
  private Dataset<Row> sparkMlFrame(String path, String format, LabelPolicy policy) {
    if (format.equals("libsvm")) {
      Dataset<Row> df = spark.read().format("libsvm").option("numFeatures", "123").load(path);
      return df.withColumn("label", functions.when(df.col("label").gt(0), 1.0).otherwise(0.0));
    }
    Dataset<Row> csv = spark.read().option("header", "true").option("inferSchema", "true").csv(path);
    String[] cols = csv.columns();
    String labelCol = cols[cols.length - 1];
    String[] features = java.util.Arrays.copyOf(cols, cols.length - 1);
    Dataset<Row> assembled = new VectorAssembler().setInputCols(features).setOutputCol("features")
        .transform(csv);
    return assembled.select(
        functions.when(assembled.col(labelCol).equalTo(policy.positiveLabel()), 1.0).otherwise(0.0)
            .alias("label"), assembled.col("features"));
  }

  /** A Descent method; {@code make} gets the auto step (or NaN when it needs none). */
  private record Method(String name, boolean needsStep, DoubleFunction<Optimizer> make) {}

  private static List<Method> methods() {
    return List.of(
        new Method("gd --step auto", true, GradientDescent::new),
        new Method("armijo", true, ArmijoDescent::new),
        new Method("normalized", true, NormalizedGradient::new),
        new Method("nesterov", true, AcceleratedGradient::new),
        new Method("lbfgs", false, s -> new Lbfgs(10)),
        new Method("newton", false, s -> new NewtonMethod(4096)),
        new Method("sgd (batch 0.1)", true, s -> new StochasticGradient(
            StochasticGradient.Update.SGD, s, StepSchedule.CONSTANT, 0, 0, 0.1, 42)));
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
    while (s.value() > target && s.iteration() < MAX_ITER) {
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

  /** F* by Newton to a gradient norm of 1e-13 (or until it can no longer decrease F). */
  private static double optimum(DistributedObjective objective, Regularization reg, int dim) {
    Problem problem = new Problem(objective, reg);
    NewtonMethod newton = new NewtonMethod(4096);
    OptimizerState s = newton.start(problem, new double[dim]);
    for (int i = 0; i < 100 && s.evaluation().gradientNorm() > 1e-13; i++) {
      Step step = newton.step(problem, s);
      if (step.stopReason() != null) {
        break;
      }
      s = step.state();
    }
    return s.value();
  }
}
