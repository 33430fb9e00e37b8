package io.descent.data.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.descent.data.DataLoader;
import io.descent.data.LoadOptions;
import io.descent.data.diagnostics.BadRecords;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.packing.TrainingData;
import io.descent.data.source.InputSpec;
import io.descent.loss.LinkFunctions;
import io.descent.predict.input.ScoringInput;
import io.descent.store.ModelStore;
import io.descent.testing.CliRun;
import io.descent.testing.ModelFiles;
import io.descent.testing.PredictionFiles;
import io.descent.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * predict and evaluate with a model trained with --hash-features: each row is hashed as in
 * training (checked against margins the test computes from the raw columns, FeatureHashing
 * and model.json), the weight column is no feature, the label is optional; LIBSVM input and
 * models that did not record their hashing are refused with exit code 2.
 */
class HashedScoringTest {
  private static final int K = 32;
  /** FeatureHashingTest's file, with a weight column: label, a category, a number, the weight. */
  private static final String TRAIN_CSV =
      "label,color,size,w\n1,red,2.5,1\n0,blue,1,2\n1,red,3,1\n0,green,-0.5,1\n1,blue,2,0.5\n";

  @TempDir static Path models;
  @TempDir Path tmp;
  static Path trainCsv;
  static Path csvModel;

  @BeforeAll
  static void trainOnCsvWithAWeightColumn() throws IOException {
    trainCsv = Files.writeString(models.resolve("train.csv"), TRAIN_CSV);
    csvModel = models.resolve("csv-model");
    CliRun r = CliRun.of("train", "--data", trainCsv.toString(), "--loss", "logistic",
        "--hash-features", Integer.toString(K), "--weight-col", "w", "--max-iter", "20",
        "--output", csvModel.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("{\"buckets\":32,\"hash\":\"murmur3_x86_32\",\"seed\":42,\"labelColumn\":\"label\","
        + "\"weightColumn\":\"w\"}", ModelFiles.model(csvModel).get("featureHashing").toString());
  }

  @Test
  void scoringGivesEveryRowTheFeaturesItGotInTraining() throws IOException {
    HashingScheme scheme = new ModelStore(SharedSpark.session().sparkContext().hadoopConfiguration())
        .read(csvModel.toString(), "--model").hashing();
    Path unlabelledCsv = Files.writeString(tmp.resolve("u.csv"), TRAIN_CSV.lines()
        .map(line -> line.substring(line.indexOf(',') + 1)).collect(Collectors.joining("\n", "", "\n")));
    Dataset<Row> frame = SharedSpark.session().read().option("header", "true")
        .option("inferSchema", "true").csv(trainCsv.toString()).coalesce(1);
    Path parquet = tmp.resolve("t.parquet");
    Path unlabelledParquet = tmp.resolve("u.parquet");
    frame.write().parquet(parquet.toString());
    frame.drop("label").write().parquet(unlabelledParquet.toString());
    for (Path[] input : new Path[][] {{trainCsv, unlabelledCsv}, {parquet, unlabelledParquet}}) {
      List<Map<Integer, Double>> trained = trainingRows(input[0]);
      assertEquals(5, trained.size());
      assertEquals(trained, scoringRows(input[0], scheme), input[0].toString());
      assertEquals(trained, scoringRows(input[1], scheme), input[1].toString());
    }
  }

  @Test
  void predictHashesTheTrainingFileAsTrainingDid() {
    Path out = tmp.resolve("pred");
    CliRun r = CliRun.of("predict", "--model", csvModel.toString(), "--data", trainCsv.toString(),
        "--output", out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    List<Row> rows = PredictionFiles.rows(out);
    List<Map<String, Double>> raw = List.of(
        raw("color=red", 1, "size", 2.5), raw("color=blue", 1, "size", 1),
        raw("color=red", 1, "size", 3), raw("color=green", 1, "size", -0.5),
        raw("color=blue", 1, "size", 2));
    double[] labels = {1, 0, 1, 0, 1};
    assertEquals(raw.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      double p = LinkFunctions.sigmoid(margin(csvModel, raw.get(i)));
      Row row = rows.get(i);
      assertEquals(List.of("label", "prediction", "probability"), List.of(row.schema().fieldNames()));
      assertEquals(labels[i], row.getDouble(0), "row " + i);
      assertEquals(p > 0.5 ? 1.0 : 0.0, row.getDouble(1), "row " + i);
      assertEquals(p, row.getDouble(2), 1e-15, "row " + i);
    }
  }

  @Test
  void newRowsWithoutLabelsOrWeightsAreHashedTooAndUnseenValuesScore() throws IOException {
    // Tomorrow's data: no label, an empty weight (not read), a category never seen, an empty cell.
    Path data = Files.writeString(tmp.resolve("new.csv"), "color,size,w\nred,4,\npurple,1,\n,2,\n");
    Path out = tmp.resolve("new-pred");
    CliRun r = CliRun.of("predict", "--model", csvModel.toString(), "--data", data.toString(),
        "--output", out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    List<Row> rows = PredictionFiles.rows(out);
    List<Map<String, Double>> raw = List.of(raw("color=red", 1, "size", 4),
        raw("color=purple", 1, "size", 1), raw("size", 2));
    assertEquals(raw.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(List.of("prediction", "probability"), List.of(rows.get(i).schema().fieldNames()));
      assertEquals(LinkFunctions.sigmoid(margin(csvModel, raw.get(i))), rows.get(i).getDouble(1), 1e-15, "row " + i);
    }
  }

  @Test
  void evaluateScoresTheHashedRows() throws IOException {
    CliRun r = CliRun.of("evaluate", "--model", csvModel.toString(), "--data", trainCsv.toString());
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode result = new ObjectMapper().readTree(r.out());
    assertEquals(5, result.get("rows").asInt());
    List<Map<String, Double>> raw = List.of(
        raw("color=red", 1, "size", 2.5), raw("color=blue", 1, "size", 1),
        raw("color=red", 1, "size", 3), raw("color=green", 1, "size", -0.5),
        raw("color=blue", 1, "size", 2));
    double[] labels = {1, 0, 1, 0, 1};
    double correct = 0;
    double logLoss = 0;
    for (int i = 0; i < labels.length; i++) {
      double p = LinkFunctions.sigmoid(margin(csvModel, raw.get(i)));
      correct += (p > 0.5 ? 1 : 0) == labels[i] ? 1 : 0;
      logLoss -= Math.log(labels[i] == 1 ? p : 1 - p);
    }
    assertEquals(correct / 5, result.get("metrics").get("accuracy").asDouble(), 1e-12, r.out());
    assertEquals(logLoss / 5, result.get("metrics").get("logLoss").asDouble(), 1e-9, r.out());
  }

  @Test
  void parquetWithAndWithoutTheLabelIsHashedAsFeatureHasherTypesIt() {
    StructType schema = new StructType().add("y", DataTypes.DoubleType)
        .add("color", DataTypes.StringType).add("size", DataTypes.DoubleType)
        .add("flag", DataTypes.BooleanType);
    List<Row> data = List.of(RowFactory.create(1.0, "red", 2.5, true),
        RowFactory.create(0.0, "blue", 1.0, false), RowFactory.create(1.0, null, 3.0, true),
        RowFactory.create(0.0, "green", -0.5, false));
    Path labelled = tmp.resolve("t.parquet");
    Path unlabelled = tmp.resolve("u.parquet");
    SharedSpark.session().createDataFrame(data, schema).coalesce(1).write().parquet(labelled.toString());
    SharedSpark.session().createDataFrame(data, schema).drop("y").coalesce(1).write()
        .parquet(unlabelled.toString());
    Path model = tmp.resolve("parquet-model");
    assertEquals(0, CliRun.of("train", "--data", labelled.toString(), "--label-col", "y", "--loss",
        "squared", "--hash-features", "16", "--max-iter", "10", "--output", model.toString()).exitCode());
    List<Map<String, Double>> raw = List.of(raw("color=red", 1, "size", 2.5, "flag=true", 1),
        raw("color=blue", 1, "size", 1, "flag=false", 1), raw("size", 3, "flag=true", 1),
        raw("color=green", 1, "size", -0.5, "flag=false", 1));
    Path withLabel = tmp.resolve("p-with");
    Path withoutLabel = tmp.resolve("p-without");
    // The model's label column "y" is found without --label-col.
    CliRun r = CliRun.of("predict", "--model", model.toString(), "--data", labelled.toString(),
        "--output", withLabel.toString());
    assertEquals(0, r.exitCode(), r.toString());
    CliRun u = CliRun.of("predict", "--model", model.toString(), "--data", unlabelled.toString(),
        "--output", withoutLabel.toString());
    assertEquals(0, u.exitCode(), u.toString());
    List<Row> with = PredictionFiles.rows(withLabel);
    List<Row> without = PredictionFiles.rows(withoutLabel);
    assertEquals(List.of("label", "prediction"), List.of(with.get(0).schema().fieldNames()));
    assertEquals(List.of("prediction"), List.of(without.get(0).schema().fieldNames()));
    for (int i = 0; i < raw.size(); i++) {
      double m = margin(model, raw.get(i));
      assertEquals(data.get(i).getDouble(0), with.get(i).getDouble(0));
      assertEquals(m, with.get(i).getDouble(1), 1e-12, "row " + i);
      assertEquals(with.get(i).getDouble(1), without.get(i).getDouble(0), "row " + i);
    }
  }

  @Test
  void aBadRowIsLocatedAsInTraining() throws IOException {
    Path data = Files.writeString(tmp.resolve("bad.csv"), "color,size\nred,1\nblue,NaN\n");
    Path out = tmp.resolve("bad-pred");
    CliRun r = CliRun.of("predict", "--model", csvModel.toString(), "--data", data.toString(),
        "--output", out.toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("bad.csv, line 3, column \"size\""), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void libsvmInputIsRefusedForAHashedModel() throws IOException {
    Path svm = Files.writeString(tmp.resolve("a.svm"), "1 1:1\n0 2:1\n");
    Path out = tmp.resolve("svm-pred");
    CliRun p = CliRun.of("predict", "--model", csvModel.toString(), "--data", svm.toString(),
        "--output", out.toString());
    assertEquals(2, p.exitCode(), p.toString());
    assertTrue(p.err().contains("a.svm is LIBSVM") && p.err().contains("--hash-features 32"), p.err());
    assertFalse(Files.exists(out));
    CliRun e = CliRun.of("evaluate", "--model", csvModel.toString(), "--data", svm.toString());
    assertEquals(2, e.exitCode(), e.toString());
    assertTrue(e.err().contains("a.svm is LIBSVM"), e.err());
  }

  @Test
  void aHashedModelThatDidNotRecordItsHashingIsRefused() throws IOException {
    Path old = tmp.resolve("old-model");
    Files.createDirectories(old);
    for (String f : List.of("model.json", "_SUCCESS")) {
      Files.copy(csvModel.resolve(f), old.resolve(f));
    }
    ObjectNode json = (ObjectNode) ModelFiles.model(old);
    json.remove("featureHashing");
    Files.writeString(old.resolve("model.json"), new ObjectMapper().writeValueAsString(json));
    CliRun r = CliRun.of("evaluate", "--model", old.toString(), "--data", trainCsv.toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("did not record how to hash"), r.err());
  }

  /** The rows as training loads them, the weight column w read as the weight. */
  private static List<Map<Integer, Double>> trainingRows(Path input) {
    TrainingData data = new DataLoader(SharedSpark.session()).load(
        InputSpec.of(input.toString()).withWeightCol("w"), LabelPolicy.binary(null), 2, 0,
        StorageLevel.MEMORY_ONLY(), new LoadOptions(BadRecords.FAIL, K));
    try {
      return FeatureHashingTest.rows(data);
    } finally {
      data.release();
    }
  }

  /** The rows as predict and evaluate read them with the model's hashing. */
  private static List<Map<Integer, Double>> scoringRows(Path input, HashingScheme scheme) {
    return ScoringInput.open(SharedSpark.session(), InputSpec.of(input.toString()), K, scheme, null)
        .map(row -> {
          Map<Integer, Double> m = new HashMap<>();
          for (int k = 0; k < row.size(); k++) {
            m.put(row.indices()[k], row.values()[k]);
          }
          return m;
        }).collect();
  }

  /** Raw features and values, in column order: "name", value, "name", value, … */
  private static Map<String, Double> raw(Object... pairs) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int k = 0; k < pairs.length; k += 2) {
      m.put((String) pairs[k], ((Number) pairs[k + 1]).doubleValue());
    }
    return m;
  }

  /** w·x + b with x the hashed raw features: colliding values added, indices in increasing order. */
  private static double margin(Path model, Map<String, Double> raw) {
    JsonNode json = ModelFiles.model(model);
    FeatureHashing hashing = new FeatureHashing(json.get("numFeatures").asInt());
    Map<Integer, Double> x = new TreeMap<>();
    raw.forEach((f, v) -> x.merge(hashing.index(f), v, Double::sum));
    double dot = 0;
    for (Map.Entry<Integer, Double> e : x.entrySet()) {
      dot += e.getValue() * json.get("weights").get(e.getKey()).asDouble();
    }
    return dot + json.get("intercept").asDouble();
  }
}
