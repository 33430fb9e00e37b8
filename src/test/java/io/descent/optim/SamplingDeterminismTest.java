package io.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.block.Block;
import io.descent.loss.Losses;
import io.descent.loss.PassRequest;
import io.descent.loss.PassResult;
import io.descent.loss.ParamLayout;
import io.descent.loss.RowSampler;
import io.descent.testing.Datasets;
import io.descent.testing.InMemoryObjective;
import io.descent.testing.TestBlocks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mini-batches depend on (seed, iteration, partition) and on nothing else. */
class SamplingDeterminismTest {
  private static boolean[] draws(long seed, int iteration, int partition, int n, double f) {
    RowSampler s = RowSampler.of(seed, iteration, partition);
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = s.take(f);
    }
    return out;
  }

  @Test
  void theSameKeyDrawsTheSameRowsAndOtherKeysDrawOthers() {
    boolean[] a = draws(42, 7, 3, 10_000, 0.1);
    assertArrayEquals(a, draws(42, 7, 3, 10_000, 0.1));
    assertFalse(java.util.Arrays.equals(a, draws(43, 7, 3, 10_000, 0.1)));
    assertFalse(java.util.Arrays.equals(a, draws(42, 8, 3, 10_000, 0.1)));
    assertFalse(java.util.Arrays.equals(a, draws(42, 7, 4, 10_000, 0.1)));
    int taken = 0;
    for (boolean b : a) {
      taken += b ? 1 : 0;
    }
    assertTrue(taken > 900 && taken < 1100, "about 10% of the rows: " + taken);
  }

  @Test
  void sampledGradientIsReproducibleAndUnbiasedInTheLimit() {
    List<Block> blocks = TestBlocks.libsvm(Datasets.shared("a9a"), 4096, y -> y > 0 ? 1 : 0);
    ParamLayout layout = new ParamLayout(123, 1, true);
    InMemoryObjective obj = new InMemoryObjective(blocks, Losses.byName("logistic", 1), layout);
    double[] x = new double[layout.size()];
    x[3] = 0.5;
    double[] g1 = new double[x.length];
    double[] g2 = new double[x.length];
    double v1 = sampled(obj, x, new BatchSpec(0.1, 42, 5), g1);
    double v2 = sampled(obj, x, new BatchSpec(0.1, 42, 5), g2);
    assertEquals(Double.doubleToRawLongBits(v1), Double.doubleToRawLongBits(v2));
    assertArrayEquals(g1, g2, 0.0);
    double[] full = new double[x.length];
    assertEquals(valueAndGradient(obj, x, full), v1, 0.0, "the value is over all rows");
    double[] all = new double[x.length];
    sampled(obj, x, new BatchSpec(1.0, 42, 5), all);
    assertArrayEquals(full, all, 1e-12, "fraction 1 is the full gradient");
  }

  private static double sampled(InMemoryObjective f, double[] x, BatchSpec b, double[] grad) {
    PassResult r = f.run(PassRequest.sampledGradientAt(x, b.fraction(), b.seed(), b.iteration()));
    System.arraycopy(r.gradient(), 0, grad, 0, grad.length);
    return r.value();
  }

  private static double valueAndGradient(InMemoryObjective f, double[] x, double[] grad) {
    PassResult r = f.run(PassRequest.gradientAt(x));
    System.arraycopy(r.gradient(), 0, grad, 0, grad.length);
    return r.value();
  }
}
