package io.descent.engine;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * Sums one partial vector per partition in one Spark job, in a fixed order: partials are
 * added in partition order within contiguous groups ({@link AggregationPlan}), group sums
 * in group order, the last level on the driver. Every addition happens in a place fixed by
 * the partition index, never by which task finished first, so the result is the same bit
 * for bit on every run, retry and thread count. Partials travel sparse while sparse
 * ({@link Partial}); an executor holds one dense accumulator per task, the driver one.
 */
final class TreeSum {
  /** A partial is shipped sparse when fewer than this fraction of its entries are non-zero. */
  static final double SPARSE_BELOW = 1.0 / 3;

  private static final Comparator<Integer> ORDER = (Comparator<Integer> & Serializable) Integer::compare;

  private final int depth;
  private final double sparseBelow;

  TreeSum(int depth, double sparseBelow) {
    AggregationPlan.fanIns(1, depth);
    this.depth = depth;
    this.sparseBelow = sparseBelow;
  }

  /** How many partials reach the driver's final addition when {@code partitions} partials start. */
  int partialsAtDriver(int partitions) {
    int keys = partitions;
    for (int fanIn : AggregationPlan.fanIns(partitions, depth)) {
      keys = AggregationPlan.groups(keys, fanIn);
    }
    return keys;
  }

  double[] sum(JavaRDD<double[]> partials, int length) {
    int partitions = partials.getNumPartitions();
    List<Integer> fanIns = AggregationPlan.fanIns(partitions, depth);
    JavaPairRDD<Integer, Partial> level =
        partials.mapPartitionsWithIndex(new Keyed(sparseBelow), true).mapToPair(t -> t);
    int keys = partitions;
    for (int fanIn : fanIns) {
      level = level.repartitionAndSortWithinPartitions(new ContiguousGroups(keys, fanIn), ORDER)
          .mapPartitionsToPair(new GroupSum(fanIn, length, sparseBelow), true);
      keys = AggregationPlan.groups(keys, fanIn);
    }
    // collect() returns the partitions' elements in partition (= key) order.
    double[] total = new double[length];
    for (Tuple2<Integer, Partial> p : level.collect()) {
      p._2().addTo(total);
    }
    return total;
  }

  /** (partition index, the partition's one partial). */
  private static final class Keyed
      implements Function2<Integer, Iterator<double[]>, Iterator<Tuple2<Integer, Partial>>> {
    private static final long serialVersionUID = 1L;
    private final double sparseBelow;

    Keyed(double sparseBelow) {
      this.sparseBelow = sparseBelow;
    }

    @Override
    public Iterator<Tuple2<Integer, Partial>> call(Integer index, Iterator<double[]> it) {
      double[] p = it.next();
      if (it.hasNext()) {
        throw new IllegalStateException("a kernel emitted more than one partial");
      }
      return List.of(new Tuple2<>(index, Partial.of(p, sparseBelow))).iterator();
    }
  }

  /** Adds a group's partials, which arrive sorted by key, into one keyed by the group. */
  private static final class GroupSum
      implements PairFlatMapFunction<Iterator<Tuple2<Integer, Partial>>, Integer, Partial> {
    private static final long serialVersionUID = 1L;
    private final int fanIn;
    private final int length;
    private final double sparseBelow;

    GroupSum(int fanIn, int length, double sparseBelow) {
      this.fanIn = fanIn;
      this.length = length;
      this.sparseBelow = sparseBelow;
    }

    @Override
    public Iterator<Tuple2<Integer, Partial>> call(Iterator<Tuple2<Integer, Partial>> members) {
      double[] acc = new double[length];
      int group = -1;
      while (members.hasNext()) {
        Tuple2<Integer, Partial> m = members.next();
        group = m._1() / fanIn;
        m._2().addTo(acc);
      }
      if (group < 0) {
        return List.<Tuple2<Integer, Partial>>of().iterator();
      }
      return List.of(new Tuple2<>(group, Partial.of(acc, sparseBelow))).iterator();
    }
  }
}
