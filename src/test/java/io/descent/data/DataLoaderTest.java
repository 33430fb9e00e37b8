package io.descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.block.Block;
import io.descent.data.labels.LabelMapping;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.packing.TrainingData;
import io.descent.data.source.InputFingerprint;
import io.descent.data.source.InputSpec;
import io.descent.testing.Datasets;
import io.descent.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading real datasets: sizes, labels, layouts, contents, partitioning and determinism. */
class DataLoaderTest {
  private static final SparkSession SPARK = SharedSpark.session();
  private static final String JOB_GROUP = "data-loader-test-jobs";
  private static final AtomicInteger JOBS_IN_GROUP = new AtomicInteger();

  static {
    SPARK.sparkContext().addSparkListener(new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart job) {
        if (JOB_GROUP.equals(job.properties().getProperty("spark.jobGroup.id"))) {
          JOBS_IN_GROUP.incrementAndGet();
        }
      }
    });
  }

  private final DataLoader loader = new DataLoader(SPARK);

  @TempDir
  Path tmp;

  private TrainingData load(InputSpec spec, LabelPolicy policy, int partitions) {
    return loader.load(spec, policy, partitions, 0, StorageLevel.MEMORY_ONLY());
  }

  private static String shared(String name) {
    return Datasets.shared(name).toString();
  }

  /** Checks the totals against the blocks and returns the blocks in order. */
  private static List<Block> blocksChecked(TrainingData data) {
    List<Block> blocks = data.blocks().collect();
    assertEquals(data.numRows(), blocks.stream().mapToLong(Block::numRows).sum());
    assertEquals(data.arrayBytes(), blocks.stream().mapToLong(Block::arrayBytes).sum());
    blocks.forEach(b -> assertEquals(data.numFeatures(), b.numFeatures()));
    return blocks;
  }

  @Test
  void heartScaleIsBinaryMinusOnePlusOneInDenseBlocks() throws IOException {
    TrainingData data = load(InputSpec.of(shared("heart_scale")), LabelPolicy.binary(null), 3);
    try {
      assertEquals(270, data.numRows());
      assertEquals(13, data.numFeatures());
      assertEquals(3, data.numPartitions());
      assertEquals(270.0, data.weightSum());
      assertEquals(LabelMapping.binary(-1, 1), data.labels());
      List<Block> blocks = blocksChecked(data);
      assertTrue(blocks.stream().noneMatch(Block::isSparse), "12.5 of 13 values per row: dense is smaller");
      assertEquals(ReferenceRows.libsvm(Datasets.shared("heart_scale")), ReferenceRows.ofBlocks(blocks, data.labels()));
      InputFingerprint f = data.fingerprint();
      assertEquals(270, f.numRows());
      assertEquals(1, f.files().size());
      assertEquals(27_670, f.files().get(0).length());
      assertTrue(f.files().get(0).path().endsWith("/heart_scale"));
    } finally {
      data.release();
    }
  }

  @Test
  void irisHasThreeClassesInDenseBlocks() throws IOException {
    TrainingData data = load(InputSpec.of(shared("iris.csv")), LabelPolicy.classes(), 2);
    try {
      assertEquals(150, data.numRows());
      assertEquals(4, data.numFeatures());
      assertEquals(LabelMapping.classes(new double[] {0, 1, 2}), data.labels());
      List<Block> blocks = blocksChecked(data);
      assertTrue(blocks.stream().noneMatch(Block::isSparse));
      assertEquals(ReferenceRows.csv(Datasets.shared("iris.csv"), 4), ReferenceRows.ofBlocks(blocks, data.labels()));
    } finally {
      data.release();
    }
  }

  @Test
  void diabetesIsRealValued() throws IOException {
    TrainingData data = load(InputSpec.of(shared("diabetes.csv")), LabelPolicy.real(), 4);
    try {
      assertEquals(442, data.numRows());
      assertEquals(10, data.numFeatures());
      assertEquals(LabelMapping.real(), data.labels());
      assertEquals(442.0, data.weightSum());
      assertEquals(ReferenceRows.csv(Datasets.shared("diabetes.csv"), 10),
          ReferenceRows.ofBlocks(blocksChecked(data), data.labels()));
    } finally {
      data.release();
    }
  }

  @Test
  void a9aIsSparseAndEachPartitionHoldsItsRangeOfRows() throws IOException {
    int parts = 5;
    TrainingData data = load(InputSpec.of(shared("a9a")), LabelPolicy.binary(null), parts);
    try {
      long n = 32_561;
      assertEquals(n, data.numRows());
      assertEquals(123, data.numFeatures());
      assertEquals(LabelMapping.binary(-1, 1), data.labels());
      List<Block> blocks = blocksChecked(data);
      assertTrue(blocks.stream().allMatch(Block::isSparse), "14 of 123 values per row: CSR is smaller");
      assertEquals(ReferenceRows.libsvm(Datasets.shared("a9a")), ReferenceRows.ofBlocks(blocks, data.labels()));
      List<List<Block>> partitions = data.blocks().glom().collect();
      assertEquals(parts, partitions.size());
      for (int p = 0; p < parts; p++) {
        long rows = partitions.get(p).stream().mapToLong(Block::numRows).sum();
        assertEquals((p + 1) * n / parts - p * n / parts, rows, "rows of partition " + p);
      }
    } finally {
      data.release();
    }
  }

  @Test
  void gzippedSectorHas105Classes() throws IOException {
    TrainingData data = load(InputSpec.of(shared("sector.scale.gz")), LabelPolicy.classes(), 4);
    try {
      assertEquals(6412, data.numRows());
      assertEquals(55_197, data.numFeatures());
      assertEquals(105, data.labels().numClasses());
      assertEquals(1.0, data.labels().originalValues()[0]);
      assertEquals(105.0, data.labels().originalValues()[104]);
      List<Block> blocks = blocksChecked(data);
      assertTrue(blocks.stream().allMatch(Block::isSparse));
      assertEquals(ReferenceRows.libsvm(Datasets.shared("sector.scale.gz")), ReferenceRows.ofBlocks(blocks, data.labels()));
    } finally {
      data.release();
    }
  }

  @Test
  void parquetWithNumericColumns() throws IOException {
    Path dir = tmp.resolve("iris.parquet");
    SPARK.read().option("header", "true").option("inferSchema", "true").csv(shared("iris.csv"))
        .coalesce(1).write().parquet(dir.toString());
    TrainingData data = load(InputSpec.of(dir.toString()).withLabelCol("target"), LabelPolicy.classes(), 3);
    try {
      assertEquals(150, data.numRows());
      assertEquals(4, data.numFeatures());
      assertEquals(LabelMapping.classes(new double[] {0, 1, 2}), data.labels());
      assertEquals(ReferenceRows.csv(Datasets.shared("iris.csv"), 4),
          ReferenceRows.ofBlocks(blocksChecked(data), data.labels()));
    } finally {
      data.release();
    }
  }

  @Test
  void parquetWithAVectorColumn() throws IOException {
    List<Row> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(Datasets.shared("iris.csv"));
    for (int i = 1; i < lines.size(); i++) {
      String[] c = lines.get(i).split(",");
      double[] x = {Double.parseDouble(c[0]), Double.parseDouble(c[1]), Double.parseDouble(c[2]), Double.parseDouble(c[3])};
      // Alternate dense and sparse vectors: both kinds must decode the same.
      rows.add(RowFactory.create(Double.parseDouble(c[4]), 1.0 + i % 2,
          i % 2 == 0 ? Vectors.dense(x) : Vectors.dense(x).toSparse()));
    }
    StructType schema = new StructType().add("y", DataTypes.DoubleType).add("w", DataTypes.DoubleType)
        .add("features", new VectorUDT());
    Path file = tmp.resolve("iris-vectors.parquet");
    SPARK.createDataFrame(rows, schema).coalesce(1).write().parquet(file.toString());
    TrainingData data = load(InputSpec.of(file.toString()).withLabelCol("y").withWeightCol("w"),
        LabelPolicy.classes(), 2);
    try {
      assertEquals(150, data.numRows());
      assertEquals(4, data.numFeatures());
      assertEquals(75 * 1.0 + 75 * 2.0, data.weightSum());
      List<String> expected = new ArrayList<>();
      List<String> plain = ReferenceRows.csv(Datasets.shared("iris.csv"), 4);
      for (int i = 0; i < plain.size(); i++) {
        expected.add(plain.get(i).replaceFirst(" 1.0 \\|", " " + (1.0 + (i + 1) % 2) + " |"));
      }
      assertEquals(expected, ReferenceRows.ofBlocks(blocksChecked(data), data.labels()));
    } finally {
      data.release();
    }
  }

  @Test
  void aDirectoryIsReadInPathOrderSkippingHiddenFiles() throws IOException {
    List<String> lines = Files.readAllLines(Datasets.shared("heart_scale"));
    Path dir = Files.createDirectory(tmp.resolve("heart"));
    Files.write(dir.resolve("part-00001"), lines.subList(100, 270));
    Files.write(dir.resolve("part-00000"), lines.subList(0, 100));
    Files.write(dir.resolve("_SUCCESS"), List.of());
    Files.write(dir.resolve(".part-00000.crc"), List.of("garbage"));
    TrainingData data = load(InputSpec.of(dir.toString()), LabelPolicy.binary(null), 4);
    try {
      assertEquals(ReferenceRows.libsvm(Datasets.shared("heart_scale")),
          ReferenceRows.ofBlocks(blocksChecked(data), data.labels()));
      assertEquals(2, data.fingerprint().files().size());
      assertTrue(data.fingerprint().files().get(0).path().endsWith("/heart/part-00000"));
    } finally {
      data.release();
    }
  }

  @Test
  void blockBytesSetTheBlockSizeAndWeightsAreSummedInOrder() throws IOException {
    Path csv = tmp.resolve("weighted.csv");
    List<String> lines = new ArrayList<>(List.of("x1,x2,w,label"));
    double expected = 0;
    for (int i = 0; i < 1000; i++) {
      double w = 0.1 * (i % 7);
      expected += w;
      lines.add(i + "," + (i % 3) + "," + w + "," + (i % 2));
    }
    Files.write(csv, lines);
    // 8 label + 8 weight + min(16 dense, 12 * 1.998 + 4 CSR) = 32 bytes per row: 100 rows.
    TrainingData data = loader.load(InputSpec.of(csv.toString()).withWeightCol("w"), LabelPolicy.binary(null),
        1, 3200, StorageLevel.MEMORY_ONLY());
    try {
      List<Block> blocks = blocksChecked(data);
      assertEquals(10, blocks.size());
      blocks.forEach(b -> assertEquals(100, b.numRows()));
      assertEquals(expected, data.weightSum(), 1e-9);
      assertEquals(0.1 * (999 % 7), blocks.get(9).weight(99), 1e-12);
      assertEquals(2, data.numFeatures());
    } finally {
      data.release();
    }
  }

  @Test
  void blocksDependOnlyOnTheDataAndThePartitionCount() {
    InputSpec a9a = InputSpec.of(shared("a9a"));
    List<List<Block>> first = partitions(a9a, 7);
    assertSameBlocks(first, partitions(a9a, 7));
    // Spark's split size changes how many input partitions read the file, not the result.
    String key = "spark.sql.files.maxPartitionBytes";
    SPARK.conf().set(key, "200000");
    try {
      assertSameBlocks(first, partitions(a9a, 7));
    } finally {
      SPARK.conf().unset(key);
    }
  }

  private List<List<Block>> partitions(InputSpec spec, int parts) {
    TrainingData data = load(spec, LabelPolicy.binary(null), parts);
    try {
      return data.blocks().glom().collect();
    } finally {
      data.release();
    }
  }

  private static void assertSameBlocks(List<List<Block>> expected, List<List<Block>> actual) {
    assertEquals(expected.size(), actual.size());
    for (int p = 0; p < expected.size(); p++) {
      assertEquals(expected.get(p).size(), actual.get(p).size(), "blocks in partition " + p);
      for (int k = 0; k < expected.get(p).size(); k++) {
        Block e = expected.get(p).get(k);
        Block a = actual.get(p).get(k);
        assertEquals(e.isSparse(), a.isSparse());
        assertArrayEquals(e.labels(), a.labels());
        assertArrayEquals(e.weights(), a.weights());
        assertArrayEquals(e.rowStart(), a.rowStart());
        assertArrayEquals(e.indices(), a.indices());
        assertArrayEquals(e.values(), a.values());
      }
    }
  }

  @Test
  void aLoadCostsTwoJobsPlusOneForLibsvmInferenceOrParquetSchema() throws IOException {
    Path dir = tmp.resolve("diabetes.parquet");
    SPARK.read().option("header", "true").option("inferSchema", "true").csv(shared("diabetes.csv"))
        .write().parquet(dir.toString());
    assertEquals(2, jobsToLoad(InputSpec.of(shared("iris.csv")), LabelPolicy.classes()));
    assertEquals(2, jobsToLoad(InputSpec.of(shared("heart_scale")).withNumFeatures(13), LabelPolicy.binary(null)));
    assertEquals(3, jobsToLoad(InputSpec.of(shared("heart_scale")), LabelPolicy.binary(null)));
    assertEquals(3, jobsToLoad(InputSpec.of(dir.toString()).withLabelCol("target"), LabelPolicy.real()));
  }

  private int jobsToLoad(InputSpec spec, LabelPolicy policy) {
    SPARK.sparkContext().setJobGroup(JOB_GROUP, "counting the jobs of a load", false);
    JOBS_IN_GROUP.set(0);
    try {
      load(spec, policy, 2).release();
    } finally {
      SPARK.sparkContext().clearJobGroup();
    }
    // Listener events arrive asynchronously; give the last ones time to be delivered.
    long deadline = System.currentTimeMillis() + 2000;
    int seen = -1;
    while (System.currentTimeMillis() < deadline) {
      int now = JOBS_IN_GROUP.get();
      if (now == seen) {
        break;
      }
      seen = now;
      sleep(200);
    }
    return JOBS_IN_GROUP.get();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void morePartitionsThanRowsAreCappedAtTheRowCount() throws IOException {
    // Issue 18: empty partitions only add tasks to every pass (100,000 of them made a
    // 270-row run last for hours), so a partition holds at least one row.
    Path f = tmp.resolve("three.svm");
    Files.write(f, List.of("1 1:1", "0 2:1", "1 1:1 2:1"));
    TrainingData data = load(InputSpec.of(f.toString()), LabelPolicy.binary(null), 5);
    try {
      assertEquals(3, data.numRows());
      assertEquals(3, data.numPartitions());
      List<List<Block>> parts = data.blocks().glom().collect();
      assertEquals(List.of(1, 1, 1), parts.stream().map(List::size).toList());
      assertFalse(parts.get(1).get(0).isSparse());
      assertEquals(LabelMapping.binary(0, 1), data.labels());
    } finally {
      data.release();
    }
  }

  @Test
  void pathsMayBeRelativeOrUrisAndNamesMayNeedEscaping() throws IOException {
    TrainingData relative = load(InputSpec.of("data-samples/heart_scale"), LabelPolicy.binary(null), 2);
    relative.release();
    assertEquals(270, relative.numRows());
    TrainingData uri = load(InputSpec.of(Datasets.sample("iris.csv").toUri().toString()), LabelPolicy.classes(), 2);
    uri.release();
    assertEquals(150, uri.numRows());
    Path odd = Files.createDirectory(tmp.resolve("my data"));
    Files.copy(Datasets.sample("heart_scale"), odd.resolve("heart 100%"));
    TrainingData escaped = load(InputSpec.of(odd.toString()), LabelPolicy.binary(null), 2);
    escaped.release();
    assertEquals(270, escaped.numRows());
  }

  @Test
  void csvPadsToAGivenNumFeaturesAndLibsvmRowsMayBeEmpty() throws IOException {
    Path csv = Files.write(tmp.resolve("narrow.csv"), List.of("a,label", "1,0", "2,1"));
    TrainingData padded = load(InputSpec.of(csv.toString()).withNumFeatures(5), LabelPolicy.binary(null), 1);
    try {
      assertEquals(5, padded.numFeatures());
      assertEquals(List.of("0.0 1.0 | 0:1.0", "1.0 1.0 | 0:2.0"), ReferenceRows.ofBlocks(blocksChecked(padded), padded.labels()));
    } finally {
      padded.release();
    }
    Path svm = Files.write(tmp.resolve("bare.svm"), List.of("1", "0 4:2", "1"));
    TrainingData bare = load(InputSpec.of(svm.toString()), LabelPolicy.binary(null), 2);
    try {
      assertEquals(4, bare.numFeatures());
      assertEquals(List.of("1.0 1.0 |", "0.0 1.0 | 3:2.0", "1.0 1.0 |"), ReferenceRows.ofBlocks(blocksChecked(bare), bare.labels()));
    } finally {
      bare.release();
    }
  }
}
