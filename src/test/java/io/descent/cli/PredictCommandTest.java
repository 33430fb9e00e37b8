package io.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import io.descent.testing.LibsvmText;
import io.descent.testing.ModelFiles;
import io.descent.testing.PredictionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * descent predict and evaluate on real data, against values the test computes itself from
 * the raw files and model.json: margins, probabilities, AUC by ranks, accuracy.
 */
class PredictCommandTest {
  @TempDir static Path models;
  @TempDir Path tmp;
  static Path a9a;

  @BeforeAll
  static void trainA9a() {
    a9a = models.resolve("a9a");
    CliRun r = CliRun.of("train", "--data", Datasets.shared("a9a").toString(), "--loss", "logistic",
        "--reg", "1e-4", "--max-iter", "15", "--output", a9a.toString());
    assertEquals(0, r.exitCode(), r.toString());
  }

  private static double[] weights(Path model) {
    JsonNode w = ModelFiles.model(model).get("weights");
    double[] out = new double[w.size()];
    for (int j = 0; j < out.length; j++) {
      out[j] = w.get(j).asDouble();
    }
    return out;
  }

  @Test
  void predictsA9aTestExactlyAsTheModelSays() {
    Path out = tmp.resolve("pred");
    CliRun r = CliRun.of("predict", "--model", a9a.toString(), "--data",
        Datasets.shared("a9a.t").toString(), "--output", out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
    List<Row> rows = PredictionFiles.rows(out);
    LibsvmText test = LibsvmText.read(Datasets.shared("a9a.t"));
    assertEquals(test.size(), rows.size());
    double[] w = weights(a9a);
    double b = ModelFiles.model(a9a).get("intercept").asDouble();
    for (int i = 0; i < test.size(); i++) {
      double m = test.margin(i, w, b);
      double p = 1 / (1 + Math.exp(-m));
      Row row = rows.get(i);
      assertEquals(test.labels().get(i), row.getDouble(row.fieldIndex("label")), "row " + i);
      assertEquals(p > 0.5 ? 1.0 : -1.0, row.getDouble(row.fieldIndex("prediction")), "row " + i);
      assertEquals(p, row.getDouble(row.fieldIndex("probability")), 1e-15, "row " + i);
    }
  }

  @Test
  void evaluatesA9aTestWithTheAucOfRanksAndTheAccuracyOfTheModel() throws IOException {
    CliRun r = CliRun.of("evaluate", "--model", a9a.toString(), "--data",
        Datasets.shared("a9a.t").toString());
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode metrics = new ObjectMapper().readTree(r.out()).get("metrics");
    LibsvmText test = LibsvmText.read(Datasets.shared("a9a.t"));
    double[] w = weights(a9a);
    double b = ModelFiles.model(a9a).get("intercept").asDouble();
    double[] margins = new double[test.size()];
    boolean[] positive = new boolean[test.size()];
    long correct = 0;
    double logLoss = 0;
    for (int i = 0; i < test.size(); i++) {
      margins[i] = test.margin(i, w, b);
      positive[i] = test.labels().get(i) == 1;
      correct += (margins[i] > 0) == positive[i] ? 1 : 0;
      logLoss += Math.log1p(Math.exp(positive[i] ? -margins[i] : margins[i]));
    }
    assertEquals(LibsvmText.rankAuc(margins, positive), metrics.get("areaUnderROC").asDouble(), 1e-9);
    assertEquals((double) correct / test.size(), metrics.get("accuracy").asDouble(), 1e-12);
    assertEquals(logLoss / test.size(), metrics.get("logLoss").asDouble(), 1e-9);
    assertTrue(metrics.get("areaUnderROC").asDouble() > 0.85, r.out());
    assertTrue(metrics.get("areaUnderPR").asDouble() > 0.5, r.out());
    for (String k : new String[] {"precision", "recall", "f1"}) {
      assertTrue(metrics.get(k).asDouble() > 0 && metrics.get(k).asDouble() < 1, k);
    }
  }

  @Test
  void softmaxOnIrisWritesCsvWithTheOriginalClassesAndEvaluatesPerClass() throws IOException {
    Path model = tmp.resolve("iris");
    assertEquals(0, CliRun.of("train", "--data", Datasets.sample("iris.csv").toString(), "--loss",
        "softmax", "--max-iter", "60", "--output", model.toString()).exitCode());
    Path out = tmp.resolve("iris-pred");
    CliRun r = CliRun.of("predict", "--model", model.toString(), "--data",
        Datasets.sample("iris.csv").toString(), "--output", out.toString(), "--output-format", "csv");
    assertEquals(0, r.exitCode(), r.toString());
    List<String> lines = Files.readAllLines(PredictionFiles.parts(out).get(0));
    assertEquals("label,prediction,probability", lines.get(0));
    long correct = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      assertTrue(List.of("0.0", "1.0", "2.0").contains(cells[1]), line);
      double p = Double.parseDouble(cells[2]);
      assertTrue(p >= 1.0 / 3 && p <= 1, line);
      correct += cells[0].equals(cells[1]) ? 1 : 0;
    }
    CliRun e = CliRun.of("evaluate", "--model", model.toString(), "--data",
        Datasets.sample("iris.csv").toString());
    assertEquals(0, e.exitCode(), e.toString());
    JsonNode m = new ObjectMapper().readTree(e.out()).get("metrics");
    assertEquals(150, new ObjectMapper().readTree(e.out()).get("rows").asInt());
    assertEquals(correct / 150.0, m.get("accuracy").asDouble(), 1e-12);
    assertTrue(m.get("accuracy").asDouble() > 0.8, e.out());
    for (String k : new String[] {"0", "1", "2"}) {
      assertTrue(m.get("f1ByClass").get(k).asDouble() > 0.7, e.out());
    }
    assertTrue(m.get("logLoss").asDouble() > 0, e.out());
  }

