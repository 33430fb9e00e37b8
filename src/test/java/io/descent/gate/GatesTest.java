package io.descent.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.ExitCodes;
import io.descent.report.Json;
import io.descent.testing.CliRun;
import io.descent.testing.NightlyData;
import io.descent.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check and promote in the shared local Spark, on synthetic nights: the profile in
 * model.json, the schema and drift gates with their exit codes and reports, and promote's one
 * Spark job, its decisions, promotion.json and the latest pointer.
 */
class GatesTest {
  private static final String GROUP = "gates-test-promote";
  private static final AtomicInteger PROMOTE_JOBS = new AtomicInteger();

  @TempDir static Path dir;
  static Path models;

  @BeforeAll
  static void trainTwoNights() {
    SparkContext sc = SharedSpark.session().sparkContext();
    sc.addSparkListener(new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart job) {
        if (GROUP.equals(job.properties().getProperty("spark.jobGroup.id"))) {
          PROMOTE_JOBS.incrementAndGet();
        }
      }
    });
    models = dir.resolve("models");
    train("night1", NightlyData.good(dir.resolve("d1/train.libsvm"), 3000, 1));
    train("night2", NightlyData.good(dir.resolve("d2/train.libsvm"), 3000, 2));
    train("flipped", NightlyData.write(dir.resolve("d3/train.libsvm"), 3000, 3, 0.3, 0, 1));
    NightlyData.good(dir.resolve("holdout.libsvm"), 2000, 99);
  }

  private static void train(String version, Path data) {
    CliRun r = CliRun.of("train", "--data", data.toString(), "--loss", "logistic", "--reg", "1e-4",
        "--partitions", "3", "--output", models.resolve(version).toString());
    assertEquals(0, r.exitCode(), r.toString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(Path file) throws Exception {
    return Json.readMap(Files.readAllBytes(file));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyModelRecordsTheProfileOfItsData() throws Exception {
    Map<String, Object> training = (Map<String, Object>) json(models.resolve("night1/model.json")).get("training");
    Map<String, Object> profile = (Map<String, Object>) training.get("dataProfile");
    assertEquals(3000, ((Number) profile.get("rows")).intValue());
    Map<String, Object> schema = (Map<String, Object>) profile.get("schema");
    assertEquals(NightlyData.FEATURES, schema.get("numFeatures"));
    List<Map<String, Object>> features = (List<Map<String, Object>>) profile.get("features");
    assertEquals(NightlyData.FEATURES, features.size());
    for (Map<String, Object> f : features) {
      assertEquals(3000, ((Number) f.get("nonzeros")).intValue());
      assertEquals(0.0, ((Number) f.get("mean")).doubleValue(), 0.06, "N(0,1): " + f);
      assertEquals(1.0, ((Number) f.get("std")).doubleValue(), 0.06, "N(0,1): " + f);
      assertEquals(true, f.get("exact"));
    }
    List<List<Number>> labels = (List<List<Number>>) ((Map<String, Object>) profile.get("label")).get("bins");
    assertEquals(2, labels.size(), "two classes");
    assertEquals(3000, labels.get(0).get(1).intValue() + labels.get(1).get(1).intValue());
  }

  @Test
  @SuppressWarnings("unchecked")
  void checkPassesAGoodNightAndStopsAScaledFeatureWithItsOwnCode() throws Exception {
    Path good = NightlyData.good(dir.resolve("c/good.libsvm"), 3000, 7);
    CliRun ok = CliRun.of("check", "--model", models.resolve("night1").toString(), "--data",
        good.toString(), "--output", dir.resolve("check-good").toString());
    assertEquals(0, ok.exitCode(), ok.toString());
    Map<String, Object> quiet = json(dir.resolve("check-good/drift.json"));
    assertEquals(false, quiet.get("drifted"));
    assertTrue(Files.exists(dir.resolve("check-good/drift.html")));

    Path scaled = NightlyData.write(dir.resolve("c/scaled.libsvm"), 3000, 8, 0, 3, 1000);
    CliRun drift = CliRun.of("check", "--model", models.resolve("night1").toString(), "--data",
        scaled.toString(), "--output", dir.resolve("check-scaled").toString());
    assertEquals(ExitCodes.DRIFT, drift.exitCode(), drift.toString());
    assertTrue(drift.err().contains("feature 2"), drift.err());
    Map<String, Object> report = json(dir.resolve("check-scaled/drift.json"));
    assertEquals(true, report.get("drifted"));
    List<Map<String, Object>> features = (List<Map<String, Object>>) report.get("features");
    assertEquals(2, features.get(0).get("index"), "the scaled feature (LIBSVM 3) moved most");
    assertEquals(true, features.get(0).get("drifted"));
    assertEquals(false, features.get(1).get("drifted"), "only one feature moved");
    String html = Files.readString(dir.resolve("check-scaled/drift.html"));
    assertTrue(html.contains("<tr class=\"moved\"><th>#2</th>"), html);
  }

  @Test
  void aSchemaTheModelDoesNotFitIsBadInputNamingTheLine() throws Exception {
    Files.createDirectories(dir.resolve("c"));
    Path wide = dir.resolve("c/wide.libsvm");
    Files.writeString(wide, "+1 1:0.5 2:1\n-1 1:0.1 9:2\n");
    CliRun r = CliRun.of("check", "--model", models.resolve("night1").toString(), "--data",
        wide.toString(), "--output", dir.resolve("check-wide").toString());
    assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
    assertTrue(r.err().contains("wide.libsvm") && r.err().contains("line 2"), r.err());

    Path unknownLabel = dir.resolve("c/label.libsvm");
    Files.writeString(unknownLabel, "+1 1:0.5\n3 1:0.1\n");
    CliRun l = CliRun.of("check", "--model", models.resolve("night1").toString(), "--data",
        unknownLabel.toString(), "--output", dir.resolve("check-label").toString());
    assertEquals(ExitCodes.BAD_INPUT, l.exitCode(), l.toString());
    assertTrue(l.err().contains("line 2") && l.err().contains("3"), l.err());
  }

  @Test
  @SuppressWarnings("unchecked")
  void promoteFirstPublishesThenScoresBothInOneJobAndRefusesAWorseCandidate() throws Exception {
    String holdout = dir.resolve("holdout.libsvm").toString();
    CliRun first = CliRun.of("promote", "--candidate", models.resolve("night1").toString(),
        "--models", models.toString(), "--data", holdout);
    assertEquals(0, first.exitCode(), first.toString());
    assertEquals("night1\n", Files.readString(models.resolve("latest")));
    assertEquals("promoted", json(models.resolve("night1/promotion.json")).get("decision"));

    SparkContext sc = SharedSpark.session().sparkContext();
    sc.setJobGroup(GROUP, "promote night2", false);
    CliRun second;
    try {
      second = CliRun.of("promote", "--candidate", models.resolve("night2").toString(),
          "--models", models.toString(), "--data", holdout);
    } finally {
      sc.clearJobGroup();
    }
    sc.listenerBus().waitUntilEmpty();
    assertEquals(0, second.exitCode(), second.toString());
    assertEquals(1, PROMOTE_JOBS.get(), "both models scored in one Spark job");
    assertEquals("night2\n", Files.readString(models.resolve("latest")));
    Map<String, Object> record = json(models.resolve("night2/promotion.json"));
    assertEquals("night1", record.get("champion"));
    assertEquals(2000, ((Number) record.get("rows")).intValue());

    CliRun worse = CliRun.of("promote", "--candidate", models.resolve("flipped").toString(),
        "--models", models.toString(), "--data", holdout);
    assertEquals(ExitCodes.NOT_PROMOTED, worse.exitCode(), worse.toString());
    assertEquals("night2\n", Files.readString(models.resolve("latest")), "latest untouched");
    Map<String, Object> refused = json(models.resolve("flipped/promotion.json"));
    assertEquals("not promoted", refused.get("decision"));
    Map<String, Object> interval = (Map<String, Object>) refused.get("interval");
    assertTrue(((Number) interval.get("regressionLower")).doubleValue() > 0, refused.toString());
    assertTrue(((Number) refused.get("candidateValue")).doubleValue()
        > ((Number) refused.get("championValue")).doubleValue(), "log loss is worse");

    CliRun again = CliRun.of("promote", "--candidate", models.resolve("night2").toString(),
        "--models", models.toString(), "--data", holdout);
    assertEquals(0, again.exitCode(), again.toString());
    assertTrue(again.err().contains("nothing to do"), again.err());
    assertFalse(Files.list(models).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")),
        "no temporary pointer left");
  }
}
