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
  @Test
  void liblinearWeightsAreOrientedForTheLargerLabel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    String head = "solver_type L2R_LR\nnr_class 2\n";
    java.nio.file.Path first = dir.resolve("plus-first");
    java.nio.file.Files.writeString(first, head + "label 1 -1\nnr_feature 2\nbias -1\nw\n0.5 \n-2 \n");
    java.nio.file.Path second = dir.resolve("minus-first");
    java.nio.file.Files.writeString(second, head + "label -1 1\nnr_feature 2\nbias -1\nw\n0.5 \n-2 \n");
    org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0.5, -2, 0},
        LiblinearAnchor.weights(first, 3));
    org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {-0.5, 2, 0},
        LiblinearAnchor.weights(second, 3));
  }

  @Test
  void hashedCrossesAreTheSameFileOnEveryRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path in = dir.resolve("in");
    java.nio.file.Files.writeString(in, "-1 1:1 3:1 7:1\n+1 2:1 3:1\n");
    HashedCrosses.Summary a = HashedCrosses.write(in, dir.resolve("a"), 6);
    HashedCrosses.Summary b = HashedCrosses.write(in, dir.resolve("b"), 6);
    assertTrue(a.equals(b) && a.rows() == 2 && a.dimension() == 64, a.toString());
    assertTrue(java.util.Arrays.equals(java.nio.file.Files.readAllBytes(dir.resolve("a")),
        java.nio.file.Files.readAllBytes(dir.resolve("b"))));
    // 6 + 3 pairs (i ≤ j), fewer only where two pairs of a row share a bucket.
    assertTrue(a.nonZeros() <= 9 && a.nonZeros() >= 2, a.toString());
    for (String line : java.nio.file.Files.readAllLines(dir.resolve("a"))) {
      int last = 0;
      for (String t : line.split(" ")) {
        if (t.contains(":")) {
          int idx = Integer.parseInt(t.substring(0, t.indexOf(':')));
          assertTrue(idx > last && idx <= 64, line);
          last = idx;
        }
      }
    }
  }
}