  @Test
  void regressionOnDiabetesReportsRmseMaeAndR2OfThePredictions() throws IOException {
    Path model = tmp.resolve("diabetes");
    assertEquals(0, CliRun.of("train", "--data", Datasets.sample("diabetes.csv").toString(),
        "--loss", "squared", "--max-iter", "50", "--output", model.toString()).exitCode());
    Path out = tmp.resolve("diabetes-pred");
    assertEquals(0, CliRun.of("predict", "--model", model.toString(), "--data",
        Datasets.sample("diabetes.csv").toString(), "--output", out.toString()).exitCode());
    List<Row> rows = PredictionFiles.rows(out);
    assertEquals(List.of("label", "prediction"), List.of(rows.get(0).schema().fieldNames()));
    double se = 0;
    double ae = 0;
    double mean = 0;
    for (Row row : rows) {
      mean += row.getDouble(0) / rows.size();
    }
    double total = 0;
    for (Row row : rows) {
      double e = row.getDouble(1) - row.getDouble(0);
      se += e * e;
      ae += Math.abs(e);
      total += (row.getDouble(0) - mean) * (row.getDouble(0) - mean);
    }
    CliRun r = CliRun.of("evaluate", "--model", model.toString(), "--data",
        Datasets.sample("diabetes.csv").toString());
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode m = new ObjectMapper().readTree(r.out()).get("metrics");
    assertEquals(Math.sqrt(se / rows.size()), m.get("rmse").asDouble(), 1e-9);
    assertEquals(ae / rows.size(), m.get("mae").asDouble(), 1e-9);
    assertEquals(1 - se / total, m.get("r2").asDouble(), 1e-9);
  }

  @Test
  void inputWithoutLabelsIsScoredAndHingeWritesTheMargin() throws IOException {
    Path model = tmp.resolve("hinge");
    Path data = tmp.resolve("train.csv");
    Files.writeString(data, "a,b,label\n1,0,1\n0,1,0\n2,0.5,1\n0.5,2,0\n");
    assertEquals(0, CliRun.of("train", "--data", data.toString(), "--loss", "hinge",
        "--max-iter", "20", "--output", model.toString()).exitCode());
    Path unlabeled = tmp.resolve("new.csv");
    Files.writeString(unlabeled, "a,b\n3,0\n0,3\n");
    Path out = tmp.resolve("scores");
    CliRun r = CliRun.of("predict", "--model", model.toString(), "--data", unlabeled.toString(),
        "--output", out.toString(), "--output-format", "csv");
    assertEquals(0, r.exitCode(), r.toString());
    List<String> lines = Files.readAllLines(PredictionFiles.parts(out).get(0));
    assertEquals(List.of("prediction,margin"), lines.subList(0, 1));
    assertEquals("1.0", lines.get(1).split(",")[0]);
    assertEquals("0.0", lines.get(2).split(",")[0]);
    assertTrue(Double.parseDouble(lines.get(1).split(",")[1]) > 0);

    CliRun e = CliRun.of("evaluate", "--model", model.toString(), "--data", unlabeled.toString());
    assertEquals(2, e.exitCode(), e.toString());
    assertTrue(e.err().contains("no label column"), e.err());
  }

