package io.descent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.descent.config.Settings;
import io.descent.config.TrainConfig;
import io.descent.train.Trainer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * A cross-validated regularization path against one cold fit and against Spark ML's
 * CrossValidator, on the same data in one Spark application: Spark jobs and wall time of
 * (1) Descent's {@code --reg-path N --folds K} (N·(K+1) fits, the fold models advancing
 * together), (2) one cold Descent fit at the path's smallest λ with the same optimizer and
 * tolerances, and (3) Spark ML's {@code CrossValidator} over the same λ grid and K folds
 * ({@code LogisticRegression}, standardization off: the same objective; its default
 * evaluator; then its refit on all rows). Descent's runs include reading the file; Spark
 * ML's frame is read and cached before its clock starts. Prints a Markdown table.
 *
 * <pre>
 * java [Java 17 flags of conf/jvm-options] -Xmx6g -cp "target/classes:$(cat target/classpath.txt)" \
 *     io.descent.bench.PathBenchmark [DATASETS_DIR] [MASTER] [--sets a9a,reuters_lasvm]
 *     [--values 20] [--folds 5] [--alpha 1] [--no-spark-ml] [--work target/path-bench]
 * </pre>
 */
public final class PathBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PathBenchmark() {}

  /** One contender's cost on one set. */
  record Line(String set, String what, long jobs, double seconds, String note) {}

  public static void main(String[] args) throws Exception {
    Path datasets = Paths.get(args.length > 0 && !args[0].startsWith("--") ? args[0]
        : "../shared/datasets");
    String master = args.length > 1 && !args[1].startsWith("--") ? args[1] : "local[2]";
    Map<String, String> o = options(args);
    List<String> sets = List.of(o.getOrDefault("--sets", "a9a,reuters_lasvm").split(","));
    int values = Integer.parseInt(o.getOrDefault("--values", "20"));
    int folds = Integer.parseInt(o.getOrDefault("--folds", "5"));
    String alpha = o.getOrDefault("--alpha", "1");
    boolean sparkMl = !o.containsKey("--no-spark-ml");
    Path work = Paths.get(o.getOrDefault("--work", "target/path-bench"));
    Files.createDirectories(work);
    SparkSession spark = SparkSession.builder().master(master).appName("descent path bench")
        .config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    JobCounter jobs = new JobCounter();
    spark.sparkContext().addSparkListener(jobs);
    List<Line> lines = new ArrayList<>();
    for (String set : sets) {
      String data = datasets.resolve(set).toString();
      Path path = work.resolve(set + "-path");
      Map<String, String> common = new LinkedHashMap<>();
      common.put("data", data);
      common.put("loss", "logistic");
      common.put("elastic-net", alpha);
      common.put("overwrite", "true");
      common.put("partitions", "2");
      Map<String, String> pathArgs = new LinkedHashMap<>(common);
      pathArgs.put("reg-path", Integer.toString(values));
      pathArgs.put("folds", Integer.toString(folds));
      pathArgs.put("output", path.toString());
      Line p = timed(spark, jobs, set, "Descent --reg-path " + values + " --folds " + folds
          + " (" + values * (folds + 1) + " fits)", pathArgs);
      JsonNode doc = JSON.readTree(path.resolve("path.json").toFile());
      JsonNode points = doc.get("path");
      double[] lambdas = new double[points.size()];
      for (int i = 0; i < lambdas.length; i++) {
        lambdas[i] = points.get(i).get("lambda").asDouble();
      }
      p = new Line(p.set(), p.what(), p.jobs(), p.seconds(), String.format(Locale.ROOT,
          "chosen λ %.3g, CV logLoss %.4f", doc.get("chosenLambda").asDouble(),
          points.get(doc.get("chosenIndex").asInt()).get("cvLoss").asDouble()));
      lines.add(p);
      Map<String, String> coldArgs = new LinkedHashMap<>(common);
      coldArgs.put("reg", Double.toString(lambdas[lambdas.length - 1]));
      coldArgs.put("output", work.resolve(set + "-cold").toString());
      Line cold = timed(spark, jobs, set, String.format(Locale.ROOT,
          "Descent one cold fit at the smallest λ (%.3g)", lambdas[lambdas.length - 1]), coldArgs);
      lines.add(cold);
      lines.add(new Line(set, "ratio path / cold fit", -1, p.seconds() / cold.seconds(),
          String.format(Locale.ROOT, "jobs %.2f×, time %.2f×", (double) p.jobs() / cold.jobs(),
              p.seconds() / cold.seconds())));
      if (sparkMl) {
        Line cv = sparkMlCrossValidator(spark, jobs, set, data, lambdas,
            Double.parseDouble(alpha), folds);
        lines.add(cv);
        lines.add(new Line(set, "ratio Spark ML CrossValidator / Descent path", -1,
            cv.seconds() / p.seconds(), String.format(Locale.ROOT, "jobs %.1f×, time %.1f×",
                (double) cv.jobs() / p.jobs(), cv.seconds() / p.seconds())));
      }
      for (Line l : lines.subList(lines.size() - (sparkMl ? 5 : 3), lines.size())) {
        System.out.println(format(l));
      }
    }
    System.out.println();
    System.out.println("| set | run | Spark jobs | seconds | note |");
    System.out.println("| --- | --- | ---: | ---: | --- |");
    for (Line l : lines) {
      System.out.println(format(l));
    }
    spark.stop();
  }

  private static String format(Line l) {
    return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |", l.set(), l.what(),
        l.jobs() < 0 ? "" : Long.toString(l.jobs()),
        l.jobs() < 0 ? "" : String.format(Locale.ROOT, "%.1f", l.seconds()), l.note());
  }

  private static Line timed(SparkSession spark, JobCounter jobs, String set, String what,
      Map<String, String> flags) {
    Settings s = new Settings();
    flags.forEach(s::putFlag);
    int before = jobs.jobs();
    long t0 = System.nanoTime();
    new Trainer(spark, TrainConfig.from(s), new PrintStream(OutputStream.nullOutputStream()))
        .run();
    return new Line(set, what, jobs.jobs() - before, (System.nanoTime() - t0) / 1e9, "");
  }

  /** CrossValidator over regParam ∈ lambdas, K folds, standardization off; then its refit. */
  private static Line sparkMlCrossValidator(SparkSession spark, JobCounter jobs, String set,
      String data, double[] lambdas, double alpha, int folds) {
    Dataset<Row> raw = spark.read().format("libsvm").load(data);
    Dataset<Row> df = raw.withColumn("label",
        functions.when(raw.col("label").gt(0), 1.0).otherwise(0.0)).cache();
    df.count();
    LogisticRegression lr = new LogisticRegression().setStandardization(false)
        .setElasticNetParam(alpha).setTol(1e-6).setMaxIter(100);
    ParamMap[] grid = new ParamGridBuilder().addGrid(lr.regParam(), lambdas).build();
    CrossValidator cv = new CrossValidator()
        .setEstimator(new Pipeline().setStages(new PipelineStage[] {lr}))
        .setEstimatorParamMaps(grid).setEvaluator(new BinaryClassificationEvaluator())
        .setNumFolds(folds).setSeed(42);
    int before = jobs.jobs();
    long t0 = System.nanoTime();
    cv.fit(df);
    double seconds = (System.nanoTime() - t0) / 1e9;
    int spent = jobs.jobs() - before;
    df.unpersist();
    return new Line(set, "Spark ML CrossValidator, " + lambdas.length + " regParam × " + folds
        + " folds (+ refit)", spent, seconds, "LogisticRegression maxIter 100, tol 1e-6");
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
        o.put(args[i], flag ? "" : args[++i]);
      }
    }
    return o;
  }
}
