package io.descent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import io.descent.testing.ModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue "a run that never ends": 100,000 partitions for 270 rows ran for more than 20
 * minutes. The partition count is capped at the row count, with a warning, and the model is
 * the one trained with that many partitions asked for directly.
 */
class RunawayPartitionsTest {
  @TempDir Path tmp;

  @Test
  @Timeout(300)
  void theIssuesCommandFinishesWithAWarning() {
    CliRun r = CliRun.of("train", "--data", Datasets.sample("heart_scale").toString(), "--loss",
        "logistic", "--partitions", "100000", "--max-iter", "2", "--output",
        tmp.resolve("heart").toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("warning: --partitions 100000 is more than the 270 rows; using 270 partitions"),
        r.out());
  }

  @Test
  @Timeout(300)
  void aCappedRunIsTheRunWithThatManyPartitions() throws Exception {
    Path data = Files.write(tmp.resolve("twenty.svm"), java.util.stream.IntStream.range(0, 20)
        .mapToObj(i -> (i % 2) + " 1:" + (i * 0.1) + " 2:" + (1 - i * 0.05)).toList());
    Path capped = tmp.resolve("capped");
    CliRun r = CliRun.of("train", "--data", data.toString(), "--loss", "logistic", "--partitions",
        "100000", "--max-iter", "5", "--output", capped.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("using 20 partitions"), r.out());
    Path direct = tmp.resolve("direct");
    assertEquals(0, CliRun.of("train", "--data", data.toString(), "--loss", "logistic",
        "--partitions", "20", "--max-iter", "5", "--output", direct.toString()).exitCode());
    assertEquals(ModelFiles.weightsText(direct), ModelFiles.weightsText(capped));
  }
}
