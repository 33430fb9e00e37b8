package io.descent.data.packing;

import io.descent.BadInputException;
import io.descent.block.Block;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * Splits loaded data into training rows and a held-out validation set. Row i (its global
 * index in input order) is held out when a hash of (seed, i) falls below the fraction, so the
 * split depends on the data, the seed and the fraction only, not on partitioning or threads.
 * Both parts stay in the data's partitions, as cached Blocks; the unsplit blocks are released.
 */
public final class HoldoutSplit {
  /** The two parts; each has the label mapping of the whole input. */
  public record Parts(TrainingData training, TrainingData holdout) {}

  private HoldoutSplit() {}

  public static Parts split(TrainingData data, double fraction, long seed, StorageLevel level) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("holdout fraction " + fraction + " is not in (0, 1)");
    }
    IndexRangePartitioner ranges = new IndexRangePartitioner(data.numRows(), data.numPartitions());
    TrainingData training = part(data, ranges, fraction, seed, false, level);
    TrainingData holdout;
    try {
      holdout = part(data, ranges, fraction, seed, true, level);
    } catch (RuntimeException e) {
      training.release();
      throw e;
    }
    if (training.numRows() == 0 || holdout.numRows() == 0 || !(training.weightSum() > 0)
        || !(holdout.weightSum() > 0)) {
      training.release();
      holdout.release();
      throw new BadInputException("--holdout " + fraction + " leaves " + training.numRows()
          + " training and " + holdout.numRows() + " validation rows (of positive weight);"
          + " both need some");
    }
    data.release();
    return new Parts(training, holdout);
  }

  /** Whether global row {@code index} is held out. */
  static boolean heldOut(long seed, long index, double fraction) {
    return uniform(seed, index) < fraction;
  }

  /** SplitMix64 of (seed, index) as a uniform in [0, 1): the split's and the folds' draw. */
  static double uniform(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (z >>> 11) * 0x1.0p-53;
  }

  private static TrainingData part(TrainingData data, IndexRangePartitioner ranges,
      double fraction, long seed, boolean held, StorageLevel level) {
    JavaRDD<Block> blocks = data.blocks().mapPartitionsWithIndex(new RegroupRows(ranges, 1,
        index -> heldOut(seed, index, fraction) == held ? 0 : -1, false), true);
    blocks.setName((held ? "descent holdout of " : "descent training part of ") + data.blocks().name());
    blocks.persist(level);
    long rows = 0;
    double weightSum = 0;
    long bytes = 0;
    for (PackStats s : blocks.mapPartitions(PackStats::of).collect()) {
      rows += s.rows();
      weightSum += s.weightSum();
      bytes += s.arrayBytes();
    }
    return data.withBlocks(blocks, rows, weightSum, bytes);
  }
}
