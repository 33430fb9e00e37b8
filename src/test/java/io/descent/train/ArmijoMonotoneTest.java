package io.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import io.descent.testing.ModelFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** With armijo the recorded objective never increases, on every dataset of the suite. */
class ArmijoMonotoneTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "heart_scale, logistic, 0.01, 0",
      "heart_scale, hinge, 0.01, 0",
      "breast_cancer.csv, logistic, 0.001, 0.5",
      "iris.csv, softmax, 0.01, 0",
      "wine.csv, softmax, 0.001, 0",
      "diabetes.csv, squared, 0.1, 0",
      "cal_housing.csv, squared, 0.1, 0.3",
      "letter.scale, softmax, 0.001, 0",
      "reuters_lasvm, logistic, 0.0001, 0.9"})
  void objectiveNeverIncreases(String file, String loss, String reg, String alpha) {
    Path out = tmp.resolve("m");
    CliRun r = CliRun.of("train", "--data", Datasets.shared(file).toString(), "--loss", loss,
        "--reg", reg, "--elastic-net", alpha, "--optimizer", "armijo", "--max-iter", "40",
        "--output", out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    A9aLogisticOptimumTest.assertNonIncreasing(ModelFiles.metrics(out).get("history"));
  }
}
