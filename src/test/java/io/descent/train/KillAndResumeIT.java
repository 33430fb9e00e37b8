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
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training runs as its own JVM (as spark-submit would), is killed with SIGKILL at a random
 * iteration, and the same command is run again: it resumes from the newest checkpoint and
 * must write the weights an uninterrupted run writes, byte for byte. The uninterrupted run
 * uses the shared local[4] session while the processes run local[2], so this also checks
 * that the thread count does not change the result at a fixed partition count.
 */
class KillAndResumeIT {
  private static final Pattern ITER = Pattern.compile("^iter\\s+(\\d+)\\s");
  private static final int MAX_ITER = 30;
  private static final int TRON_ITER = 10;
  @TempDir Path tmp;

  static Stream<Arguments> killPoints() {
    Random rnd = new Random(2026);
    List<Arguments> cases = new ArrayList<>();
    for (String optimizer : new String[] {"gd", "armijo"}) {
      for (int k = 0; k < 2; k++) {
        cases.add(Arguments.of(optimizer, 3 + rnd.nextInt(MAX_ITER - 8), MAX_ITER, "0.01"));
      }
    }
    // Newton-type: fewer, longer iterations, on a problem it does not finish in ten.
    cases.add(Arguments.of("tron", 4, TRON_ITER, "1e-4"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} killed after iteration {1}")
  @MethodSource("killPoints")
  @Timeout(300)
  void aKilledRunResumesToTheSameModel(String optimizer, int killAfter, int maxIter, String reg)
      throws Exception {
    String data = Datasets.shared("a9a").toString();
    List<String> common = List.of("train", "--data", data, "--loss", "logistic", "--reg", reg,
        "--optimizer", optimizer, "--max-iter", String.valueOf(maxIter), "--tol", "0",
        "--grad-tol", "0", "--partitions", "4");

    Path reference = tmp.resolve("reference");
    CliRun whole = CliRun.of(args(common, "--output", reference.toString()));
    assertEquals(0, whole.exitCode(), whole.toString());

    Path out = tmp.resolve("model");
    String[] resumable = args(common, "--output", out.toString(), "--checkpoint-dir",
        tmp.resolve("ck").toString(), "--master", "local[2]");
    int killedAt;
    try (DescentProcess first = DescentProcess.start(resumable)) {
      assertTrue(first.awaitLine(l -> iteration(l) >= killAfter, 120), first.output());
      first.kill();
      killedAt = lastIteration(first.output());
    }
    assertFalse(Files.exists(out), "killed before the model was written");
    try (DescentProcess second = DescentProcess.start(resumable)) {
      assertEquals(0, second.waitFor(180), second.output());
      assertTrue(second.output().contains("resuming from checkpoint"), second.output());
      System.out.printf("%s: killed after iteration %d, %s%n", optimizer, killedAt,
          second.output().lines().filter(l -> l.startsWith("resuming")).findFirst().orElse(""));
    }
    assertEquals(ModelFiles.weightsText(reference), ModelFiles.weightsText(out));
    assertEquals(maxIter + 1, ModelFiles.metrics(out).get("history").size());
  }

  private static int iteration(String line) {
    Matcher m = ITER.matcher(line);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static int lastIteration(String output) {
    return output.lines().mapToInt(KillAndResumeIT::iteration).max().orElse(-1);
  }

  private static String[] args(List<String> common, String... more) {
    List<String> all = new ArrayList<>(common);
    all.addAll(List.of(more));
    return all.toArray(new String[0]);
  }
}
