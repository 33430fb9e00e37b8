package io.descent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fixed step far too large is answered with the data's curvature bound L and the step 1/L,
 * not with the failed step divided by 4 (which needed a dozen failed runs to get from 1e6 to a
 * step that works), and the advised step does converge.
 */
class DivergenceAdviceTest {
  private static final Pattern ADVICE = Pattern.compile(
      "curvature bound is L = ([0-9.e+-]+) \\(power iteration\\), so a fixed step converges below"
      + " 2/L = ([0-9.e+-]+): try --step ([0-9.e+-]+) \\(1/L\\) or --step auto\\.");

  @TempDir Path tmp;

  @Test
  void aHugeStepIsAnsweredWithOneOverL() {
    String heart = Datasets.sample("heart_scale").toString();
    CliRun r = CliRun.of("train", "--data", heart, "--loss", "squared", "--optimizer", "gd",
        "--step", "1e6", "--output", tmp.resolve("m").toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("Gradient descent diverged at iteration 1"), r.err());
    Matcher m = ADVICE.matcher(r.err());
    assertTrue(m.find(), r.err());
    double lipschitz = Double.parseDouble(m.group(1));
    double advised = Double.parseDouble(m.group(3));
    assertEquals(1 / lipschitz, advised, 0.01 * advised);
    // heart_scale's features lie in [-1, 1] with 13 columns and an intercept: L is a few units.
    assertTrue(lipschitz > 1 && lipschitz < 14, "L = " + lipschitz);

    CliRun again = CliRun.of("train", "--data", heart, "--loss", "squared", "--optimizer", "gd",
        "--step", m.group(3), "--max-iter", "20", "--output", tmp.resolve("m2").toString());
    assertEquals(0, again.exitCode(), again.toString());
  }
}
