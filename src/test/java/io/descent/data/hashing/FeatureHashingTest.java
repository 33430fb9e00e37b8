package io.descent.data.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.BadInputException;
import io.descent.block.Block;
import io.descent.data.DataLoader;
import io.descent.data.LoadOptions;
import io.descent.data.diagnostics.BadRecords;
import io.descent.data.labels.LabelMapping;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.packing.TrainingData;
import io.descent.data.source.InputSpec;
import io.descent.loss.LossKind;
import io.descent.loss.ParamLayout;
import io.descent.model.LinearModel;
import io.descent.report.Json;
import io.descent.testing.CliRun;
import io.descent.testing.ModelFiles;
import io.descent.testing.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.ml.feature.FeatureHasher;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --hash-features gives exactly Spark ML's FeatureHasher indices and values, for Parquet
 * (typed columns) and CSV (a cell that is a number is numeric, any other a category), the
 * same on every load and every run; collisions add and are counted.
 */
class FeatureHashingTest {
  private static final SparkSession SPARK = SharedSpark.session();
  private static final int K = 16;

  @TempDir Path tmp;

  private static final StructType SCHEMA = new StructType()
      .add("label", DataTypes.DoubleType)
      .add("color", DataTypes.StringType)
      .add("size", DataTypes.DoubleType)
      .add("flag", DataTypes.BooleanType);

  private static final List<Row> ROWS = List.of(
      RowFactory.create(1.0, "red", 2.5, true),
      RowFactory.create(0.0, "blue", 1.0, false),
      RowFactory.create(1.0, null, 3.0, true),
      RowFactory.create(0.0, "green", -0.5, false));

  @Test
  void spotsTheKnownHashesOfSparkMurmur3() {
    assertEquals(Math.floorMod(murmur("color=red"), 1 << 18), new FeatureHashing(1 << 18).index("color=red"));
    Map<String, Integer> pinned = new TreeMap<>();
    for (String raw : List.of("size", "color=red", "color=blue", "flag=true")) {
      pinned.put(raw, new FeatureHashing(K).index(raw));
    }
    assertEquals(PINNED, pinned.toString());
  }

  /** The indices in 16 buckets, computed once with FeatureHasher (Spark 3.5) and kept as literals. */
  private static final String PINNED = "{color=blue=12, color=red=3, flag=true=2, size=8}";

  @Test
  void parquetAndCsvHashAsFeatureHasherDoes() throws IOException {
    Dataset<Row> df = SPARK.createDataFrame(ROWS, SCHEMA);
    List<Map<Integer, Double>> expected = new ArrayList<>();
    for (Row r : new FeatureHasher().setInputCols(new String[] {"color", "size", "flag"}).setOutputCol("f")
        .setNumFeatures(K).transform(df).select("f").collectAsList()) {
      expected.add(entries(r.getAs(0)));
    }
    Path parquet = tmp.resolve("t.parquet");
    df.coalesce(1).write().parquet(parquet.toString());
    assertEquals(expected, rows(load(parquet)));

    Path csv = Files.writeString(tmp.resolve("t.csv"),
        "label,color,size,flag\n1,red,2.5,true\n0,blue,1,false\n1,,3,true\n0,green,-0.5,false\n");
    TrainingData fromCsv = load(csv);
    assertEquals(expected, rows(fromCsv));
    assertEquals(rows(fromCsv), rows(load(csv)), "the same indices on every load");
    assertEquals(K, fromCsv.numFeatures());
  }

  @Test
  void collidingFeaturesAddAndAreCounted() throws IOException {
    Path csv = Files.writeString(tmp.resolve("c.csv"),
        "label,a,b,c,d\n1,x,y,1,2\n0,z,y,3,4\n1,x,w,5,6\n");
    int buckets = 2;
    TrainingData data = new DataLoader(SPARK).load(InputSpec.of(csv.toString()),
        LabelPolicy.binary(null), 1, 0, StorageLevel.MEMORY_ONLY(), new LoadOptions(BadRecords.FAIL, buckets));
    Set<String> raw = Set.of("a=x", "a=z", "b=y", "b=w", "c", "d");
    Map<Integer, Integer> perBucket = new HashMap<>();
    FeatureHashing h = new FeatureHashing(buckets);
    raw.forEach(f -> perBucket.merge(h.index(f), 1, Integer::sum));
    long collided = perBucket.values().stream().filter(n -> n > 1).mapToLong(n -> n).sum();
    assertEquals(new HashingReport(new HashingScheme(buckets, "label", null), 6, collided), data.hashing());
    Map<Integer, Double> first = new HashMap<>();
    for (String f : List.of("a=x", "b=y")) {
      first.merge(h.index(f), 1.0, Double::sum);
    }
    first.merge(h.index("c"), 1.0, Double::sum);
    first.merge(h.index("d"), 2.0, Double::sum);
    first.values().removeIf(v -> v == 0);
    assertEquals(first, rows(data).get(0));
    data.release();
  }

