package io.descent.train;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cross-validated path run as its own JVM, killed with SIGKILL in the middle of a λ (its
 * fold models part-way, each with its own checkpoints), then run again: it resumes at the λ
 * and the iterations it reached and writes the model and path.json an uninterrupted run
 * writes, byte for byte.
 */
class PathKillAndResumeIT {
  @TempDir Path tmp;

  @Test
  @Timeout(600)
  void aKilledPathResumesToTheSameModelAndPath() throws Exception {
    List<String> common = List.of("train", "--data", Datasets.shared("a9a").toString(),
        "--loss", "logistic", "--elastic-net", "0.5", "--reg-path", "5", "--reg-min-ratio",
        "0.001", "--folds", "3", "--optimizer", "lbfgs", "--partitions", "2",
        "--checkpoint-every", "2");
    Path reference = tmp.resolve("reference");
    CliRun whole = CliRun.of(args(common, "--output", reference.toString()));
    assertEquals(0, whole.exitCode(), whole.toString());

    Path out = tmp.resolve("model");
    Path checkpoints = tmp.resolve("ck");
    String[] resumable = args(common, "--output", out.toString(), "--checkpoint-dir",
        checkpoints.toString(), "--master", "local[2]");
    try (DescentProcess first = DescentProcess.start(resumable)) {
      assertTrue(first.awaitLine(l -> l.startsWith("λ 2/5"), 240), first.output());
      // Part-way into λ 3: its models have checkpoints of their own by now.
      Thread.sleep(1500);
      first.kill();
      assertFalse(first.output().contains("λ 5/5"), "killed before the path ended");
    }
    assertFalse(Files.exists(out), "killed before the model was written");
    try (DescentProcess second = DescentProcess.start(resumable)) {
      assertEquals(0, second.waitFor(240), second.output());
      assertTrue(second.output().contains("resuming the path after λ"), second.output());
      assertTrue(second.output().contains("resuming model"), "mid-λ: " + second.output());
      System.out.println(second.output().lines()
          .filter(l -> l.startsWith("resuming")).toList());
    }
    assertEquals(ModelFiles.weightsText(reference), ModelFiles.weightsText(out));
    assertEquals(Files.readString(reference.resolve("path.json")),
        Files.readString(out.resolve("path.json")));
  }

  private static String[] args(List<String> common, String... more) {
    List<String> all = new ArrayList<>(common);
    all.addAll(List.of(more));
    return all.toArray(new String[0]);
  }
}
