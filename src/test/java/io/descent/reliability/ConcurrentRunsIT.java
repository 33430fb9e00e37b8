package io.descent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import io.descent.testing.DescentProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs aimed at the same output or checkpoint directory: while the first (its own JVM,
 * as spark-submit starts it) trains, the second is refused with exit 4 and the first's
 * checkpoints are untouched; once the first is killed with SIGKILL, its lock is stale and
 * the next run takes it over.
 */
class ConcurrentRunsIT {
  @TempDir Path tmp;

  @Test
  @Timeout(240)
  void aSecondRunCannotShareTheFirstsOutputOrCheckpoints() throws Exception {
    String data = Datasets.shared("a9a").toString();
    Path model = tmp.resolve("model");
    Path ck = tmp.resolve("ck");
    String[] first = {"train", "--data", data, "--loss", "logistic", "--optimizer", "gd",
        "--max-iter", "100000", "--tol", "0", "--grad-tol", "0", "--partitions", "2",
        "--output", model.toString(), "--checkpoint-dir", ck.toString(), "--master", "local[1]"};
    try (DescentProcess running = DescentProcess.start(first)) {
      assertTrue(running.awaitLine(l -> l.matches("^iter\\s+([3-9]|\\d\\d+)\\s.*"), 120),
          running.output());
      CliRun sameOutput = CliRun.of("train", "--data", data, "--loss", "logistic",
          "--max-iter", "2", "--output", model.toString(), "--overwrite");
      assertEquals(4, sameOutput.exitCode(), sameOutput.toString());
      assertTrue(sameOutput.err().contains("is in use by another run (descent train on host"),
          sameOutput.err());
      CliRun sameCheckpoints = CliRun.of("train", "--data", data, "--loss", "logistic",
          "--max-iter", "2", "--output", tmp.resolve("other").toString(), "--checkpoint-dir",
          ck.toString(), "--resume", "never");
      assertEquals(4, sameCheckpoints.exitCode(), sameCheckpoints.toString());
      assertTrue(sameCheckpoints.err().contains("--checkpoint-dir: " + ck + " is in use"),
          sameCheckpoints.err());
      assertTrue(Files.list(ck).anyMatch(p -> p.getFileName().toString().startsWith("step-")),
          "the first run's checkpoints were not cleared by --resume never of the second");
      running.kill();
    }
    assertTrue(Files.exists(tmp.resolve(".model.lock")), "a SIGKILL leaves the lock behind");
    CliRun after = CliRun.of("train", "--data", data, "--loss", "logistic", "--optimizer", "gd",
        "--max-iter", "2", "--output", model.toString(), "--checkpoint-dir", ck.toString(),
        "--resume", "never");
    assertEquals(0, after.exitCode(), after.toString());
    assertTrue(after.out().contains("took over the stale lock"), after.out());
    assertTrue(!Files.exists(tmp.resolve(".model.lock")) && !Files.exists(tmp.resolve(".ck.lock")));
  }
}
