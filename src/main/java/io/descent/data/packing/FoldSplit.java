package io.descent.data.packing;

import io.descent.BadInputException;
import io.descent.block.Block;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * Assigns every row to one of K cross-validation folds and re-packs each partition's blocks
 * so that a block holds rows of one fold only, tagged with it ({@link Block#group()}). Row i
 * (its global index in input order) goes to fold ⌊K·u⌋, u the same hash of (seed, i) the
 * holdout split draws, so folds depend on the data, the seed and K, not on partitioning. A
 * pass then selects a fold's rows, or all but a fold's, by block, without a per-row test.
 */
public final class FoldSplit {
  /** The re-packed data (all rows) and each fold's row count and Σv. */
  public record Folds(TrainingData data, long[] rows, double[] weightSums) {
    public int count() {
      return rows.length;
    }

    /** Σv of the rows a fold's model trains on: every row but the fold's. */
    public double trainingWeightSum(int fold) {
      return data.weightSum() - weightSums[fold];
    }
  }

  private FoldSplit() {}

  /** The fold of global row {@code index} among {@code k}. */
  public static int foldOf(long seed, long index, int k) {
    return Math.min(k - 1, (int) (HoldoutSplit.uniform(seed, index) * k));
  }

  public static Folds split(TrainingData data, int k, long seed, StorageLevel level) {
    if (k < 2) {
      throw new IllegalArgumentException("cross-validation needs 2 or more folds, not " + k);
    }
    IndexRangePartitioner ranges = new IndexRangePartitioner(data.numRows(), data.numPartitions());
    JavaRDD<Block> blocks = data.blocks().mapPartitionsWithIndex(
        new RegroupRows(ranges, k, index -> foldOf(seed, index, k), true), true);
    blocks.setName("descent " + k + " folds of " + data.blocks().name());
    blocks.persist(level);
    long[] rows = new long[k];
    double[] weights = new double[k];
    double weightSum = 0;
    long bytes = 0;
    for (FoldStats s : blocks.mapPartitions(b -> FoldStats.of(b, k)).collect()) {
      for (int f = 0; f < k; f++) {
        rows[f] += s.rows[f];
        weights[f] += s.weightSums[f];
      }
      weightSum += s.weightSum;
      bytes += s.bytes;
    }
    for (int f = 0; f < k; f++) {
      if (rows[f] == 0 || !(weights[f] > 0) || !(weightSum - weights[f] > 0)) {
        blocks.unpersist(false);
        throw new BadInputException("--folds " + k + " leaves fold " + (f + 1) + " with "
            + rows[f] + " rows (of positive weight " + weights[f] + ") of " + data.numRows()
            + "; every fold needs rows, and rows outside it: use fewer folds");
      }
    }
    TrainingData folded = data.withBlocks(blocks, data.numRows(), weightSum, bytes);
    data.release();
    return new Folds(folded, rows, weights);
  }

  /** One partition's rows and Σv per fold, and its total Σv summed block by block. */
  private record FoldStats(long[] rows, double[] weightSums, double weightSum, long bytes)
      implements Serializable {
    static Iterator<FoldStats> of(Iterator<Block> blocks, int k) {
      long[] rows = new long[k];
      double[] weights = new double[k];
      double total = 0;
      long bytes = 0;
      while (blocks.hasNext()) {
        Block b = blocks.next();
        double w = b.weightSum();
        rows[b.group()] += b.numRows();
        weights[b.group()] += w;
        total += w;
        bytes += b.arrayBytes();
      }
      return List.of(new FoldStats(rows, weights, total, bytes)).iterator();
    }
  }
}
