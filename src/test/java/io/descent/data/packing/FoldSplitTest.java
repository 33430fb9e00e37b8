package io.descent.data.packing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.BadInputException;
import io.descent.block.Block;
import io.descent.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;

/** Folds are drawn from (seed, row index): the same rows in a fold however the data is cut. */
class FoldSplitTest {
  private static final int ROWS = 400;

  /** Row i has label i, so a fold's labels name its rows. */
  private static TrainingData rows(int partitions) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      blocks.add(Block.dense(2, new double[] {i}, new double[] {1 + i % 3},
          new double[] {i, -i}));
    }
    JavaRDD<Block> rdd = SharedSpark.jsc().parallelize(blocks, partitions).cache();
    double w = 0;
    for (Block b : blocks) {
      w += b.weightSum();
    }
    return new TrainingData(rdd, partitions, ROWS, 2, w, null, 0, null);
  }

  /** fold → sorted row indices, and fold → Σv. */
  private static TreeMap<Integer, List<Integer>> foldsOf(FoldSplit.Folds f) {
    TreeMap<Integer, List<Integer>> out = new TreeMap<>();
    for (Block b : f.data().blocks().collect()) {
      for (int r = 0; r < b.numRows(); r++) {
        out.computeIfAbsent(b.group(), g -> new ArrayList<>()).add((int) b.label(r));
      }
    }
    out.values().forEach(l -> l.sort(null));
    return out;
  }

  @Test
  void foldsDoNotDependOnThePartitioning() {
    FoldSplit.Folds one = FoldSplit.split(rows(1), 5, 42, StorageLevel.MEMORY_ONLY());
    FoldSplit.Folds seven = FoldSplit.split(rows(7), 5, 42, StorageLevel.MEMORY_ONLY());
    TreeMap<Integer, List<Integer>> a = foldsOf(one);
    assertEquals(a, foldsOf(seven));
    assertEquals(5, a.size());
    for (int f = 0; f < 5; f++) {
      assertEquals(a.get(f).size(), one.rows()[f]);
      assertEquals(one.rows()[f], seven.rows()[f]);
      assertEquals(one.weightSums()[f], seven.weightSums()[f], 1e-9);
      assertTrue(a.get(f).size() > ROWS / 5 / 2, "a fold holds about n/K rows: " + a.get(f).size());
      for (int row : a.get(f)) {
        assertEquals(f, FoldSplit.foldOf(42, row, 5));
      }
    }
    assertEquals(one.data().weightSum() - one.weightSums()[2], one.trainingWeightSum(2));
    FoldSplit.Folds otherSeed = FoldSplit.split(rows(3), 5, 7, StorageLevel.MEMORY_ONLY());
    assertTrue(!a.equals(foldsOf(otherSeed)), "the seed draws the folds");
    one.data().release();
    seven.data().release();
    otherSeed.data().release();
  }

  @Test
  void aFoldWithoutRowsIsABadInput() {
    TrainingData three = rows(2);
    List<Block> tiny = three.blocks().take(3);
    TrainingData data = new TrainingData(SharedSpark.jsc().parallelize(tiny, 1), 1, 3, 2, 6,
        null, 0, null);
    BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
        () -> FoldSplit.split(data, 10, 42, StorageLevel.MEMORY_ONLY()));
    assertTrue(e.getMessage().contains("--folds 10"), e.getMessage());
    three.release();
  }
}
