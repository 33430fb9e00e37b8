package io.descent.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.testing.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** descent bench on tiny synthetic data: every contender runs and gets its table line. */
class BenchSuiteTest {
  @Test
  void everyContenderReportsOnDenseAndSparseData() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BenchSuite.Options o = new BenchSuite.Options(List.of(), true, true, 2_000, 10, 2_000, 500, 5,
        2.0, 5, 1, 10, 4, new LinkedHashSet<>(BenchSuite.METHODS), null,
        io.descent.block.FeaturePrecision.DOUBLE);
    BenchSuite.run(SharedSpark.session(), o, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    for (String method : List.of("| Descent gd | ", "| Descent lbfgs (m = 10) |", "| pure-array loop, 2 threads |",
        "| trivial Spark job (floor) |", "| MLlib GradientDescent |", "| MLlib LBFGS (m = 10) |",
        "| Spark ML LogisticRegression |")) {
      assertTrue(out.split(java.util.regex.Pattern.quote(method), -1).length == 3,
          method + " once per dataset in:\n" + out);
    }
    assertTrue(out.contains("x the arrays"), out);
  }

  @Test
  void syntheticRowsDoNotDependOnThePartitioning() {
    SyntheticSpec spec = SyntheticSpec.sparse(100, 1000, 8, 3.0);
    StringBuilder whole = new StringBuilder();
    StringBuilder parts = new StringBuilder();
    spec.generate(0, 100, (y, idx, val, n) -> whole.append(y).append(java.util.Arrays.toString(
        java.util.Arrays.copyOf(val, n))));
    spec.generate(0, 37, (y, idx, val, n) -> parts.append(y).append(java.util.Arrays.toString(
        java.util.Arrays.copyOf(val, n))));
    spec.generate(37, 100, (y, idx, val, n) -> parts.append(y).append(java.util.Arrays.toString(
        java.util.Arrays.copyOf(val, n))));
    assertTrue(whole.toString().contentEquals(parts));
  }
}
