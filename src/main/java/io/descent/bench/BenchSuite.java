package io.descent.bench;

import io.descent.block.FeaturePrecision;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * What {@code descent bench} runs: each dataset cached once, then every contender of
 * {@link SpeedBenchmark} on it, one Markdown table per dataset.
 */
public final class BenchSuite {
  /**
   * The command's settings. {@code paths} empty means synthetic data: dense
   * {@code rows} × {@code denseFeatures} and/or sparse {@code sparseRows} × {@code sparseFeatures}
   * with {@code nnzPerRow} non-zeros (power law of exponent {@code skew}).
   */
  public record Options(List<String> paths, boolean dense, boolean sparse, long rows,
      int denseFeatures, long sparseRows, int sparseFeatures, int nnzPerRow, double skew,
      int iterations, int rounds, int lbfgsMemory, int partitions, Set<String> methods, String writeTo,
      FeaturePrecision precision) {}

  public static final List<String> METHODS = SpeedBenchmark.METHODS;

  /** The synthetic datasets as LIBSVM text under {@code writeTo}/dense and /sparse. */
  private static void write(SparkSession spark, Options o, int partitions, PrintStream out) {
    List<SyntheticSpec> specs = new ArrayList<>();
    if (o.dense()) {
      specs.add(SyntheticSpec.dense(o.rows(), o.denseFeatures()));
    }
    if (o.sparse()) {
      specs.add(SyntheticSpec.sparse(o.sparseRows(), o.sparseFeatures(), o.nnzPerRow(), o.skew()));
    }
    for (SyntheticSpec spec : specs) {
      String path = o.writeTo() + (spec.isDense() ? "/dense" : "/sparse");
      SyntheticLibsvm.write(spark, spec, partitions, path);
      out.printf(Locale.ROOT, "wrote %s (%d features) to %s%n", spec.describe(), spec.features(), path);
    }
  }

  private BenchSuite() {}

  /** Each method in a JVM of its own with heap {@code heap}; {@code childArgs} is the rest. */
  public static void runForked(List<String> childArgs, List<String> methods, String heap,
      PrintStream out) throws Exception {
    ForkedBench.run(childArgs, methods, heap, out);
  }

  public static void run(SparkSession spark, Options o, PrintStream out) throws Exception {
    PeakHeap.watchCollections();
    int partitions = o.partitions() > 0 ? o.partitions() : spark.sparkContext().defaultParallelism();
    if (o.writeTo() != null) {
      write(spark, o, partitions, out);
      return;
    }
    SpeedBenchmark bench = new SpeedBenchmark(spark, o.iterations(), o.lbfgsMemory(), o.methods(), out);
    out.printf(Locale.ROOT, "master %s, %d partitions, %d timed iterations x %d rounds, %d cores, max heap %.1f GB, load average %.2f%n",
        spark.sparkContext().master(), partitions, o.iterations(), o.rounds(),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e9,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    // Loaded or generated when its turn comes, and released after: one dataset in memory at a time.
    List<Supplier<BenchData>> sets = new ArrayList<>();
    for (String p : o.paths()) {
      sets.add(() -> BenchData.libsvm(spark, p, partitions, o.precision()));
    }
    if (o.paths().isEmpty() && o.dense()) {
      sets.add(() -> BenchData.synthetic(spark, SyntheticSpec.dense(o.rows(), o.denseFeatures()), partitions,
          o.precision()));
    }
    if (o.paths().isEmpty() && o.sparse()) {
      sets.add(() -> BenchData.synthetic(spark, SyntheticSpec.sparse(o.sparseRows(), o.sparseFeatures(),
          o.nnzPerRow(), o.skew()), partitions, o.precision()));
    }
    for (Supplier<BenchData> set : sets) {
      BenchData data = set.get();
      try {
        out.printf(Locale.ROOT, "%n%s: %,d rows x %,d features%n", data.name, data.rows, data.features);
        List<SpeedBenchmark.Line> lines = bench.run(data, o.rounds());
        out.println(bench.storage(data));
        out.printf(Locale.ROOT, "peak heap: %.2f GB live after collections, %.2f GB in use (so far, this JVM)%n%n",
            PeakHeap.liveGigabytes(), PeakHeap.gigabytes());
        out.print(SpeedBenchmark.table(lines));
      } finally {
        data.release();
      }
    }
  }
}
