package io.descent.bench;

import io.descent.block.Block;
import io.descent.engine.DistributedObjective;
import io.descent.loss.Losses;
import io.descent.loss.PassRequest;
import io.descent.loss.ParamLayout;
import io.descent.store.CheckpointStore;
import io.descent.testing.MiniHdfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Time of one checkpoint against time of one iteration, for d = 100, 10⁴, 10⁶, on the local
 * file system and on HDFS (MiniDFSCluster). Not a test: run it with
 * {@code java -cp <test classpath> io.descent.bench.CheckpointOverheadBenchmark}
 * (see docs/benchmarks.md). Data: 200,000 synthetic sparse rows, 20 non-zeros each, seeded.
 */
public final class CheckpointOverheadBenchmark {
  private static final int ROWS = 200_000;
  private static final int NNZ = 20;
  private static final int REPEATS = 5;

  private CheckpointOverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSession.builder().master("local[2]").appName("ckpt-bench")
        .config("spark.ui.enabled", "false").getOrCreate();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Path tmp = Files.createTempDirectory("ckpt-bench");
    try (MiniHdfs hdfs = new MiniHdfs(tmp.resolve("dfs"), 1)) {
      System.out.println("| d | s/iteration | checkpoint (2 vectors) local s | HDFS s | ratio local | ratio HDFS | checkpoint (22 vectors, L-BFGS m=10) local s | HDFS s |");
      System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
      for (int d : new int[] {100, 10_000, 1_000_000}) {
        double iter = secondsPerIteration(jsc, d);
        double local2 = secondsPerCheckpoint(spark, tmp.resolve("ck-" + d).toUri().toString(), d, 2);
        double hdfs2 = secondsPerCheckpoint(spark, hdfs.uri() + "/ck-" + d, d, 2);
        double local22 = secondsPerCheckpoint(spark, tmp.resolve("ckl-" + d).toUri().toString(), d, 22);
        double hdfs22 = secondsPerCheckpoint(spark, hdfs.uri() + "/ckl-" + d, d, 22);
        System.out.printf("| %,d | %.4f | %.4f | %.4f | %.2f | %.2f | %.4f | %.4f |%n", d, iter,
            local2, hdfs2, local2 / iter, hdfs2 / iter, local22, hdfs22);
      }
    } finally {
      spark.stop();
    }
  }

  private static double secondsPerIteration(JavaSparkContext jsc, int d) {
    List<Integer> parts = List.of(0, 1);
    JavaRDD<Block> blocks = jsc.parallelize(parts, 2).map(p -> sparseBlock(p, d)).cache();
    blocks.count();
    ParamLayout layout = new ParamLayout(d, 1, false);
    DistributedObjective obj = new DistributedObjective(blocks, ROWS, Losses.byName("logistic", 2), layout);
    double[] x = new double[d];
    obj.run(PassRequest.gradientAt(x));
    long t = System.nanoTime();
    for (int i = 0; i < REPEATS; i++) {
      obj.run(PassRequest.gradientAt(x));
    }
    blocks.unpersist(true);
    return (System.nanoTime() - t) / 1e9 / REPEATS;
  }

  private static Block sparseBlock(int part, int d) {
    SplittableRandom rnd = new SplittableRandom(17 + part);
    int n = ROWS / 2;
    int[] start = new int[n + 1];
    int[] idx = new int[n * NNZ];
    double[] val = new double[n * NNZ];
    double[] y = new double[n];
    for (int r = 0; r < n; r++) {
      java.util.TreeSet<Integer> cols = new java.util.TreeSet<>();
      while (cols.size() < Math.min(NNZ, d)) {
        cols.add(rnd.nextInt(d));
      }
      int p = r * NNZ;
      for (int c : cols) {
        idx[p] = c;
        val[p++] = rnd.nextDouble();
      }
      start[r + 1] = p;
      y[r] = rnd.nextInt(2);
    }
    return Block.sparse(d, y, null, start, idx, val);
  }

  private static double secondsPerCheckpoint(SparkSession spark, String dir, int d, int vectors) {
    CheckpointStore store = new CheckpointStore(spark.sparkContext().hadoopConfiguration(), dir, 3,
        System.err::println);
    Map<String, double[]> v = new LinkedHashMap<>();
    for (int i = 0; i < vectors; i++) {
      double[] a = new double[d];
      java.util.Arrays.fill(a, i + 0.5);
      v.put("v" + i, a);
    }
    store.save(0, Map.of("history", new ArrayList<>()), v);
    long t = System.nanoTime();
    for (int i = 1; i <= REPEATS; i++) {
      store.save(i, Map.of("history", new ArrayList<>()), v);
    }
    return (System.nanoTime() - t) / 1e9 / REPEATS;
  }
}
