package io.descent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;

/**
 * The model fixture of {@code io.descent.cli.CrossLineModelTest}: a heart_scale model trained
 * on the Spark 3.5 line with explicit settings, and the probabilities {@code descent predict}
 * gave with it there. Regenerate it (only when a change of the numerics is intended) on the
 * default line with
 * {@code java [flags] -cp target/classes:target/test-classes:[test classpath]
 * io.descent.testing.CrossLineFixture src/test/resources/cross-line}.
 */
public final class CrossLineFixture {
  /** The settings of the training run, every one explicit. */
  public static final List<String> TRAIN_FLAGS = List.of("--loss", "logistic", "--optimizer",
      "lbfgs", "--reg", "0.01", "--elastic-net", "0", "--intercept", "true", "--max-iter", "50",
      "--tol", "1e-9", "--partitions", "2", "--seed", "7");
  public static final String MODEL = "heart_scale-model";
  public static final String PROBABILITIES = "heart_scale-probabilities.txt";

  private CrossLineFixture() {}

  public static Path heartScale() {
    return Datasets.sample("heart_scale");
  }

  /** descent predict's probabilities with {@code model} on heart_scale, in input order. */
  public static List<Double> probabilities(Path model, Path work) {
    Path out = work.resolve("predictions");
    CliRun r = CliRun.of("predict", "--model", model.toString(), "--data", heartScale().toString(),
        "--output", out.toString());
    if (r.exitCode() != 0) {
      throw new IllegalStateException(r.toString());
    }
    List<Double> p = new ArrayList<>();
    for (Row row : PredictionFiles.rows(out)) {
      p.add(row.getDouble(row.fieldIndex("probability")));
    }
    return p;
  }

  public static void main(String[] args) throws IOException {
    Path dir = Paths.get(args[0]).toAbsolutePath();
    Path model = dir.resolve(MODEL);
    List<String> train = new ArrayList<>(List.of("train", "--data", heartScale().toString(),
        "--output", model.toString(), "--overwrite"));
    train.addAll(TRAIN_FLAGS);
    CliRun r = CliRun.of(train.toArray(String[]::new));
    if (r.exitCode() != 0) {
      throw new IllegalStateException(r.toString());
    }
    // The fixture is the model itself: no history, no report.
    Files.delete(model.resolve("metrics.json"));
    Files.delete(model.resolve("report.html"));
    Path work = Files.createTempDirectory("cross-line");
    List<String> lines = new ArrayList<>();
    for (double p : probabilities(model, work)) {
      lines.add(Double.toString(p));
    }
    Files.write(dir.resolve(PROBABILITIES), lines);
    try (Stream<Path> s = Files.walk(work)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    SharedSpark.session().stop();
  }
}
