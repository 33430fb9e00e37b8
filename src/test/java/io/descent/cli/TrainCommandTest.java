package io.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import io.descent.testing.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** descent train as a user runs it: exit codes, messages, the files it writes. */
class TrainCommandTest {
  @TempDir Path tmp;

  @Test
  void trainsLogisticOnTheLibsvmSampleAndWritesTheModelDirectory() {
    Path out = tmp.resolve("model");
    CliRun r = CliRun.of("train", "--data", Datasets.sample("heart_scale").toString(),
        "--loss", "logistic", "--output", out.toString(), "--max-iter", "20");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
    JsonNode m = ModelFiles.model(out);
    assertEquals("descent-model/1", m.get("format").asText());
    assertEquals("logistic", m.get("loss").asText());
    assertEquals(13, m.get("numFeatures").asInt());
    assertEquals(13, m.get("weights").size());
    assertEquals("binary", m.get("labels").get("kind").asText());
    JsonNode training = m.get("training");
    assertTrue(training.get("iterations").asInt() > 0);
    assertFalse(training.get("stopReason").asText().isEmpty());
    assertEquals("newton", training.get("optimizer").asText());
    assertTrue(training.get("optimizerChoice").asText().startsWith("auto: newton"), training.toString());
    JsonNode history = ModelFiles.metrics(out).get("history");
    assertEquals(training.get("iterations").asInt() + 1, history.size());
    JsonNode step1 = history.get(1);
    for (String k : new String[] {"objective", "gradientNorm", "step", "predictedDecrease",
        "actualDecrease", "seconds"}) {
      assertTrue(step1.hasNonNull(k), k);
    }
    assertTrue(r.out().contains("predicted"), "one log line per iteration:\n" + r.out());
  }

  @Test
  void trainsSoftmaxOnCsvWithTheOriginalClassValuesRecorded() {
    Path out = tmp.resolve("iris");
    CliRun r = CliRun.of("train", "--data", Datasets.sample("iris.csv").toString(),
        "--loss", "softmax", "--output", out.toString(), "--max-iter", "30");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode m = ModelFiles.model(out);
    assertEquals(3, m.get("numClasses").asInt());
    assertEquals(3, m.get("weights").size());
    assertEquals(4, m.get("weights").get(0).size());
    assertEquals("[0.0,1.0,2.0]", m.get("labels").get("values").toString());
  }

  @Test
  void trainsSquaredLossWithTheConfigurationFromAFile() throws IOException {
    Path conf = tmp.resolve("run.properties");
    Files.writeString(conf, "loss=squared\noptimizer=gd\nmax-iter=5\nreg=0.5\n"
        + "spark.sql.shuffle.partitions=3\n");
    Path out = tmp.resolve("diabetes");
    CliRun r = CliRun.of("train", "--conf", conf.toString(), "--data",
        Datasets.sample("diabetes.csv").toString(), "--output", out.toString(), "--reg", "0.25");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode config = ModelFiles.model(out).get("training").get("config");
    assertEquals("gd", config.get("optimizer").asText());
    assertEquals(0.25, config.get("reg").asDouble(), "a flag overrides the file");
    assertEquals(5, ModelFiles.model(out).get("training").get("iterations").asInt());
  }

