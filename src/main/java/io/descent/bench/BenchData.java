package io.descent.bench;

import io.descent.block.Block;
import io.descent.block.BlockBuilder;
import io.descent.block.BlockLayout;
import io.descent.block.FeaturePrecision;
import io.descent.data.DataLoader;
import io.descent.data.LoadOptions;
import io.descent.data.diagnostics.BadRecords;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.packing.TrainingData;
import io.descent.data.source.InputSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.util.MLUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * One dataset in the three cached forms the contenders read: Descent's Blocks, MLlib's
 * (label, vector) pairs and Spark ML's DataFrame; the latter two only when asked for, since
 * each costs as much memory again. Labels are 0/1.
 */
final class BenchData {
  final String name;
  final JavaRDD<Block> blocks;
  final long rows;
  final int features;
  final long arrayBytes;
  private final SparkSession spark;
  private final JavaRDD<Tuple2<Object, Vector>> mllibSource;
  private JavaRDD<Tuple2<Object, Vector>> mllib;
  private Dataset<Row> ml;
  private final List<JavaRDD<?>> cached = new ArrayList<>();
  private SyntheticSpec spec;
  private int perBlock;
  private FeaturePrecision precision = FeaturePrecision.DOUBLE;

  private BenchData(SparkSession spark, String name, JavaRDD<Block> blocks, long rows,
      int features, long arrayBytes, JavaRDD<Tuple2<Object, Vector>> mllibSource) {
    this.spark = spark;
    this.name = name;
    this.blocks = blocks;
    this.rows = rows;
    this.features = features;
    this.arrayBytes = arrayBytes;
    this.mllibSource = mllibSource;
  }

  /** Generated on the executors, {@code partitions} contiguous row ranges. */
  static BenchData synthetic(SparkSession spark, SyntheticSpec spec, int partitions,
      FeaturePrecision precision) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Integer> parts = jsc.parallelize(IntStream.range(0, partitions).boxed().toList(), partitions);
    long nnz = spec.isDense() ? spec.rows() * spec.features() : spec.rows() * spec.nnzPerRow();
    int perBlock = BlockLayout.rowsPerBlock(DataLoader.DEFAULT_BLOCK_BYTES, spec.features(), nnz,
        spec.rows(), false, precision);
    JavaRDD<Block> blocks = parts.flatMap(p -> blocksOf(spec, p, partitions, perBlock, precision));
    blocks.setName("bench blocks").persist(StorageLevel.MEMORY_ONLY());
    long bytes = blocks.map(Block::arrayBytes).reduce(Long::sum);
    JavaRDD<Tuple2<Object, Vector>> pairs = parts.flatMap(p -> pairsOf(spec, p, partitions));
    BenchData d = new BenchData(spark, spec.describe(), blocks, spec.rows(), spec.features(), bytes, pairs);
    d.cached.add(blocks);
    d.spec = spec;
    d.perBlock = perBlock;
    d.precision = precision;
    return d;
  }

  /** A LIBSVM file, labels > 0 mapped to 1 and the rest to 0. */
  static BenchData libsvm(SparkSession spark, String path, int partitions,
      FeaturePrecision precision) {
    TrainingData data = new DataLoader(spark).load(new InputSpec(path, "libsvm", null, null, null, null),
        LabelPolicy.binary(null), partitions, DataLoader.DEFAULT_BLOCK_BYTES, StorageLevel.MEMORY_ONLY(),
        new LoadOptions(BadRecords.FAIL, 0, precision));
    int d = data.numFeatures();
    JavaRDD<Tuple2<Object, Vector>> pairs = MLUtils.loadLibSVMFile(spark.sparkContext(), path, d, partitions)
        .toJavaRDD().map(p -> new Tuple2<>(p.label() > 0 ? 1.0 : 0.0, p.features()));
    BenchData b = new BenchData(spark, path, data.blocks(), data.numRows(), d, data.arrayBytes(), pairs);
    b.cached.add(data.blocks());
    return b;
  }

  /** MLlib's input, cached and counted on first use. */
  JavaRDD<Tuple2<Object, Vector>> mllib() {
    if (mllib == null) {
      mllib = mllibSource.setName("bench mllib pairs").persist(StorageLevel.MEMORY_ONLY());
      mllib.count();
      cached.add(mllib);
    }
    return mllib;
  }

  /** Spark ML's input (label, features), cached and counted on first use. */
  Dataset<Row> ml() {
    if (ml == null) {
      StructType schema = new StructType().add("label", DataTypes.DoubleType)
          .add("features", SQLDataTypes.VectorType());
      JavaRDD<Row> rowsRdd = mllibSource.map(t -> RowFactory.create(t._1(), t._2().asML()));
      ml = spark.createDataFrame(rowsRdd, schema).persist(StorageLevel.MEMORY_ONLY());
      ml.count();
    }
    return ml;
  }

  /** The same blocks on the driver, for the in-memory loop: generated again, or collected. */
  List<Block> localBlocks() {
    if (spec == null) {
      return blocks.collect();
    }
    List<Block> out = new ArrayList<>();
    int pieces = 8;
    for (int p = 0; p < pieces; p++) {
      blocksOf(spec, p, pieces, perBlock, precision).forEachRemaining(out::add);
    }
    return out;
  }

  void release() {
    for (JavaRDD<?> r : cached) {
      r.unpersist(false);
    }
    if (ml != null) {
      ml.unpersist(false);
    }
  }

  static Iterator<Block> blocksOf(SyntheticSpec spec, int p, int partitions, int perBlock,
      FeaturePrecision precision) {
    List<Block> out = new ArrayList<>();
    BlockBuilder builder = new BlockBuilder(spec.features(), false, perBlock, precision);
    spec.generate(spec.rows() * p / partitions, spec.rows() * (p + 1) / partitions, (y, idx, val, n) -> {
      builder.add(y, 1.0, idx, val, 0, n);
      if (builder.rows() == perBlock) {
        out.add(builder.build());
      }
    });
    if (builder.rows() > 0) {
      out.add(builder.build());
    }
    return out.iterator();
  }

  private static Iterator<Tuple2<Object, Vector>> pairsOf(SyntheticSpec spec, int p, int partitions) {
    List<Tuple2<Object, Vector>> out = new ArrayList<>();
    spec.generate(spec.rows() * p / partitions, spec.rows() * (p + 1) / partitions, (y, idx, val, n) -> {
      Vector v = spec.isDense() ? Vectors.dense(Arrays.copyOf(val, n))
          : Vectors.sparse(spec.features(), Arrays.copyOf(idx, n), Arrays.copyOf(val, n));
      out.add(new Tuple2<>(y, v));
    });
    return out.iterator();
  }
}
