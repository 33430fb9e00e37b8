package io.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.descent.config.Settings;
import io.descent.config.TrainConfig;
import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import io.descent.testing.ModelFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What train writes beyond the model (report, mllib/, validation history) and how it is configured. */
class TrainReportingTest {
  @TempDir Path tmp;

  private CliRun train(Path out, String... more) {
    String[] base = {"train", "--data", Datasets.sample("heart_scale").toString(), "--loss",
        "logistic", "--max-iter", "8", "--output", out.toString()};
    String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliRun.of(args);
  }

  @Test
  void theModelDirectoryHasTheReportAndTheMllibSaveAndNoProgressBarWhenPiped() throws IOException {
    Path out = tmp.resolve("m");
    CliRun r = train(out);
    assertEquals(0, r.exitCode(), r.toString());
    String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    assertEquals(5, html.split("data:image/png;base64,").length - 1);
    assertTrue(Files.isDirectory(out.resolve("mllib/data")) && Files.isDirectory(out.resolve("mllib/metadata")));
    assertFalse(r.err().contains("ETA") || r.err().contains("\r") || r.out().contains("ETA"),
        "no progress bar without a terminal:\n" + r);
    try (var s = Files.list(tmp)) {
      assertEquals(1, s.count(), "the temporary directory was renamed, nothing else left");
    }
  }

  @Test
  void aHoldoutIsScoredEveryIterationAndDoesNotDependOnPartitioning() {
    Path two = tmp.resolve("two");
    Path three = tmp.resolve("three");
    CliRun r = train(two, "--holdout", "0.25", "--partitions", "2");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(0, train(three, "--holdout", "0.25", "--partitions", "3").exitCode());
    JsonNode metrics = ModelFiles.metrics(two);
    JsonNode validation = metrics.get("validation");
    assertEquals(metrics.get("history").size(), validation.size());
    for (JsonNode v : validation) {
      assertTrue(v.get("objective").asDouble() > 0 && v.get("accuracy").asDouble() > 0.4, v.toString());
    }
    JsonNode training = ModelFiles.model(two).get("training");
    long held = training.get("validationRows").asLong();
    assertTrue(held > 40 && held < 100, "about a quarter of 270: " + held);
    assertEquals(270, held + training.get("rows").asLong());
    assertEquals(held, ModelFiles.model(three).get("training").get("validationRows").asLong());
    JsonNode first = ModelFiles.metrics(three).get("validation").get(0);
    assertEquals(validation.get(0).get("accuracy").asDouble(), first.get("accuracy").asDouble(),
        "the same rows are held out whatever the partitioning");
    assertEquals(validation.get(0).get("objective").asDouble(), first.get("objective").asDouble(),
        1e-12, "sums in another partitioning differ by rounding only");
    assertEquals(0.25, training.get("config").get("holdout").asDouble());
    assertTrue(r.out().contains("validation objective"), r.out());
    String html = new String(readAll(two.resolve("report.html")), StandardCharsets.UTF_8);
    assertEquals(7, html.split("data:image/png;base64,").length - 1);
  }

  @Test
  void badValuesNameTheKeyTheFileAndTheAcceptedValues() throws IOException {
    Path conf = tmp.resolve("run.properties");
    Files.writeString(conf, "loss=logistic\noptimizer=adagrad\n");
    CliRun r = CliRun.of("train", "--conf", conf.toString(), "--data", "x", "--output", "o");
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("run.properties, key optimizer") && r.err().contains("adagrad")
        && r.err().contains("gd, armijo"), r.err());
    CliRun h = CliRun.of("train", "--data", "x", "--loss", "logistic", "--output", "o", "--holdout", "1");
    assertEquals(2, h.exitCode());
    assertTrue(h.err().contains("--holdout") && h.err().contains("[0, 1)"), h.err());
    CliRun i = CliRun.of("train", "--data", "x", "--loss", "logistic", "--output", "o", "--max-iter=-3");
    assertEquals(2, i.exitCode());
    assertTrue(i.err().contains("--max-iter") && i.err().contains("an integer ≥ 0"), i.err());
    CliRun b = CliRun.of("train", "--data", "x", "--loss", "logistic", "--output", "o", "--intercept", "yes");
    assertEquals(2, b.exitCode());
    assertTrue(b.err().contains("--intercept") && b.err().contains("true or false"), b.err());
    CliRun l = CliRun.of("train", "--data", "x", "--loss", "poisson", "--output", "o");
    assertEquals(2, l.exitCode());
    assertTrue(l.err().contains("--loss") && l.err().contains("squared, logistic, hinge, squared_hinge, softmax"), l.err());
  }

  @Test
  void sparkKeysOfTheFileReachTheSessionConfiguration() throws IOException {
    Path conf = tmp.resolve("spark.properties");
    Files.writeString(conf, "loss=squared\nspark.sql.shuffle.partitions=7\nspark.executor.memory=3g\n");
    Settings s = new Settings();
    s.loadFile(conf);
    s.putFlag("data", "x");
    s.putFlag("output", "o");
    TrainConfig config = TrainConfig.from(s);
    assertEquals(Map.of("spark.sql.shuffle.partitions", "7", "spark.executor.memory", "3g"), config.run().sparkConf());
    SparkConf session = SparkSessions.conf("local[2]", config.run().sparkConf());
    assertEquals("7", session.get("spark.sql.shuffle.partitions"));
    assertEquals("3g", session.get("spark.executor.memory"));
    assertEquals("local[2]", session.get("spark.master"));
  }

  private static byte[] readAll(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
