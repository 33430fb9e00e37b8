package io.descent.engine;

import org.apache.spark.Partitioner;

/** Sends key i (a partial's position at the previous level) to group i / fanIn. */
final class ContiguousGroups extends Partitioner {
  private static final long serialVersionUID = 1L;
  private final int keys;
  private final int fanIn;

  ContiguousGroups(int keys, int fanIn) {
    this.keys = keys;
    this.fanIn = fanIn;
  }

  @Override
  public int numPartitions() {
    return AggregationPlan.groups(keys, fanIn);
  }

  @Override
  public int getPartition(Object key) {
    return (Integer) key / fanIn;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContiguousGroups g && g.keys == keys && g.fanIn == fanIn;
  }

  @Override
  public int hashCode() {
    return 31 * keys + fanIn;
  }
}
