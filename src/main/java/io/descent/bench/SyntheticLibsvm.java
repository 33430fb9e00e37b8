package io.descent.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a {@link SyntheticSpec} dataset as LIBSVM text (one part file per partition,
 * 1-based indices, values printed to round-trip exactly), so that {@code descent train} can
 * be run on the very rows {@code descent bench} times: capacity tests at any size without
 * shipping data around.
 */
final class SyntheticLibsvm {
  private SyntheticLibsvm() {}

  /** Writes the rows under {@code path}, which must not exist yet (Hadoop refuses otherwise). */
  static void write(SparkSession spark, SyntheticSpec spec, int partitions, String path) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    jsc.parallelize(IntStream.range(0, partitions).boxed().toList(), partitions)
        .flatMap(p -> lines(spec, p, partitions).iterator())
        .saveAsTextFile(path);
  }

  private static List<String> lines(SyntheticSpec spec, int p, int partitions) {
    List<String> out = new ArrayList<>();
    StringBuilder s = new StringBuilder();
    spec.generate(spec.rows() * p / partitions, spec.rows() * (p + 1) / partitions, (y, idx, val, n) -> {
      s.setLength(0);
      s.append(y == 1.0 ? "1" : "0");
      for (int k = 0; k < n; k++) {
        s.append(' ').append(idx[k] + 1).append(':').append(val[k]);
      }
      out.add(s.toString());
    });
    return out;
  }
}
