package io.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import io.descent.testing.DescentProcess;
import io.descent.testing.ModelFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One executor thread (local[1], its own JVM) and four (the shared local[4] session) at a
 * fixed partition count write the same weights, byte for byte: the partials are added in
 * partition order, whatever order the tasks finish in.
 */
class ThreadCountDeterminismIT {
  @TempDir Path tmp;

  @Test
  @Timeout(240)
  void localOneAndLocalFourAgree() throws Exception {
    String[] common = {"train", "--data", Datasets.shared("a9a").toString(), "--loss", "logistic",
        "--reg", "0.01", "--max-iter", "20", "--partitions", "6"};
    Path four = tmp.resolve("four");
    CliRun r = CliRun.of(concat(common, "--output", four.toString()));
    assertEquals(0, r.exitCode(), r.toString());
    Path one = tmp.resolve("one");
    try (DescentProcess p = DescentProcess.start(concat(common, "--output", one.toString(),
        "--master", "local[1]"))) {
      assertEquals(0, p.waitFor(200), p.output());
    }
    assertEquals(ModelFiles.weightsText(four), ModelFiles.weightsText(one));
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
