package io.descent.data.packing;

import io.descent.block.Block;
import io.descent.profile.DataProfile;
import io.descent.profile.FeatureTally;
import io.descent.profile.PartitionProfile;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * A packed partition's totals together with its data profile, from the same walk over its
 * blocks: the packing job's one action gathers both, so the profile costs no extra pass.
 */
final class ProfiledStats implements FlatMapFunction<Iterator<Block>, ProfiledStats.Partition> {
  private static final long serialVersionUID = 1L;

  /** What one partition ships: {@link PackStats} and its profile. */
  record Partition(PackStats stats, PartitionProfile profile) implements Serializable {}

  private final boolean classLabels;

  ProfiledStats(boolean classLabels) {
    this.classLabels = classLabels;
  }

  @Override
  public Iterator<Partition> call(Iterator<Block> blocks) {
    FeatureTally tally = new FeatureTally(classLabels);
    long rows = 0;
    double weightSum = 0;
    long bytes = 0;
    int count = 0;
    int dense = 0;
    while (blocks.hasNext()) {
      Block b = blocks.next();
      tally(b, tally);
      rows += b.numRows();
      weightSum += b.weightSum();
      bytes += b.arrayBytes();
      count++;
      dense += b.isSparse() ? 0 : 1;
    }
    return List.of(new Partition(new PackStats(rows, weightSum, bytes, count, dense),
        tally.summarize(DataProfile.PARTITION_FEATURES, null))).iterator();
  }

  /** Every row of a block, its values widened to double as the kernels read them. */
  static void tally(Block b, FeatureTally tally) {
    int d = b.numFeatures();
    for (int r = 0; r < b.numRows(); r++) {
      tally.addLabel(b.label(r));
      if (b.isSparse()) {
        int[] indices = b.indices();
        for (int p = b.rowStart()[r]; p < b.rowStart()[r + 1]; p++) {
          tally.addValue(indices[p], b.value(p));
        }
      } else {
        for (int j = 0, base = r * d; j < d; j++) {
          tally.addValue(j, b.value(base + j));
        }
      }
    }
  }
}
