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
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that fails once and is retried by Spark changes nothing: the model is byte-identical
 * to the one of a run without the fault. The fault comes from {@link FaultInjection}, in a JVM
 * of its own whose local master retries tasks (local[2,4]); with local[2] (no retries) the
 * same fault fails the run, which shows that the fault did happen.
 */
class FaultToleranceIT {
  @TempDir Path tmp;

  @Test
  @Timeout(300)
  void aRetriedTaskGivesTheSameModel() throws Exception {
    String[] common = {"train", "--data", Datasets.shared("a9a").toString(), "--loss", "logistic",
        "--reg", "0.01", "--optimizer", "gd", "--step", "1", "--max-iter", "6", "--partitions", "4"};
    Path reference = tmp.resolve("reference");
    CliRun r = CliRun.of(concat(common, "--output", reference.toString()));
    assertEquals(0, r.exitCode(), r.toString());

    Path conf = Files.writeString(tmp.resolve("fault.properties"), FaultInjection.KEY + "=2:3\n");
    Path retried = tmp.resolve("retried");
    try (DescentProcess p = DescentProcess.start(concat(common, "--output", retried.toString(),
        "--master", "local[2,4]", "--conf", conf.toString()))) {
      assertEquals(0, p.waitFor(240), p.output());
      assertTrue(p.output().contains("descent fault injection: partition 2 fails at pass 3"), p.output());
    }
    assertEquals(ModelFiles.weightsText(reference), ModelFiles.weightsText(retried));

    Path failed = tmp.resolve("failed");
    try (DescentProcess p = DescentProcess.start(concat(common, "--output", failed.toString(),
        "--master", "local[2]", "--conf", conf.toString()))) {
      assertEquals(4, p.waitFor(240), p.output());
      assertTrue(p.output().contains("injected fault: partition 2, pass 3"), p.output());
    }
    assertFalse(Files.exists(failed), "no output after the failure");
  }

  static String[] concat(String[] a, String... b) {
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
