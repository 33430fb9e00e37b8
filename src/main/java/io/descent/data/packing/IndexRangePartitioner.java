package io.descent.data.packing;

import org.apache.spark.Partitioner;

/**
 * Sends global row index i to the partition p whose contiguous range [p·n/P, (p+1)·n/P)
 * holds it: the partitioning depends on the row count and P only.
 */
final class IndexRangePartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;

  private final long numRows;
  private final int numPartitions;

  IndexRangePartitioner(long numRows, int numPartitions) {
    if (numRows < 1 || numPartitions < 1) {
      throw new IllegalArgumentException("need rows and partitions, got " + numRows + " and " + numPartitions);
    }
    this.numRows = numRows;
    this.numPartitions = numPartitions;
  }

  @Override
  public int numPartitions() {
    return numPartitions;
  }

  /** The first global index of partition p (p may be numPartitions: the end). */
  long start(int p) {
    return Math.multiplyExact((long) p, numRows) / numPartitions;
  }

  /** The largest p with start(p) <= i, i.e. ceil((i+1)·P/n) - 1. */
  int partitionOf(long index) {
    if (index < 0 || index >= numRows) {
      throw new IllegalArgumentException("row index " + index + " is outside 0.." + (numRows - 1));
    }
    long scaled = Math.multiplyExact(index + 1, (long) numPartitions);
    return (int) ((scaled + numRows - 1) / numRows - 1);
  }

  /** Whether row i is the first row of its partition. */
  boolean startsPartition(long index) {
    return start(partitionOf(index)) == index;
  }

  @Override
  public int getPartition(Object key) {
    return partitionOf((Long) key);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IndexRangePartitioner p && p.numRows == numRows && p.numPartitions == numPartitions;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(numRows) * 31 + numPartitions;
  }
}