  @Test
  void parquetWithAndWithoutALabelColumnIsScored() {
    Path model = tmp.resolve("small");
    Path data = tmp.resolve("small.csv");
    try {
      Files.writeString(data, "a,b,label\n1,0,1\n0,1,0\n2,0.5,1\n0.5,2,0\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertEquals(0, CliRun.of("train", "--data", data.toString(), "--loss", "logistic",
        "--max-iter", "10", "--output", model.toString()).exitCode());
    org.apache.spark.sql.Dataset<Row> frame = io.descent.testing.SharedSpark.session().read()
        .option("header", "true").option("inferSchema", "true").csv(data.toString()).coalesce(1);
    Path labelled = tmp.resolve("labelled.parquet");
    Path unlabelled = tmp.resolve("unlabelled.parquet");
    frame.write().parquet(labelled.toString());
    frame.drop("label").write().parquet(unlabelled.toString());
    Path out1 = tmp.resolve("p1");
    Path out2 = tmp.resolve("p2");
    assertEquals(0, CliRun.of("predict", "--model", model.toString(), "--data", labelled.toString(),
        "--output", out1.toString()).exitCode());
    CliRun r = CliRun.of("predict", "--model", model.toString(), "--data", unlabelled.toString(),
        "--output", out2.toString());
    assertEquals(0, r.exitCode(), r.toString());
    List<Row> with = PredictionFiles.rows(out1);
    List<Row> without = PredictionFiles.rows(out2);
    assertEquals(List.of("label", "prediction", "probability"), List.of(with.get(0).schema().fieldNames()));
    assertEquals(List.of("prediction", "probability"), List.of(without.get(0).schema().fieldNames()));
    for (int i = 0; i < 4; i++) {
      assertEquals(with.get(i).getDouble(1), without.get(i).getDouble(0));
      assertEquals(with.get(i).getDouble(2), without.get(i).getDouble(1));
    }
  }

  @Test
  void badRowsAreLocatedAndLeaveNoOutput() throws IOException {
    Path data = tmp.resolve("bad.libsvm");
    Files.writeString(data, "1 1:0.5 2:1\n-1 1:0.25 3:2\n1 1:0.5 x:2\n");
    Path out = tmp.resolve("bad-out");
    CliRun r = CliRun.of("predict", "--model", a9a.toString(), "--data", data.toString(),
        "--output", out.toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("bad.libsvm") && r.err().contains("line 3"), r.err());
    assertNoOutput(out);

    Path wide = tmp.resolve("wide.libsvm");
    Files.writeString(wide, "1 1:0.5\n-1 200:1\n");
    CliRun w = CliRun.of("predict", "--model", a9a.toString(), "--data", wide.toString(),
        "--output", out.toString());
    assertEquals(2, w.exitCode(), w.toString());
    assertTrue(w.err().contains("wide.libsvm") && w.err().contains("line 2")
        && w.err().contains("123"), w.err());
    assertNoOutput(out);

    Path nan = tmp.resolve("nan.csv");
    Files.writeString(nan, "a,b,label\n1,2,0\n3,NaN,1\n");
    Path model = tmp.resolve("m2");
    Files.writeString(tmp.resolve("ok.csv"), "a,b,label\n1,2,0\n3,1,1\n");
    assertEquals(0, CliRun.of("train", "--data", tmp.resolve("ok.csv").toString(), "--loss",
        "logistic", "--max-iter", "3", "--output", model.toString()).exitCode());
    CliRun n = CliRun.of("predict", "--model", model.toString(), "--data", nan.toString(),
        "--output", out.toString());
    assertEquals(2, n.exitCode(), n.toString());
    assertTrue(n.err().contains("nan.csv, line 3, column \"b\""), n.err());
    assertNoOutput(out);
  }

  @Test
  void evaluateNamesALabelTheModelNeverSaw() throws IOException {
    Path data = tmp.resolve("unseen.libsvm");
    Files.writeString(data, "1 1:0.5\n-1 2:1\n3 1:1\n");
    CliRun r = CliRun.of("evaluate", "--model", a9a.toString(), "--data", data.toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("unseen.libsvm, line 3") && r.err().contains("label 3"), r.err());
    // predict passes an unseen label through as read.
    Path out = tmp.resolve("unseen-pred");
    assertEquals(0, CliRun.of("predict", "--model", a9a.toString(), "--data", data.toString(),
        "--output", out.toString()).exitCode());
    assertEquals(3.0, PredictionFiles.rows(out).get(2).getDouble(0));
  }

  @Test
  void anExistingOutputIsRefusedUnlessOverwriting() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("exists"));
    String[] args = {"predict", "--model", a9a.toString(), "--data",
        Datasets.sample("heart_scale").toString(), "--output", out.toString()};
    CliRun r = CliRun.of(args);
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("already exists") && r.err().contains("--overwrite"), r.err());
    CliRun bad = CliRun.of("predict", "--model", a9a.toString(), "--data", "x", "--output",
        tmp.resolve("o").toString(), "--output-format", "json");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("--output-format") && bad.err().contains("parquet, csv"), bad.err());
    CliRun noModel = CliRun.of("evaluate", "--model", tmp.resolve("none").toString(), "--data", "x");
    assertEquals(2, noModel.exitCode());
    assertTrue(noModel.err().contains("--model"), noModel.err());
  }

  private void assertNoOutput(Path out) throws IOException {
    assertFalse(Files.exists(out), "no output after a failure");
    try (Stream<Path> s = Files.list(tmp)) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().contains(".tmp-")));
    }
  }
}
