package io.descent.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
