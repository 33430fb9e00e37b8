package io.descent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A --conf file or a model directory that does not exist is called missing (exit 2). */
class MissingPathsTest {
  @TempDir Path tmp;

  private static void assertMissing(String expected, CliRun r) {
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains(expected), "expected \"" + expected + "\" in " + r.err());
  }

  @Test
  void aMissingConfFileOrModelIsCalledMissing() {
    String heart = Datasets.sample("heart_scale").toString();
    Path nowhere = tmp.resolve("nowhere");
    assertMissing("--conf: " + nowhere + " is missing: no such configuration file.",
        CliRun.of("train", "--conf", nowhere.toString(), "--data", heart, "--loss", "logistic",
            "--output", tmp.resolve("m").toString()));
    assertMissing("--model: " + nowhere + " is missing: no model directory there.",
        CliRun.of("predict", "--model", nowhere.toString(), "--data", heart, "--output",
            tmp.resolve("p").toString()));
    assertMissing("--model: " + nowhere + " is missing", CliRun.of("evaluate", "--model",
        nowhere.toString(), "--data", heart));
    assertMissing("--warm-start: " + nowhere + " is missing", CliRun.of("train", "--data", heart,
        "--loss", "logistic", "--warm-start", nowhere.toString(), "--output",
        tmp.resolve("m").toString()));
  }
}
