package io.descent.data.packing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.block.Block;
import io.descent.block.BlockBuilder;
import io.descent.block.BlockLayout;
import io.descent.block.FeaturePrecision;
import io.descent.data.diagnostics.InputChangedException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class PartitionPackingTest {
  @Test
  void rangesAreContiguousAndCoverEveryRow() {
    for (long n : new long[] {1, 2, 10, 32561}) {
      for (int parts : new int[] {1, 3, 4, 7, 16}) {
        IndexRangePartitioner p = new IndexRangePartitioner(n, parts);
        assertEquals(0, p.start(0));
        assertEquals(n, p.start(parts));
        for (long i = 0; i < n; i++) {
          int q = p.partitionOf(i);
          assertTrue(p.start(q) <= i && i < p.start(q + 1), "row " + i + " of " + n + " in " + q);
          assertEquals(i == p.start(q), p.startsPartition(i));
        }
      }
    }
    assertEquals(new IndexRangePartitioner(10, 3), new IndexRangePartitioner(10, 3));
  }

  @Test
  void packerRecutsChunksIntoBlocksAndDetectsGaps() {
    IndexRangePartitioner ranges = new IndexRangePartitioner(10, 2); // partition 1 is rows 5..9
    PartitionPacker packer = new PartitionPacker(ranges, 2, false, 2, FeaturePrecision.DOUBLE);
    List<Tuple2<Long, Block>> chunks = List.of(chunk(5, 3), chunk(8, 2));
    List<Block> blocks = new ArrayList<>();
    packer.call(1, chunks.iterator()).forEachRemaining(blocks::add);
    assertEquals(List.of(2, 2, 1), blocks.stream().map(Block::numRows).toList());
    assertArrayEquals(new double[] {5, 6}, blocks.get(0).labels());
    assertArrayEquals(new double[] {9}, blocks.get(2).labels());
    assertArrayEquals(new double[] {9, 0}, blocks.get(2).values());

    Iterator<Block> gap = packer.call(1, List.of(chunk(5, 3), chunk(9, 1)).iterator());
    assertThrows(InputChangedException.class, () -> gap.forEachRemaining(b -> {}));
    Iterator<Block> shortRange = packer.call(1, List.of(chunk(5, 3)).iterator());
    assertThrows(InputChangedException.class, () -> shortRange.forEachRemaining(b -> {}));
    Iterator<Block> none = packer.call(0, List.<Tuple2<Long, Block>>of().iterator());
    assertThrows(InputChangedException.class, none::hasNext);

    // Fewer rows than partitions: partition 0 of 2 rows in 5 partitions is empty.
    PartitionPacker sparse = new PartitionPacker(new IndexRangePartitioner(2, 5), 2, false, 2,
        FeaturePrecision.DOUBLE);
    assertFalse(sparse.call(0, List.<Tuple2<Long, Block>>of().iterator()).hasNext());
  }

  @Test
  void floatChunksArePackedIntoFloatBlocksBitForBit() {
    IndexRangePartitioner ranges = new IndexRangePartitioner(5, 1);
    PartitionPacker packer = new PartitionPacker(ranges, 2, false, 4, FeaturePrecision.FLOAT);
    List<Block> blocks = new ArrayList<>();
    packer.call(0, List.of(floatChunk(0, 3), floatChunk(3, 2)).iterator()).forEachRemaining(blocks::add);
    assertEquals(List.of(4, 1), blocks.stream().map(Block::numRows).toList());
    for (Block b : blocks) {
      assertTrue(b.isFloat());
    }
    // Row i = (i / 3, 0): dense, each value the float nearest i / 3.
    assertArrayEquals(new float[] {0, 0, (float) (1 / 3.0), 0, (float) (2 / 3.0), 0, 1, 0},
        blocks.get(0).floatValues());
    assertArrayEquals(new float[] {(float) (4 / 3.0), 0}, blocks.get(1).floatValues());
  }

  /** A float CSR chunk of {@code n} rows from global index {@code start}; row i = (i / 3, 0). */
  private static Tuple2<Long, Block> floatChunk(long start, int n) {
    BlockBuilder b = new BlockBuilder(2, false, n, FeaturePrecision.FLOAT);
    for (int r = 0; r < n; r++) {
      double v = (start + r) / 3.0;
      b.add(v, 1, new int[] {0}, new double[] {v}, 0, 1);
    }
    return new Tuple2<>(start, b.buildSparse());
  }

  /** A CSR chunk of {@code n} rows starting at global index {@code start}; row i = (i, [i, 0]). */
  private static Tuple2<Long, Block> chunk(long start, int n) {
    BlockBuilder b = new BlockBuilder(2, false, n);
    for (int r = 0; r < n; r++) {
      double v = start + r;
      b.add(v, 1, new int[] {0}, new double[] {v}, 0, 1);
    }
    return new Tuple2<>(start, b.buildSparse());
  }
}
