package io.descent.data.packing;

import io.descent.block.Block;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;

/** Totals of one packed partition, summed on the driver in partition order. */
public record PackStats(long rows, double weightSum, long arrayBytes, int blocks, int denseBlocks)
    implements Serializable {

  /** Sums one partition's blocks in block order (a deterministic floating-point sum). */
  public static Iterator<PackStats> of(Iterator<Block> blocks) {
    long rows = 0;
    double weightSum = 0;
    long bytes = 0;
    int count = 0;
    int dense = 0;
    while (blocks.hasNext()) {
      Block b = blocks.next();
      rows += b.numRows();
      weightSum += b.weightSum();
      bytes += b.arrayBytes();
      count++;
      dense += b.isSparse() ? 0 : 1;
    }
    return List.of(new PackStats(rows, weightSum, bytes, count, dense)).iterator();
  }
}
