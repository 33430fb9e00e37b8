package io.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.testing.CliRun;
import io.descent.testing.DescentProcess;
import io.descent.testing.ModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resume test at issue 9's size: 2·10⁷ features (160 MB per vector), a 4 GB driver as
 * {@code DESCENT_DRIVER_MEMORY=4g} gives, checkpoints of x and ∇F streamed to disk every
 * iteration. A run killed with SIGKILL after iteration 3 and run again must end with the
 * weights of an uninterrupted run, bit for bit.
 */
class HighDimensionResumeIT {
  private static final String FEATURES = "20000000";
  @TempDir Path tmp;

  @Test
  @Timeout(900)
  void aKilledTwentyMillionFeatureRunResumesToTheSameModel() throws Exception {
    Path data = tmp.resolve("data");
    CliRun written = CliRun.of("bench", "--sparse", "--sparse-rows", "20000", "--sparse-features",
        FEATURES, "--nnz", "20", "--skew", "3", "--write-libsvm", data.toString());
    assertEquals(0, written.exitCode(), written.toString());

    List<String> common = List.of("train", "--data", data.resolve("sparse").toString(),
        "--num-features", FEATURES, "--loss", "logistic", "--reg", "1e-6", "--optimizer", "gd",
        "--step", "4", "--max-iter", "6", "--tol", "0", "--grad-tol", "0", "--master", "local[2]");

    Path reference = tmp.resolve("reference");
    try (DescentProcess whole = DescentProcess.startWithHeap("4g",
        args(common, "--output", reference.toString()))) {
      assertEquals(0, whole.waitFor(300), whole.output());
    }

    Path out = tmp.resolve("model");
    String[] resumable = args(common, "--output", out.toString(), "--checkpoint-dir",
        tmp.resolve("ck").toString());
    try (DescentProcess first = DescentProcess.startWithHeap("4g", resumable)) {
      assertTrue(first.awaitLine(l -> l.startsWith("iter     3 "), 300), first.output());
      first.kill();
    }
    assertFalse(Files.exists(out), "killed before the model was written");
    try (DescentProcess second = DescentProcess.startWithHeap("4g", resumable)) {
      assertEquals(0, second.waitFor(300), second.output());
      assertTrue(second.output().contains("resuming from checkpoint"), second.output());
      System.out.println("[high-dim resume] " + second.output().lines()
          .filter(l -> l.startsWith("resuming")).findFirst().orElse(""));
    }
    String expected = ModelFiles.weightsDigest(reference);
    assertTrue(expected.startsWith("20000001 numbers"), expected);
    assertEquals(expected, ModelFiles.weightsDigest(out));
  }

  private static String[] args(List<String> common, String... more) {
    List<String> all = new ArrayList<>(common);
    all.addAll(List.of(more));
    return all.toArray(new String[0]);
  }
}
