package io.descent.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.block.Block;
import io.descent.loss.Losses;
import io.descent.loss.PassRequest;
import io.descent.loss.PassResult;
import io.descent.loss.ParamLayout;
import io.descent.testing.SharedSpark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;

/**
 * The tree reduction adds partials in the fixed order of its plan: equal bit for bit to the
 * same grouping computed sequentially here, on every run, and the same whether partials
 * travel sparse or dense.
 */
class TreeSumTest {
  private static final int PARTITIONS = 37;

  @Test
  void planIsFlatForFewPartitionsAndDeeperForMore() {
    assertEquals(List.of(), AggregationPlan.fanIns(4, 2), "few partitions: driver only, as before");
    assertEquals(List.of(), AggregationPlan.fanIns(PARTITIONS, 1));
    assertEquals(List.of(7), AggregationPlan.fanIns(PARTITIONS, 2));
    assertEquals(List.of(4, 4), AggregationPlan.fanIns(PARTITIONS, 3));
  }

  @Test
  void equalsTheSequentialGroupedSumOnEveryRun() {
    int length = 50;
    List<double[]> raw = craftedPartials(length, new Random(7));
    JavaRDD<double[]> rdd = SharedSpark.jsc().parallelize(raw, PARTITIONS);
    for (int depth = 1; depth <= 3; depth++) {
      double[] expected = sequential(raw, AggregationPlan.fanIns(PARTITIONS, depth), length);
      for (int run = 0; run < 3; run++) {
        double[] got = new TreeSum(depth, TreeSum.SPARSE_BELOW).sum(rdd, length);
        assertBits(expected, got, "depth " + depth + ", run " + run);
      }
    }
    // The test can tell orders apart: a flat sum differs from the depth-3 tree somewhere.
    assertFalse(Arrays.equals(sequential(raw, List.of(), length),
        sequential(raw, AggregationPlan.fanIns(PARTITIONS, 3), length)));
  }

  @Test
  void sparseAndDensePartialsGiveIdenticalGradients() {
    int d = 60;
    ParamLayout layout = new ParamLayout(d, 1, true);
    JavaRDD<Block> blocks = SharedSpark.jsc().parallelize(windowedBlocks(d, new Random(3)), PARTITIONS).cache();
    try {
      double[] x = new double[layout.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = 0.3 * Math.sin(5 * i);
      }
      for (int depth = 1; depth <= 3; depth++) {
        double[] dense = gradient(blocks, layout, x, new TreeSum(depth, 0.0));
        double[] sparse = gradient(blocks, layout, x, new TreeSum(depth, 2.0));
        double[] auto = gradient(blocks, layout, x, new TreeSum(depth, TreeSum.SPARSE_BELOW));
        assertBits(dense, sparse, "depth " + depth);
        assertBits(dense, auto, "depth " + depth);
      }
      double[] one = blocks.mapPartitionsWithIndex(new PassKernel(Losses.byName("logistic", 1),
          layout, Payload.of(SharedSpark.jsc(),
          io.descent.loss.PassBatch.of(PassRequest.gradientAt(x)), x.length)), false)
          .first();
      assertTrue(Partial.of(one, TreeSum.SPARSE_BELOW).isSparse(), "a partition's partial is sparse");
    } finally {
      blocks.unpersist(false);
    }
  }

  private static double[] gradient(JavaRDD<Block> blocks, ParamLayout layout, double[] x,
      TreeSum reduction) {
    DistributedObjective f = new DistributedObjective(blocks, 1000, Losses.byName("logistic", 1),
        layout, reduction);
    PassResult r = f.run(PassRequest.gradientAt(x));
    double[] g = r.gradient();
    double v = r.value();
    double[] out = Arrays.copyOf(g, g.length + 1);
    out[g.length] = v;
    return out;
  }

  /** Values of very different magnitudes (so order matters), many zeros and some −0.0. */
  private static List<double[]> craftedPartials(int length, Random rnd) {
    List<double[]> out = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      double[] v = new double[length];
      for (int i = 0; i < length; i++) {
        double u = rnd.nextDouble();
        v[i] = u < 0.6 ? 0.0 : u < 0.7 ? -0.0 : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(33) - 16);
      }
      out.add(v);
    }
    return out;
  }

  /** The reduction written out plainly: contiguous groups level by level, then in order. */
  private static double[] sequential(List<double[]> partials, List<Integer> fanIns, int length) {
    List<double[]> level = partials;
    for (int fanIn : fanIns) {
      List<double[]> next = new ArrayList<>();
      for (int g = 0; g * fanIn < level.size(); g++) {
        double[] acc = new double[length];
        for (int m = g * fanIn; m < Math.min(level.size(), (g + 1) * fanIn); m++) {
          for (int i = 0; i < length; i++) {
            acc[i] += level.get(m)[i];
          }
        }
        next.add(acc);
      }
      level = next;
    }
    double[] total = new double[length];
    for (double[] p : level) {
      for (int i = 0; i < length; i++) {
        total[i] += p[i];
      }
    }
    return total;
  }

  /** One block per partition; partition p's rows use features p … p+4 (mod d) only. */
  private static List<Block> windowedBlocks(int d, Random rnd) {
    List<Block> out = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      int rows = 20 + p;
      double[] labels = new double[rows];
      int[] start = new int[rows + 1];
      int[] idx = new int[rows * 3];
      double[] val = new double[rows * 3];
      for (int r = 0; r < rows; r++) {
        labels[r] = rnd.nextBoolean() ? 1 : 0;
        int[] cols = {p % d, (p + 2) % d, (p + 4) % d};
        Arrays.sort(cols);
        for (int k = 0; k < 3; k++) {
          idx[3 * r + k] = cols[k];
          val[3 * r + k] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(9) - 4);
        }
        start[r + 1] = 3 * (r + 1);
      }
      out.add(Block.sparse(d, labels, null, start, idx, val));
    }
    return out;
  }

  private static void assertBits(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
          what + ": coordinate " + i + " " + expected[i] + " vs " + actual[i]);
    }
  }
}
