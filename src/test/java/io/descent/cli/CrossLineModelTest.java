package io.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.descent.model.LinearModel;
import io.descent.model.Software;
import io.descent.store.ModelStore;
import io.descent.testing.CliRun;
import io.descent.testing.CrossLineFixture;
import io.descent.testing.ModelFiles;
import io.descent.testing.SharedSpark;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.mllib.classification.LogisticRegressionModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model trained on the Spark 3.5 / Scala 2.12 line (the committed fixture, see
 * {@link CrossLineFixture}) on whichever line runs this test: it loads and predicts the same
 * probabilities bit for bit, its MLlib export loads with this line's Spark, and training
 * heart_scale again with the same explicit settings gives the same weights bit for bit (the
 * kernels are Descent's own Java code on both lines). On the Spark 4 line that is the
 * cross-line check; on the default line it guards the fixture itself.
 */
class CrossLineModelTest {
  @TempDir Path tmp;

  private static Path fixture(String name) throws URISyntaxException {
    return Paths.get(CrossLineModelTest.class.getResource("/cross-line/" + name).toURI());
  }

  @Test
  void theFixtureWasTrainedOnTheSpark35Line() throws Exception {
    Software s = Software.of(new ModelStore(SharedSpark.session().sparkContext().hadoopConfiguration())
        .read(fixture(CrossLineFixture.MODEL).toString(), "--model"));
    assertEquals("3.5.9", s.spark());
    assertEquals("2.12.18", s.scala());
  }

  @Test
  void aSpark35ModelPredictsTheSameProbabilitiesBitForBit() throws Exception {
    List<String> expected = Files.readAllLines(fixture(CrossLineFixture.PROBABILITIES));
    List<Double> actual = CrossLineFixture.probabilities(fixture(CrossLineFixture.MODEL), tmp);
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < actual.size(); i++) {
      assertEquals(expected.get(i), Double.toString(actual.get(i)), "row " + i);
    }
  }

  @Test
  void itsMllibExportLoadsWithThisLinesSpark() throws Exception {
    Path model = fixture(CrossLineFixture.MODEL);
    LogisticRegressionModel mllib = LogisticRegressionModel.load(
        SharedSpark.session().sparkContext(), model.resolve("mllib").toUri().toString());
    JsonNode json = ModelFiles.model(model);
    double[] w = mllib.weights().toArray();
    assertEquals(json.get("weights").size(), w.length);
    for (int j = 0; j < w.length; j++) {
      assertEquals(json.get("weights").get(j).doubleValue(), w[j], "weight " + j);
    }
    assertEquals(json.get("intercept").doubleValue(), mllib.intercept());
  }

  @Test
  void heartScaleTrainsToTheSameWeightsBitForBit() throws Exception {
    Path out = tmp.resolve("model");
    List<String> args = new ArrayList<>(List.of("train", "--data",
        CrossLineFixture.heartScale().toString(), "--output", out.toString()));
    args.addAll(CrossLineFixture.TRAIN_FLAGS);
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(ModelFiles.weightsText(fixture(CrossLineFixture.MODEL)), ModelFiles.weightsText(out),
        "heart_scale weights differ from the Spark 3.5 line's (the fixture); if a change of the "
            + "numerics is intended, regenerate it: see CrossLineFixture");
  }

  @Test
  void modelJsonRecordsTheVersionsThatTrainedIt() throws Exception {
    Path out = tmp.resolve("model");
    CliRun r = CliRun.of("train", "--data", CrossLineFixture.heartScale().toString(), "--loss",
        "logistic", "--max-iter", "3", "--output", out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode software = ModelFiles.model(out).get("training").get("software");
    assertEquals(System.getProperty("descent.version"), software.get("descent").asText());
    assertEquals(SharedSpark.session().version(), software.get("spark").asText());
    assertEquals(scala.util.Properties$.MODULE$.versionNumberString(), software.get("scala").asText());
  }

  @Test
  void aModelWithoutVersionsStillLoads() throws IOException {
    Path old = tmp.resolve("old");
    Files.createDirectories(old);
    Files.writeString(old.resolve("model.json"), "{\"format\":\"descent-model/1\",\"loss\":\"logistic\","
        + "\"numFeatures\":2,\"numClasses\":2,\"fitIntercept\":true,\"labels\":{\"kind\":\"binary\","
        + "\"negative\":-1.0,\"positive\":1.0},\"weights\":[0.5,-0.25],\"intercept\":0.125,"
        + "\"training\":{\"iterations\":3}}");
    LinearModel m = new ModelStore(SharedSpark.session().sparkContext().hadoopConfiguration(), w -> { })
        .readModelFile(old.toString(), "--model");
    assertNull(Software.of(m));
    assertEquals(Map.of("iterations", 3), m.training());
  }
}
