package io.descent.bench;

import io.descent.block.Block;
import io.descent.engine.DistributedObjective;
import io.descent.loss.Loss;
import io.descent.loss.LossKind;
import io.descent.loss.ParamLayout;
import io.descent.loss.Regularization;
import io.descent.optim.GradientDescent;
import io.descent.optim.Lbfgs;
import io.descent.optim.OptimizerState;
import io.descent.optim.Problem;
import io.descent.optim.Step;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.optimization.GradientDescent$;
import org.apache.spark.mllib.optimization.LBFGS$;
import org.apache.spark.mllib.optimization.LogisticGradient;
import org.apache.spark.mllib.optimization.SquaredL2Updater;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.RDDInfo;

/**
 * Seconds per iteration of L2-regularized logistic regression (λ = 1e-4, no intercept) on one
 * cached dataset, every contender in the same JVM and Spark application: Descent gd, MLlib
 * GradientDescent (full batch) and LBFGS, Spark ML LogisticRegression, the same kernel on
 * plain arrays with two threads (the practical limit) and a trivial Spark job (the floor of
 * any one-job iteration). Descent, the loop and the floor are timed per iteration; MLlib and
 * Spark ML, which iterate inside one call, by the gaps between their jobs' starts.
 */
final class SpeedBenchmark {
  static final List<String> METHODS =
      List.of("descent", "descent-lbfgs", "array", "floor", "mllib-gd", "mllib-lbfgs", "ml-lr");
  private static final double LAMBDA = 1e-4;
  /**
   * Untimed iterations first, at least this many and for at least {@link #WARMUP_SECONDS}: the
   * first Spark jobs of a JVM run 5-10x slower until JIT-compiled, and whoever runs first
   * would otherwise pay for everyone.
   */
  private static final int WARMUP = 5;
  private static final double WARMUP_SECONDS = 5;

  /**
   * One contender's line: median seconds per iteration, passes over the data per iteration,
   * and over {@code rounds} rounds the fastest and slowest round's seconds.
   */
  record Line(String method, double secondsPerIteration, double passesPerIteration,
      double fastest, double slowest, int rounds) {
    Line(String method, double secondsPerIteration, double passesPerIteration) {
      this(method, secondsPerIteration, passesPerIteration, secondsPerIteration,
          secondsPerIteration, 1);
    }
  }

  private final SparkSession spark;
  private final int iterations;
  private final int lbfgsMemory;
  private final Set<String> methods;
  private final PrintStream log;
  private final JobClock clock = new JobClock();

  SpeedBenchmark(SparkSession spark, int iterations, int lbfgsMemory, Set<String> methods,
      PrintStream log) {
    this.spark = spark;
    this.iterations = iterations;
    this.lbfgsMemory = lbfgsMemory;
    this.methods = methods;
    this.log = log;
    spark.sparkContext().addSparkListener(clock);
  }