  @Test
  void twoRunsWriteTheSameModelAndRecordTheHashing() throws IOException {
    Path csv = Files.writeString(tmp.resolve("run.csv"),
        "label,color,size\n1,red,2.5\n0,blue,1\n1,red,3\n0,green,-0.5\n1,blue,2\n");
    String[] weights = new String[2];
    for (int run = 0; run < 2; run++) {
      Path out = tmp.resolve("m" + run);
      CliRun r = CliRun.of("train", "--data", csv.toString(), "--loss", "logistic",
          "--hash-features", "32", "--max-iter", "5", "--output", out.toString());
      assertEquals(0, r.exitCode(), r.toString());
      assertTrue(r.out().contains("feature hashing: 4 raw features into 32 buckets"), r.out());
      assertEquals(32, ModelFiles.model(out).get("numFeatures").asInt());
      assertEquals(4, ModelFiles.model(out).get("training").get("featureHashing").get("rawFeatures").asInt());
      assertEquals("{\"buckets\":32,\"hash\":\"murmur3_x86_32\",\"seed\":42,\"labelColumn\":\"label\"}",
          ModelFiles.model(out).get("featureHashing").toString(), "what scoring needs to hash the same way");
      weights[run] = ModelFiles.weightsText(out);
    }
    assertEquals(weights[0], weights[1]);
  }

  @Test
  void modelJsonKeepsTheHashingAndOlderModelsReadWithout() throws IOException {
    HashingScheme scheme = new HashingScheme(8, "y", "w");
    LinearModel model = new LinearModel(LossKind.SQUARED, new ParamLayout(8, 1, true), new double[9],
        LabelMapping.real(), Map.of(), scheme);
    Map<String, Object> json = Json.readMap(Json.write(model.toJson()));
    assertEquals(Map.of("buckets", 8, "hash", "murmur3_x86_32", "seed", 42, "labelColumn", "y",
        "weightColumn", "w"), json.get("featureHashing"));
    assertEquals(scheme, LinearModel.fromJson(json).hashing());
    json.remove("featureHashing");
    assertEquals(null, LinearModel.fromJson(json).hashing(), "a model without it is not hashed");
    Map<String, Object> otherSeed = new HashMap<>(scheme.toJson());
    otherSeed.put("seed", 7);
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> HashingScheme.fromJson(otherSeed));
    assertTrue(e.getMessage().contains("seed 7"), e.getMessage());
  }

  @Test
  void libsvmInputIsNotHashed() throws IOException {
    Path svm = Files.writeString(tmp.resolve("a.svm"), "1 1:1\n0 2:1\n");
    BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
        () -> new DataLoader(SPARK).load(InputSpec.of(svm.toString()), LabelPolicy.binary(null), 1,
            0, StorageLevel.MEMORY_ONLY(), new LoadOptions(BadRecords.FAIL, 8)));
    assertTrue(e.getMessage().contains("a.svm is LIBSVM"), e.getMessage());
  }

  private TrainingData load(Path path) {
    return new DataLoader(SPARK).load(InputSpec.of(path.toString()), LabelPolicy.binary(null), 2, 0,
        StorageLevel.MEMORY_ONLY(), new LoadOptions(BadRecords.FAIL, K));
  }

  private static int murmur(String s) {
    return FeatureHashing.murmur3(s.getBytes(StandardCharsets.UTF_8), 42);
  }

  private static Map<Integer, Double> entries(Vector v) {
    Map<Integer, Double> m = new HashMap<>();
    SparseVector s = v.toSparse();
    for (int k = 0; k < s.indices().length; k++) {
      if (s.values()[k] != 0) {
        m.put(s.indices()[k], s.values()[k]);
      }
    }
    return m;
  }

  /** Every row of the data, in order, as index → value. */
  static List<Map<Integer, Double>> rows(TrainingData data) {
    List<Map<Integer, Double>> out = new ArrayList<>();
    for (Block b : data.blocks().collect()) {
      for (int r = 0; r < b.numRows(); r++) {
        Map<Integer, Double> m = new HashMap<>();
        if (b.isSparse()) {
          for (int k = b.rowStart()[r]; k < b.rowStart()[r + 1]; k++) {
            m.put(b.indices()[k], b.values()[k]);
          }
        } else {
          for (int j = 0; j < b.numFeatures(); j++) {
            double v = b.values()[r * b.numFeatures() + j];
            if (v != 0) {
              m.put(j, v);
            }
          }
        }
        out.add(m);
      }
    }
    return out;
  }
}
