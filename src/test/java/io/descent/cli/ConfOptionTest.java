package io.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import io.descent.testing.ModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --conf on every command, as a file or spark-submit's key=value, and Spark ML's param names in it. */
class ConfOptionTest {
  @TempDir Path tmp;

  private final String heart = Datasets.shared("heart_scale").toString();

  @Test
  void keyValuePairsAndSparkMlNamesMeanTheSameAsTheFlags() throws Exception {
    Path byFlags = tmp.resolve("flags");
    Path byPairs = tmp.resolve("pairs");
    Path byFile = tmp.resolve("file");
    assertEquals(0, CliRun.of("train", "--data", heart, "--loss", "logistic", "--reg", "0.5",
        "--elastic-net", "0.25", "--max-iter", "4", "--output", byFlags.toString()).exitCode());
    CliRun pairs = CliRun.of("train", "--data", heart, "--loss", "logistic", "--conf", "regParam=0.5",
        "--conf", "elasticNetParam=0.25", "--conf", "maxIter=4",
        "--conf", "spark.sql.shuffle.partitions=3", "--output", byPairs.toString());
    assertEquals(0, pairs.exitCode(), pairs.toString());
    Path file = tmp.resolve("ml.properties");
    Files.writeString(file, "regParam = 0.5\nelasticNetParam = 0.25\nmaxIter = 4\n");
    assertEquals(0, CliRun.of("train", "--data", heart, "--loss", "logistic", "--conf", file.toString(),
        "--output", byFile.toString()).exitCode());
    assertEquals(ModelFiles.weightsText(byFlags), ModelFiles.weightsText(byPairs));
    assertEquals(ModelFiles.weightsText(byFlags), ModelFiles.weightsText(byFile));
    assertEquals("3", ModelFiles.model(byPairs).get("training").get("config").get("sparkConf")
        .get("spark.sql.shuffle.partitions").asText(), "spark.* pairs go to Spark");
  }

  @Test
  void laterConfsAndFlagsOverrideEarlierOnes() {
    Path out = tmp.resolve("m");
    CliRun r = CliRun.of("train", "--data", heart, "--loss", "logistic", "--conf", "maxIter=9",
        "--conf", "max-iter=2", "--tol", "0", "--grad-tol", "0", "--output", out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(2, ModelFiles.model(out).get("training").get("iterations").asInt());
  }

  @Test
  void aFileThatSetsOneSettingTwiceIsRefusedNamingBothKeys() throws Exception {
    Path file = tmp.resolve("twice.properties");
    Files.writeString(file, "reg = 0.1\nregParam = 0.2\n");
    CliRun r = CliRun.of("train", "--data", heart, "--loss", "logistic", "--conf", file.toString(),
        "--output", tmp.resolve("x").toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("twice.properties: keys reg and regParam both set reg"), r.err());
  }

  @Test
  void predictAndEvaluateTakeSparkKeysAndRefuseTrainingSettings() {
    Path model = tmp.resolve("model");
    assertEquals(0, CliRun.of("train", "--data", heart, "--loss", "logistic", "--output", model.toString()).exitCode());
    CliRun predict = CliRun.of("predict", "--model", model.toString(), "--data", heart, "--conf",
        "spark.sql.shuffle.partitions=3", "--output", tmp.resolve("p").toString());
    assertEquals(0, predict.exitCode(), predict.toString());
    CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--data", heart, "--conf", "regParam=1");
    assertEquals(2, evaluate.exitCode());
    assertTrue(evaluate.err().contains("--conf regParam: descent evaluate takes only spark.* keys"), evaluate.err());
    CliRun missing = CliRun.of("evaluate", "--model", model.toString(), "--data", heart, "--conf",
        tmp.resolve("none.properties").toString());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("none.properties is missing"), missing.err());
  }
}
