package io.descent.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.descent.BadInputException;
import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import io.descent.testing.ModelFiles;
import io.descent.testing.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DescentEstimator in a Spark ML Pipeline: fit, transform, save, load, same predictions. */
class DescentEstimatorTest {
  @TempDir Path tmp;

  private static Dataset<Row> iris() {
    return SharedSpark.session().read().option("header", "true").option("inferSchema", "true")
        .csv(Datasets.sample("iris.csv").toString()).withColumnRenamed("target", "label");
  }

  private static VectorAssembler assembler() {
    return new VectorAssembler().setInputCols(new String[] {"sepal_length", "sepal_width",
        "petal_length", "petal_width"}).setOutputCol("features");
  }

  @Test
  void aFittedPipelinePredictsAndSurvivesSaveAndLoad() throws Exception {
    DescentEstimator descent = new DescentEstimator().setLoss("softmax").setMaxIter(40);
    Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {assembler(), descent});
    PipelineModel fitted = pipeline.fit(iris());
    List<Row> before = fitted.transform(iris()).select("label", "prediction", "probability")
        .collectAsList();
    long correct = before.stream().filter(r -> ((Number) r.get(0)).doubleValue() == r.getDouble(1)).count();
    assertTrue(correct > 120, correct + " of 150 right");
    for (Row r : before) {
      double top = ((org.apache.spark.ml.linalg.Vector) r.get(2)).apply((int) r.getDouble(1));
      assertTrue(top >= 1.0 / 3 && top <= 1, "the predicted class's probability is the largest");
    }

    String path = tmp.resolve("pipeline").toString();
    fitted.write().save(path);
    PipelineModel loaded = PipelineModel.load(path);
    List<Row> after = loaded.transform(iris()).select("label", "prediction", "probability")
        .collectAsList();
    assertEquals(before, after);
    DescentModel stage = (DescentModel) loaded.stages()[1];
    assertEquals(((DescentModel) fitted.stages()[1]).linearModel().training().get("iterations"),
        stage.linearModel().training().get("iterations"));
    assertEquals("tron", stage.linearModel().training().get("optimizer"));

    pipeline.write().save(tmp.resolve("unfitted").toString());
    Pipeline reloaded = Pipeline.load(tmp.resolve("unfitted").toString());
    DescentEstimator again = (DescentEstimator) reloaded.getStages()[1];
    assertEquals("softmax", again.getOrDefault(again.loss()));
    assertEquals(40, (int) again.getOrDefault(again.maxIter()));
  }

  @Test
  void itTrainsTheSameModelAsTheCommandLineBitForBit() {
    Path cli = tmp.resolve("cli");
    CliRun r = CliRun.of("train", "--data", Datasets.sample("iris.csv").toString(), "--loss",
        "softmax", "--reg", "0.01", "--max-iter", "25", "--partitions", "1", "--output", cli.toString());
    assertEquals(0, r.exitCode(), r.toString());
    Dataset<Row> rows = assembler().transform(iris()).coalesce(1);
    DescentModel model = new DescentEstimator().setLoss("softmax").setRegParam(0.01).setMaxIter(25)
        .fit(rows);
    String ours = new ObjectMapper().valueToTree(model.linearModel().toJson().get("weights")).toString();
    assertEquals(ModelFiles.model(cli).get("weights").toString(), ours,
        "the same blocks, engine and optimizer give the same bits");
  }

  @Test
  void withFloatFeaturesItStillTrainsTheSameModelAsTheCommandLineBitForBit() {
    Path cli = tmp.resolve("cli-float");
    CliRun r = CliRun.of("train", "--data", Datasets.sample("iris.csv").toString(), "--loss",
        "softmax", "--reg", "0.01", "--max-iter", "25", "--partitions", "1", "--output",
        cli.toString(), "--feature-precision", "float");
    assertEquals(0, r.exitCode(), r.toString());
    Dataset<Row> rows = assembler().transform(iris()).coalesce(1);
    DescentModel model = new DescentEstimator().setLoss("softmax").setRegParam(0.01).setMaxIter(25)
        .setFeaturePrecision("float").fit(rows);
    String ours = new ObjectMapper().valueToTree(model.linearModel().toJson().get("weights")).toString();
    assertEquals(ModelFiles.model(cli).get("weights").toString(), ours);
  }

  @Test
  void logisticOnMoreThanTwoClassesIsRefusedAtTheFirstThirdLabel() {
    Dataset<Row> rows = assembler().transform(iris());
    BadInputException l = assertThrows(BadInputException.class,
        () -> new DescentEstimator().setLoss("logistic").fit(rows));
    assertTrue(l.getMessage().contains("the DataFrame, row") && l.getMessage().contains("label 2"), l.getMessage());
  }
}
