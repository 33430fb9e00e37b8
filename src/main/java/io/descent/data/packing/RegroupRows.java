package io.descent.data.packing;

import io.descent.block.Block;
import io.descent.block.BlockBuilder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;

/**
 * Re-packs each partition's rows by a group drawn from the row's global index: each input
 * block becomes one block per non-empty group, groups in order, rows in input order. The
 * holdout split keeps one group (its side) and drops the rest; the fold split keeps every
 * fold and tags each block with its fold.
 */
final class RegroupRows implements Function2<Integer, Iterator<Block>, Iterator<Block>> {
  private static final long serialVersionUID = 1L;

  /** The group of global row {@code index} in [0, groups), or −1 to drop the row. */
  interface GroupOf extends Serializable {
    int of(long index);
  }

  private final IndexRangePartitioner ranges;
  private final int groups;
  private final GroupOf groupOf;
  private final boolean tag;

  /** @param tag whether blocks carry their group ({@link Block#inGroup}) */
  RegroupRows(IndexRangePartitioner ranges, int groups, GroupOf groupOf, boolean tag) {
    this.ranges = ranges;
    this.groups = groups;
    this.groupOf = groupOf;
    this.tag = tag;
  }

  @Override
  public Iterator<Block> call(Integer partition, Iterator<Block> blocks) {
    long index = ranges.start(partition);
    List<Block> out = new ArrayList<>();
    BlockRows rows = new BlockRows();
    while (blocks.hasNext()) {
      Block b = blocks.next();
      BlockBuilder[] parts = new BlockBuilder[groups];
      for (int r = 0; r < b.numRows(); r++, index++) {
        int g = groupOf.of(index);
        if (g < 0) {
          continue;
        }
        if (parts[g] == null) {
          parts[g] = BlockRows.builderLike(b);
        }
        rows.copy(b, r, parts[g]);
      }
      for (int g = 0; g < groups; g++) {
        if (parts[g] != null) {
          out.add(tag ? parts[g].build().inGroup(g) : parts[g].build());
        }
      }
    }
    return out.iterator();
  }
}
