package io.descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class BlockPackingTest {
  @Test
  void theSmallerLayoutWins() {
    // 10 rows x 4 features: dense is 320 bytes; CSR is 12 nnz + 44.
    assertTrue(BlockLayout.denseIsSmaller(10, 4, 40));
    assertTrue(BlockLayout.denseIsSmaller(10, 4, 23)); // 320 <= 320: a tie goes to dense
    assertFalse(BlockLayout.denseIsSmaller(10, 4, 22));
    assertFalse(BlockLayout.denseIsSmaller(1000, 123, 13_870)); // a9a's density
    assertTrue(BlockLayout.denseIsSmaller(1000, 13, 12_510)); // heart_scale's density
  }

  @Test
  void theSmallerLayoutWinsForFloatValues() {
    // 10 rows x 4 features as floats: dense is 160 bytes; CSR is 8 nnz + 44.
    FeaturePrecision f = FeaturePrecision.FLOAT;
    assertTrue(BlockLayout.denseIsSmaller(10, 4, 15, f));
    assertFalse(BlockLayout.denseIsSmaller(10, 4, 14, f));
    assertFalse(BlockLayout.denseIsSmaller(1000, 123, 13_870, f));
    assertTrue(BlockLayout.denseIsSmaller(1000, 13, 12_510, f));
    // Half the bytes per value: about twice the rows in a block of the same size.
    assertEquals(8527, BlockLayout.rowsPerBlock(1 << 20, 123, 13_870, 1000, false, f));
    assertEquals(43690, BlockLayout.rowsPerBlock(1 << 20, 4, 4000, 1000, false, f));
    assertEquals(32768, BlockLayout.rowsPerBlock(1 << 20, 4, 4000, 1000, true, f));
  }

  @Test
  void rowsPerBlockFollowTheByteTarget() {
    // a9a: 13.87 nnz per row as CSR (12 * 13.87 + 4) plus an 8-byte label.
    assertEquals(5876, BlockLayout.rowsPerBlock(1 << 20, 123, 13_870, 1000, false));
    // dense, 4 features: 32 + 8 bytes per row, 8 more with weights.
    assertEquals(26214, BlockLayout.rowsPerBlock(1 << 20, 4, 4000, 1000, false));
    assertEquals(21845, BlockLayout.rowsPerBlock(1 << 20, 4, 4000, 1000, true));
    assertEquals(1, BlockLayout.rowsPerBlock(100, 1_000_000, 1_000_000_000L, 1000, false));
  }

  @Test
  void builderPacksDenseRowsDenseAndSparseRowsCsr() {
    BlockBuilder b = new BlockBuilder(3, true, 2);
    b.add(1, 0.5, new int[] {0, 1, 2}, new double[] {1, 2, 3}, 0, 3);
    b.add(0, 2.0, new int[] {0, 2}, new double[] {4, 6}, 0, 2);
    b.add(1, 1.0, new int[] {1}, new double[] {5}, 0, 1);
    Block dense = b.build();
    assertFalse(dense.isSparse());
    assertEquals(3, dense.numRows());
    assertArrayEquals(new double[] {1, 2, 3, 4, 0, 6, 0, 5, 0}, dense.values());
    assertArrayEquals(new double[] {1, 0, 1}, dense.labels());
    assertArrayEquals(new double[] {0.5, 2.0, 1.0}, dense.weights());
    assertEquals(0, b.rows());

    BlockBuilder s = new BlockBuilder(100, false, 2);
    s.add(1, 1, new int[] {3, 50}, new double[] {1, 2}, 0, 2);
    s.add(0, 1, new int[] {7, 99, 98}, new double[] {3, 4, 5}, 0, 1);
    Block sparse = s.build();
    assertTrue(sparse.isSparse());
    assertTrue(sparse.unitWeights());
    assertArrayEquals(new int[] {0, 2, 3}, sparse.rowStart());
    assertArrayEquals(new int[] {3, 50, 7}, sparse.indices());
    assertArrayEquals(new double[] {1, 2, 3}, sparse.values());
  }

  @Test
  void aFloatBuilderRoundsEachValueOnceAndCountsFourBytesPerValue() {
    BlockBuilder b = new BlockBuilder(3, true, 2, FeaturePrecision.FLOAT);
    b.add(1, 0.5, new int[] {0, 1, 2}, new double[] {0.1, 2, 1e-3}, 0, 3);
    b.add(0, 2.0, new int[] {0, 2}, new double[] {4, Math.PI}, 0, 2);
    Block dense = b.build();
    assertTrue(dense.isFloat() && !dense.isSparse());
    assertArrayEquals(new float[] {0.1f, 2, 1e-3f, 4, 0, (float) Math.PI}, dense.floatValues());
    assertEquals((double) 0.1f, dense.value(0));
    assertEquals(6, dense.storedValues());
    assertEquals(8 * 2 + 8 * 2 + 4 * 6, dense.arrayBytes());
    assertThrows(IllegalStateException.class, dense::values);
    assertEquals(8 * 2 + 8 * 2 + 8 * 6, denseCopy(dense).arrayBytes());

    BlockBuilder s = new BlockBuilder(100, false, 2, FeaturePrecision.FLOAT);
    s.add(1, 1, new int[] {3, 50}, new float[] {0.1f, 2}, 0, 2);
    s.add(0, 1, new int[] {7, 99, 98}, new double[] {0.3, 4, 5}, 0, 1);
    Block sparse = s.build();
    assertTrue(sparse.isFloat() && sparse.isSparse());
    assertArrayEquals(new int[] {3, 50, 7}, sparse.indices());
    // A float added as a float keeps its bits; a double is rounded to the nearest float.
    assertArrayEquals(new float[] {0.1f, 2, 0.3f}, sparse.floatValues());
    assertEquals(8 * 2 + 3 * (4 + 4) + 4 * 3, sparse.arrayBytes());
    assertThrows(IllegalArgumentException.class, () -> {
      BlockBuilder big = new BlockBuilder(1, false, 1, FeaturePrecision.FLOAT);
      big.add(0, 1, new int[] {0}, new double[] {1e39}, 0, 1);
      big.build();
    });
  }

  /** The same dense rows stored as doubles. */
  private static Block denseCopy(Block f) {
    double[] v = new double[f.storedValues()];
    for (int i = 0; i < v.length; i++) {
      v[i] = f.value(i);
    }
    return Block.dense(f.numFeatures(), f.labels(), f.weights(), v);
  }

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
