package io.descent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import io.descent.testing.DescentProcess;
import io.descent.testing.ModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM — what every scheduler sends on timeout — stops a training process at the end of
 * the iteration in flight: one line saying where and how to go on, exit 143, a checkpoint
 * of that iteration, no model and no lock left; the same command then resumes to the model
 * an uninterrupted run writes, bit for bit.
 */
class SigtermIT {
  private static final Pattern ITER = Pattern.compile("^iter\\s+(\\d+)\\s");
  @TempDir Path tmp;

  @Test
  @Timeout(300)
  void sigtermStopsAtAnIterationWithACheckpointAndTheRunResumes() throws Exception {
    List<String> common = List.of("train", "--data", Datasets.shared("a9a").toString(), "--loss",
        "logistic", "--reg", "0.01", "--optimizer", "armijo", "--max-iter", "40", "--tol", "0",
        "--grad-tol", "0", "--partitions", "4", "--checkpoint-every", "5");
    Path reference = tmp.resolve("reference");
    CliRun whole = CliRun.of(args(common, "--output", reference.toString()));
    assertEquals(0, whole.exitCode(), whole.toString());

    Path out = tmp.resolve("model");
    Path ck = tmp.resolve("ck");
    String[] resumable = args(common, "--output", out.toString(), "--checkpoint-dir", ck.toString(),
        "--master", "local[2]");
    int stoppedAt;
    try (DescentProcess first = DescentProcess.start(resumable)) {
      assertTrue(first.awaitLine(l -> iteration(l) >= 3, 120), first.output());
      first.terminate();
      assertEquals(143, first.waitFor(120), first.output());
      Matcher m = Pattern.compile("stopped by SIGTERM at iteration (\\d+); the checkpoint in "
          + Pattern.quote(ck.toString()) + " resumes it").matcher(first.output());
      assertTrue(m.find(), first.output());
      stoppedAt = Integer.parseInt(m.group(1));
      assertFalse(first.output().contains("SparkContext has been shutdown"), first.output());
    }
    assertTrue(Files.exists(ck.resolve(String.format("step-%08d", stoppedAt)).resolve("_SUCCESS")),
        "a checkpoint of the iteration it stopped at, due or not");
    assertFalse(Files.exists(out), "no model from a stopped run");
    assertFalse(Files.exists(tmp.resolve(".model.lock")), "its locks released");
    try (DescentProcess second = DescentProcess.start(resumable)) {
      assertEquals(0, second.waitFor(180), second.output());
      assertTrue(second.output().contains("resuming from checkpoint at iteration " + stoppedAt),
          second.output());
    }
    assertEquals(ModelFiles.weightsText(reference), ModelFiles.weightsText(out));
  }

  private static String[] args(List<String> common, String... more) {
    List<String> a = new ArrayList<>(common);
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  private static int iteration(String line) {
    Matcher m = ITER.matcher(line);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }
}
