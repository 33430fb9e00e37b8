package io.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, as a new user runs it (defaults only), ends with a convergence
 * stop reason, not max-iter: the default optimizer (auto) must converge without tuning.
 */
class ReadmeFirstCommandTest {
  private static final List<String> CONVERGED =
      List.of("gradient norm below grad-tol", "relative objective change below tol");

  @TempDir Path tmp;

  @Test
  void theFirstCommandConverges() throws IOException {
    Path out = tmp.resolve("heart-model");
    CliRun r = CliRun.of("train", "--data", Datasets.sample("heart_scale").toString(), "--loss",
        "logistic", "--output", out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().startsWith("optimizer auto: newton, as 14 parameters"), r.out());
    JsonNode training = new ObjectMapper().readTree(out.resolve("model.json").toFile()).get("training");
    assertTrue(CONVERGED.contains(training.get("stopReason").asText()), training.toString());
    assertEquals("newton", training.get("optimizer").asText());
    assertTrue(training.get("optimizerChoice").asText().startsWith("auto: newton"), training.toString());
    assertTrue(training.get("gradientNorm").asDouble() <= 1e-6, training.toString());
  }
}