  @Test
  void anLbfgsHistoryLargerThanTheDriverHeapIsRefusedBeforeTheFirstPass() {
    // 4·10⁸ pairs (and as many iterations) of 14-parameter vectors: 90 GB, beyond any test heap.
    Path out = tmp.resolve("m");
    CliRun r = CliRun.of("train", "--data", Datasets.sample("heart_scale").toString(), "--loss",
        "logistic", "--optimizer", "lbfgs", "--lbfgs-memory", "400000000", "--max-iter",
        "400000000", "--output", out.toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("lbfgs-memory 400000000 pairs")
        && r.err().contains("Use --lbfgs-memory "), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void anUnknownConfigurationKeyIsNamed() throws IOException {
    Path conf = tmp.resolve("bad.properties");
    Files.writeString(conf, "loss=logistic\nlearning-rate=0.1\n");
    CliRun r = CliRun.of("train", "--conf", conf.toString(), "--data", "x", "--output",
        tmp.resolve("o").toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("learning-rate") && r.err().contains("bad.properties"), r.err());
  }

  @Test
  void aBadValueNamesTheFlagAndTheAcceptedValues() {
    CliRun r = CliRun.of("train", "--data", "x", "--loss", "logistic", "--output", "o",
        "--optimizer", "adagrad");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("--optimizer") && r.err().contains("armijo"), r.err());
    CliRun r2 = CliRun.of("train", "--data", "x", "--loss", "logistic", "--output", "o",
        "--reg", "lots");
    assertEquals(2, r2.exitCode());
    assertTrue(r2.err().contains("--reg") && r2.err().contains("lots"), r2.err());
  }

  @Test
  void anExistingOutputIsRefusedBeforeAnyDataIsRead() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("exists"));
    CliRun r = CliRun.of("train", "--data", tmp.resolve("no-such-file").toString(),
        "--loss", "logistic", "--output", out.toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("already exists"), r.err());
  }

  @Test
  void newtonWithALossWithoutHessianIsRefusedBeforeAnyDataIsRead() {
    CliRun r = CliRun.of("train", "--data", tmp.resolve("no-such-file").toString(), "--loss",
        "hinge", "--optimizer", "newton", "--output", tmp.resolve("o").toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("--optimizer") && r.err().contains("lbfgs"), r.err());
  }

  @Test
  void unknownFlagsExitWithTwo() {
    assertEquals(2, CliRun.of("train", "--frobnicate").exitCode());
    assertEquals(2, CliRun.of("nonsense").exitCode());
  }

  @Test
  void badInputFilesGiveExitTwoAndTheirLocation() throws IOException {
    String good = "1 1:0.5 2:1\n-1 1:0.25 3:2\n";
    check("bad.libsvm", good + "1 1:0.5 x:2\n", "logistic", "bad.libsvm", "line 3");
    check("label2.libsvm", good + "2 1:0.5\n", "logistic", "label2.libsvm", "line 3");
    check("nan.libsvm", good + "1 1:NaN\n", "logistic", "nan.libsvm", "line 3");
    check("cell.csv", "a,b,label\n1,2,0\n3,oops,1\n", "logistic", "cell.csv", "line 3");
  }

  private void check(String name, String content, String loss, String file, String where)
      throws IOException {
    Path data = tmp.resolve(name);
    Files.writeString(data, content);
    Path out = tmp.resolve("out-" + name);
    CliRun r = CliRun.of("train", "--data", data.toString(), "--loss", loss, "--output",
        out.toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains(file) && r.err().contains(where), name + ": " + r.err());
    assertFalse(Files.exists(out), "no output after a failure");
    try (Stream<Path> s = Files.list(tmp)) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().contains(".tmp-")));
    }
  }

  @Test
  void floatFeaturesHalveTheCachedValuesAndTrainTheSameModel() {
    String[] lbfgs = {"--loss", "logistic", "--optimizer", "lbfgs", "--max-iter", "200",
        "--tol", "1e-12", "--grad-tol", "1e-9", "--partitions", "2"};
    Path d = trainHeart("lbfgs-double", "double", lbfgs);
    Path f = trainHeart("lbfgs-float", "float", lbfgs);
    assertEquals("float", ModelFiles.model(f).get("training").get("config")
        .get("featurePrecision").asText());
    assertFalse(ModelFiles.model(d).get("training").get("config").has("featurePrecision"),
        "the default is not recorded, so older checkpoints still match");
    assertHalfTheFeatureBytes(d, f);
    assertSameWeights(d, f, 1e-5);
  }

  @Test
  void newtonAndTheHoldoutSplitWorkOnFloatBlocks() {
    String[] newton = {"--loss", "logistic", "--optimizer", "newton", "--max-iter", "30",
        "--holdout", "0.25", "--partitions", "3"};
    Path d = trainHeart("newton-double", "double", newton);
    Path f = trainHeart("newton-float", "float", newton);
    JsonNode df = ModelFiles.model(d).get("training");
    JsonNode ff = ModelFiles.model(f).get("training");
    assertEquals(df.get("validationRows").asInt(), ff.get("validationRows").asInt());
    // The summary counts the training part, which the split copied at float precision.
    assertHalfTheFeatureBytes(d, f);
    assertSameWeights(d, f, 1e-5);
  }

  @Test
  void aBadFeaturePrecisionIsNamed() {
    CliRun r = CliRun.of("train", "--data", Datasets.sample("heart_scale").toString(), "--loss",
        "logistic", "--output", tmp.resolve("half").toString(), "--feature-precision", "half");
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("--feature-precision") && r.err().contains("half")
        && r.err().contains("float"), r.err());
  }

  @Test
  void aValueBeyondTheFloatRangeIsLocatedUnderFloatPrecision() throws IOException {
    Path data = tmp.resolve("huge.libsvm");
    Files.writeString(data, "1 1:0.5 2:1\n-1 1:0.25 3:2\n1 1:1e39\n");
    CliRun r = CliRun.of("train", "--data", data.toString(), "--loss", "logistic", "--output",
        tmp.resolve("huge").toString(), "--feature-precision", "float");
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("huge.libsvm") && r.err().contains("line 3")
        && r.err().contains("feature-precision"), r.err());
  }

  private Path trainHeart(String name, String precision, String... args) {
    Path out = tmp.resolve(name);
    String[] all = Stream.concat(Stream.of("train", "--data",
        Datasets.sample("heart_scale").toString(), "--output", out.toString(),
        "--feature-precision", precision), Stream.of(args)).toArray(String[]::new);
    CliRun r = CliRun.of(all);
    assertEquals(0, r.exitCode(), r.toString());
    return out;
  }

  /** heart_scale is dense either way: 8-byte labels, then 8 or 4 bytes per feature value. */
  private static void assertHalfTheFeatureBytes(Path doubles, Path floats) {
    long rows = ModelFiles.model(doubles).get("training").get("rows").asLong();
    long d = ModelFiles.metrics(doubles).get("summary").get("cachedArrayBytes").asLong() - 8 * rows;
    long f = ModelFiles.metrics(floats).get("summary").get("cachedArrayBytes").asLong() - 8 * rows;
    assertEquals(rows * 13 * 8, d);
    assertEquals(d / 2, f);
  }

  private static void assertSameWeights(Path doubles, Path floats, double relative) {
    JsonNode wd = ModelFiles.model(doubles).get("weights");
    JsonNode wf = ModelFiles.model(floats).get("weights");
    double scale = 0;
    for (JsonNode w : wd) {
      scale = Math.max(scale, Math.abs(w.asDouble()));
    }
    for (int j = 0; j < wd.size(); j++) {
      assertEquals(wd.get(j).asDouble(), wf.get(j).asDouble(), relative * scale, "weight " + j);
    }
    double bd = ModelFiles.model(doubles).get("intercept").asDouble();
    assertEquals(bd, ModelFiles.model(floats).get("intercept").asDouble(), relative * Math.max(scale, Math.abs(bd)));
  }

  @Test
  void theDefaultConfigurationFileDocumentsEveryKey() throws IOException {
    String text = Files.readString(Path.of("conf/descent.properties"));
    for (io.descent.config.ConfigKeys.Key k : io.descent.config.ConfigKeys.ALL) {
      assertTrue(text.contains(k.name() + "="), "conf/descent.properties lacks " + k.name());
    }
    CliRun r = CliRun.of("train", "--conf", "conf/descent.properties", "--data",
        Datasets.sample("heart_scale").toString(), "--loss", "hinge", "--output",
        tmp.resolve("m").toString(), "--max-iter", "3");
    assertEquals(0, r.exitCode(), r.toString());
  }
}
