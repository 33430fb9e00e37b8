package io.descent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.descent.testing.CliRun;
import io.descent.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * predict and evaluate refuse an input whose shape is not the model's, with exit 2 and what
 * differs: feature columns are matched by the names model.json records; a model without
 * names (older ones) by count; a Parquet vector by its size.
 */
class PredictShapeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROWS = "1,2,3,0\n4,5,6,1\n7,8,9,1\n";

  @TempDir static Path models;
  @TempDir Path tmp;
  static Path model;
  static Path legacy;

  @BeforeAll
  static void trainOnNamedColumns() throws IOException {
    Path data = models.resolve("train.csv");
    Files.writeString(data, "a,b,c,label\n" + ROWS);
    model = models.resolve("model");
    CliRun r = CliRun.of("train", "--data", data.toString(), "--loss", "logistic", "--max-iter",
        "2", "--output", model.toString());
    assertEquals(0, r.exitCode(), r.toString());
    legacy = withoutColumns(model, models.resolve("legacy"));
  }

  /** A copy of {@code dir} as Descent wrote models before they recorded their columns. */
  private static Path withoutColumns(Path dir, Path copy) throws IOException {
    Files.createDirectories(copy);
    try (var files = Files.list(dir)) {
      // Not Hadoop's .crc side files: they would no longer match.
      for (Path f : files.filter(f -> Files.isRegularFile(f)
          && !f.getFileName().toString().startsWith(".")).toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    ObjectNode m = (ObjectNode) JSON.readTree(copy.resolve("model.json").toFile());
    m.remove("columns");
    byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
    Files.write(copy.resolve("model.json"), bytes);
    ObjectNode sums = (ObjectNode) JSON.readTree(copy.resolve("checksums.json").toFile());
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    ((ObjectNode) sums.get("model.json")).put("bytes", bytes.length).put("crc32c", crc.getValue());
    JSON.writeValue(copy.resolve("checksums.json").toFile(), sums);
    return copy;
  }

  private CliRun predict(Path with, String header, String... flags) throws IOException {
    Path data = tmp.resolve("score.csv");
    Files.writeString(data, header + "\n" + ROWS);
    return predict(with, data, flags);
  }

  private CliRun predict(Path with, Path data, String... flags) {
    List<String> args = new ArrayList<>(List.of("predict", "--model", with.toString(), "--data",
        data.toString(), "--output", tmp.resolve("pred").toString()));
    args.addAll(List.of(flags));
    return CliRun.of(args.toArray(new String[0]));
  }

  private void assertRefused(CliRun r, String message) {
    assertEquals(2, r.exitCode(), r.toString());
    assertEquals("descent: " + message, r.err().strip());
    assertFalse(Files.exists(tmp.resolve("pred")), "no output");
  }

  @Test
  void sameColumnsScore() throws IOException {
    CliRun r = predict(model, "a,b,c,label");
    assertEquals(0, r.exitCode(), r.toString());
  }

  @Test
  void fewerColumnsRefused() throws IOException {
    assertRefused(predict(model, "a,b,label"), "score.csv: its feature columns are not the"
        + " model's: it lacks the model's feature column \"c\". The model's feature columns are"
        + " \"a\", \"b\", \"c\".");
  }

  @Test
  void moreColumnsRefused() throws IOException {
    assertRefused(predict(model, "a,b,c,d"), "score.csv: its feature columns are not the model's:"
        + " its column \"d\" is not a feature of the model; if \"d\" is the label, name it with"
        + " --label-col. The model's feature columns are \"a\", \"b\", \"c\".");
  }

  @Test
  void renamedColumnRefused() throws IOException {
    assertRefused(predict(model, "a,B,c,label"), "score.csv: its feature columns are not the"
        + " model's: column \"B\" is where the model has \"b\". The model's feature columns are"
        + " \"a\", \"b\", \"c\".");
  }

  @Test
  void columnsInAnotherOrderRefused() throws IOException {
    assertRefused(predict(model, "b,a,c,label"), "score.csv: its feature columns are not the"
        + " model's: the same columns in another order: feature 1 is \"b\" here and \"a\" in the"
        + " model; put the columns in the model's order. The model's feature columns are \"a\","
        + " \"b\", \"c\".");
  }

  @Test
  void labelColumnWhereFeatureExpected() throws IOException {
    assertRefused(predict(model, "a,b,c,label", "--label-col", "c"), "score.csv: its feature"
        + " columns are not the model's: column \"label\" is where the model has \"c\" (\"c\" is"
        + " read as the label here; \"label\" is the model's label column). The model's feature"
        + " columns are \"a\", \"b\", \"c\".");
  }

  @Test
  void evaluateRefusesAsPredictDoes() throws IOException {
    Path data = tmp.resolve("score.csv");
    Files.writeString(data, "a,b,label\n" + ROWS);
    CliRun r = CliRun.of("evaluate", "--model", model.toString(), "--data", data.toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertEquals("", r.out(), "nothing on stdout");
    assertEquals("descent: score.csv: its feature columns are not the model's: it lacks the"
        + " model's feature column \"c\". The model's feature columns are \"a\", \"b\", \"c\".",
        r.err().strip());
  }

  @Test
  void parquetVectorSizeMismatch() {
    StructType schema = new StructType().add("label", DataTypes.DoubleType)
        .add("features", new VectorUDT());
    Path sized = tmp.resolve("three.parquet");
    Path wrong = tmp.resolve("four.parquet");
    SharedSpark.session().createDataFrame(List.of(
        RowFactory.create(0.0, Vectors.dense(1, 2, 3)),
        RowFactory.create(1.0, Vectors.dense(4, 5, 6))), schema).coalesce(1)
        .write().parquet(sized.toString());
    SharedSpark.session().createDataFrame(List.<Row>of(
        RowFactory.create(0.0, Vectors.dense(1, 2, 3)),
        RowFactory.create(1.0, Vectors.sparse(4, new int[] {0}, new double[] {4}))), schema)
        .coalesce(1).write().parquet(wrong.toString());
    CliRun ok = predict(model, sized);
    assertEquals(0, ok.exitCode(), ok.toString());
    CliRun r = CliRun.of("predict", "--model", model.toString(), "--data", wrong.toString(),
        "--output", tmp.resolve("pred4").toString());
    assertEquals(2, r.exitCode(), r.toString());
    String err = r.err().strip();
    assertEquals(true, err.startsWith("descent: ") && err.contains("four.parquet")
        && err.contains("row 2") && err.endsWith("column \"features\": the vector has 4 entries;"
        + " the model has 3 features"), r.toString());
    assertFalse(Files.exists(tmp.resolve("pred4")), "no output");
  }

  @Test
  void legacyModelWithoutNamesScoresByCount() throws IOException {
    CliRun other = predict(legacy, "x,y,z,label");
    assertEquals(0, other.exitCode(), other.toString());
    Files.walk(tmp.resolve("pred")).sorted(java.util.Comparator.reverseOrder())
        .forEach(p -> p.toFile().delete());
    assertRefused(predict(legacy, "a,b,label"), "score.csv has 2 feature columns; the model has 3"
        + " features (it records no column names, so they are matched by position and count)");
  }

  @Test
  void modelWeightColumnIsNotAFeatureWhenScoring() throws IOException {
    Path data = tmp.resolve("weighted.csv");
    Files.writeString(data, "a,w,b,c,label\n1,1,2,3,0\n4,2,5,6,1\n7,1,8,9,1\n");
    Path weighted = tmp.resolve("weighted");
    CliRun t = CliRun.of("train", "--data", data.toString(), "--loss", "logistic", "--max-iter",
        "1", "--weight-col", "w", "--output", weighted.toString());
    assertEquals(0, t.exitCode(), t.toString());
    CliRun r = CliRun.of("evaluate", "--model", weighted.toString(), "--data", data.toString());
    assertEquals(0, r.exitCode(), r.toString());
  }
}