  /**
   * Every contender {@code rounds} times, the order rotated each round so that none always
   * runs first (the first pays for warming Spark's JIT-compiled paths for the others); a
   * contender's line is its median round, with the fastest and slowest rounds beside it.
   */
  List<Line> run(BenchData data, int rounds) throws Exception {
    ParamLayout layout = new ParamLayout(data.features, 1, false);
    Loss loss = LossKind.LOGISTIC.create(1);
    List<String> order = new ArrayList<>(methods);
    Map<String, List<Line>> byMethod = new LinkedHashMap<>();
    for (String m : order) {
      byMethod.put(m, new ArrayList<>());
    }
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < order.size(); i++) {
        String m = order.get((i + r) % order.size());
        log.printf(Locale.ROOT, "  round %d/%d: %s ...%n", r + 1, rounds, m);
        byMethod.get(m).add(run(m, data, loss, layout));
      }
    }
    List<Line> lines = new ArrayList<>();
    for (List<Line> runs : byMethod.values()) {
      List<Line> sorted = new ArrayList<>(runs);
      sorted.sort(Comparator.comparingDouble(Line::secondsPerIteration));
      Line mid = sorted.get(sorted.size() / 2);
      lines.add(new Line(mid.method(), mid.secondsPerIteration(), mid.passesPerIteration(),
          sorted.get(0).secondsPerIteration(), sorted.get(sorted.size() - 1).secondsPerIteration(),
          runs.size()));
    }
    return lines;
  }

  private Line run(String m, BenchData data, Loss loss, ParamLayout layout) throws Exception {
    return switch (m) {
      case "descent" -> descent(data, loss, layout);
      case "descent-lbfgs" -> descentLbfgs(data, loss, layout);
      case "array" -> arrayLoop(data, loss, layout);
      case "floor" -> floor(data);
      case "mllib-gd" -> mllibGd(data);
      case "mllib-lbfgs" -> mllibLbfgs(data);
      default -> sparkMl(data);
    };
  }

  /** What the cache holds, by Spark's own storage info, against the arrays' bytes. */
  String storage(BenchData data) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "arrays of the blocks: %.1f MB", data.arrayBytes / 1e6));
    for (RDDInfo info : spark.sparkContext().getRDDStorageInfo()) {
      s.append(String.format(Locale.ROOT, "; cached '%s': %.1f MB in memory", info.name(),
          info.memSize() / 1e6));
      if ("bench blocks".equals(info.name()) || info.name().startsWith("descent blocks")) {
        s.append(String.format(Locale.ROOT, " (%.3f x the arrays)", info.memSize() / (double) data.arrayBytes));
      }
    }
    return s.toString();
  }

  private Line descent(BenchData data, Loss loss, ParamLayout layout) throws Exception {
    DistributedObjective f = new DistributedObjective(data.blocks, data.rows, loss, layout);
    Problem problem = new Problem(f, new Regularization(LAMBDA, 0, layout));
    GradientDescent gd = new GradientDescent(1.0);
    OptimizerState[] s = {gd.start(problem, new double[layout.size()])};
    long before = problem.passes();
    double seconds = medianOf(() -> s[0] = gd.step(problem, s[0]).state());
    return new Line("Descent gd", seconds, (problem.passes() - before) / (double) calls);
  }

  /**
   * L-BFGS iterations from zero, after an untimed warm-up run from zero, so the timed steps
   * are the first {@code iterations} of a real run (the early ones, whose line searches are
   * the longest) rather than steps stalled at the optimum.
   */
  private Line descentLbfgs(BenchData data, Loss loss, ParamLayout layout) throws Exception {
    DistributedObjective f = new DistributedObjective(data.blocks, data.rows, loss, layout);
    Problem problem = new Problem(f, new Regularization(LAMBDA, 0, layout));
    Lbfgs lbfgs = new Lbfgs(lbfgsMemory);
    OptimizerState[] s = {lbfgs.start(problem, new double[layout.size()])};
    long warmEnd = System.nanoTime() + (long) (WARMUP_SECONDS * 1e9);
    for (int w = 0; w < WARMUP || System.nanoTime() < warmEnd; w++) {
      Step step = lbfgs.step(problem, s[0]);
      s[0] = step.stopReason() == null ? step.state() : lbfgs.start(problem, new double[layout.size()]);
    }
    s[0] = lbfgs.start(problem, new double[layout.size()]);
    long before = problem.passes();
    double[] t = new double[iterations];
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      Step step = lbfgs.step(problem, s[0]);
      t[i] = (System.nanoTime() - start) / 1e9;
      // At the optimum a step stalls; timing more of those would time failed searches.
      s[0] = step.stopReason() == null ? step.state() : lbfgs.start(problem, new double[layout.size()]);
    }
    return new Line("Descent lbfgs (m = " + lbfgsMemory + ")", median(t),
        (problem.passes() - before) / (double) iterations);
  }

  private Line arrayLoop(BenchData data, Loss loss, ParamLayout layout) throws Exception {
    double[] w = new double[layout.size()];
    double[] g = new double[layout.size()];
    try (ArrayLoop loop = new ArrayLoop(data.localBlocks(), 2, loss, layout)) {
      double seconds = medianOf(() -> {
        loop.valueAndGradient(w, g);
        for (int j = 0; j < w.length; j++) {
          w[j] -= 1e-6 * g[j];
        }
      });
      return new Line("pure-array loop, 2 threads", seconds, 1);
    }
  }

  private Line floor(BenchData data) throws Exception {
    double seconds = medianOf(() -> data.blocks.mapPartitions(new RowCount()).collect());
    return new Line("trivial Spark job (floor)", seconds, 1);
  }

  /** An iteration of a contender timed in this JVM. */
  private interface Iteration {
    void run() throws Exception;
  }

  /** Calls made by the last {@link #medianOf}, warm-up included. */
  private int calls;

  /**
   * Median seconds of {@code iterations} timed calls, after at least {@link #WARMUP} calls and
   * {@link #WARMUP_SECONDS} of untimed ones.
   */
  private double medianOf(Iteration body) throws Exception {
    calls = 0;
    long warmEnd = System.nanoTime() + (long) (WARMUP_SECONDS * 1e9);
    for (int w = 0; w < WARMUP || System.nanoTime() < warmEnd; w++) {
      body.run();
      calls++;
    }
    double[] t = new double[iterations];
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      body.run();
      t[i] = (System.nanoTime() - start) / 1e9;
      calls++;
    }
    return median(t);
  }

  private Line mllibGd(BenchData data) {
    mllibGdRun(data, WARMUP);
    int from = clock.jobs();
    mllibGdRun(data, iterations + 1);
    // The first job counts the rows; each iteration is then one treeAggregate job.
    int jobs = clock.jobs() - from - 1;
    double passes = jobs / (double) (iterations + 1);
    return new Line("MLlib GradientDescent", clock.medianGap(from + 1) * passes, passes);
  }

  private void mllibGdRun(BenchData data, int its) {
    GradientDescent$.MODULE$.runMiniBatchSGD(data.mllib().rdd(), new LogisticGradient(),
        new SquaredL2Updater(), 1.0, its, LAMBDA, 1.0, Vectors.zeros(data.features), 0.0);
  }

  private Line mllibLbfgs(BenchData data) {
    lbfgs(data, WARMUP);
    int from = clock.jobs();
    scala.Tuple2<org.apache.spark.mllib.linalg.Vector, double[]> r = lbfgs(data, iterations + 1);
    int its = Math.max(1, r._2().length - 1);
    double passes = (clock.jobs() - from) / (double) its;
    return new Line("MLlib LBFGS (m = " + lbfgsMemory + ")", clock.medianGap(from) * passes, passes);
  }

  private scala.Tuple2<org.apache.spark.mllib.linalg.Vector, double[]> lbfgs(BenchData data, int its) {
    return LBFGS$.MODULE$.runLBFGS(data.mllib().rdd(), new LogisticGradient(),
        new SquaredL2Updater(), lbfgsMemory, 1e-12, its, LAMBDA, Vectors.zeros(data.features));
  }

  private Line sparkMl(BenchData data) {
    sparkMlFit(data, WARMUP);
    int from = clock.jobs();
    LogisticRegressionModel model = sparkMlFit(data, iterations + 1);
    int its = Math.max(1, model.summary().totalIterations());
    double passes = (clock.jobs() - from) / (double) its;
    return new Line("Spark ML LogisticRegression", clock.medianGap(from) * passes, passes);
  }

  private LogisticRegressionModel sparkMlFit(BenchData data, int its) {
    return new LogisticRegression().setRegParam(LAMBDA).setElasticNetParam(0)
        .setStandardization(false).setFitIntercept(false).setTol(0).setMaxIter(its)
        .setFamily("binomial").fit(data.ml());
  }

  /** The rows of a partition, one number: the least a job over the cached blocks can do. */
  private static final class RowCount implements FlatMapFunction<Iterator<Block>, double[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<double[]> call(Iterator<Block> blocks) {
      double n = 0;
      while (blocks.hasNext()) {
        n += blocks.next().numRows();
      }
      return List.of(new double[] {n}).iterator();
    }
  }

  static String table(List<Line> lines) {
    double descent = lines.stream().filter(l -> l.method().equals("Descent gd"))
        .mapToDouble(Line::secondsPerIteration).findFirst().orElse(Double.NaN);
    StringBuilder s = new StringBuilder("| method | s/iter | passes/iter | time / Descent's "
        + "| rounds: fastest – slowest s/iter |\n| --- | --- | --- | --- | --- |\n");
    for (Line l : lines) {
      s.append(String.format(Locale.ROOT, "| %s | %.4f | %.2f | %.2f | %d: %.4f – %.4f |%n", l.method(),
          l.secondsPerIteration(), l.passesPerIteration(), l.secondsPerIteration() / descent,
          l.rounds(), l.fastest(), l.slowest()));
    }
    return s.toString();
  }

  private static double median(double[] t) {
    double[] c = t.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }
}
