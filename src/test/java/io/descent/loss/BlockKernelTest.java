package io.descent.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.block.Block;
import io.descent.testing.TestBlocks;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Float blocks against double blocks holding the same (float-rounded) values: the float
 * kernels widen each value and sum in double, so margins, gradients, losses and Gram matrices
 * agree to rounding of the sums, and repeated calls give the same bits.
 */
class BlockKernelTest {
  private static final double TOL = 1e-12;

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (boolean sparse : new boolean[] {false, true}) {
      for (int k : new int[] {1, 3}) {
        for (boolean intercept : new boolean[] {false, true}) {
          for (boolean weighted : new boolean[] {false, true}) {
            // 11 features: not a multiple of the dense loop's four accumulators.
            for (int d : new int[] {1, 4, 11}) {
              b.add(Arguments.of(sparse, k, intercept, weighted, d));
            }
          }
        }
      }
    }
    return b.build();
  }

  @ParameterizedTest(name = "sparse={0} K={1} intercept={2} weighted={3} d={4}")
  @MethodSource("cases")
  void floatBlocksMatchDoubleBlocksOfTheRoundedValues(boolean sparse, int k, boolean intercept,
      boolean weighted, int d) {
    Random rnd = new Random(17L * d + k);
    int n = 37;
    ParamLayout layout = new ParamLayout(d, k, intercept);
    Block f = floatBlock(rnd, n, d, k, weighted, sparse);
    Block w = TestBlocks.widened(f);
    assertTrue(f.isFloat() && !w.isFloat());
    double[] params = gaussian(rnd, layout.size());

    double[] mf = new double[n * k];
    double[] mw = new double[n * k];
    BlockKernel.margins(f, layout, params, mf);
    BlockKernel.margins(w, layout, params, mw);
    assertClose(mw, mf, "margins");

    double[] coef = gaussian(rnd, n * k);
    for (int i = 0; i < coef.length; i += 5) {
      coef[i] = 0; // rows the gradient loops skip
    }
    double[] start = gaussian(rnd, layout.size());
    double[] gf = start.clone();
    double[] gw = start.clone();
    BlockKernel.addGradient(f, layout, coef, gf);
    BlockKernel.addGradient(w, layout, coef, gw);
    assertClose(gw, gf, "gradient");

    Loss loss = k == 1 ? new LogisticLoss() : new SoftmaxLoss(k);
    BlockObjective obj = new BlockObjective(loss, layout);
    double[] lf = new double[layout.size()];
    double[] lw = new double[layout.size()];
    double vf = obj.addLossAndGradient(f, params, lf);
    double vw = obj.addLossAndGradient(w, params, lw);
    assertEquals(vw, vf, TOL * Math.max(1, Math.abs(vw)), "loss");
    assertClose(lw, lf, "loss gradient");

    // Determinism: the same call again gives the same bits.
    double[] mf2 = new double[n * k];
    BlockKernel.margins(f, layout, params, mf2);
    assertArrayEquals(mf, mf2);
    double[] gf2 = start.clone();
    BlockKernel.addGradient(f, layout, coef, gf2);
    assertArrayEquals(gf, gf2);
    double[] lf2 = new double[layout.size()];
    assertEquals(vf, new BlockObjective(loss, layout).addLossAndGradient(f, params, lf2), 0.0);
    assertArrayEquals(lf, lf2);
  }

  @ParameterizedTest(name = "sparse={0} K={1} intercept={2} weighted={3} d={4}")
  @MethodSource("cases")
  void floatGramMatchesTheDoubleGram(boolean sparse, int k, boolean intercept, boolean weighted,
      int d) {
    if (k != 1) {
      return; // the Hessian is for single-output losses
    }
    Random rnd = new Random(5L * d);
    int n = 29;
    Block f = floatBlock(rnd, n, d, 1, weighted, sparse);
    Block w = TestBlocks.widened(f);
    double[] c = new double[n];
    for (int r = 0; r < n; r++) {
      c[r] = r % 7 == 0 ? 0 : rnd.nextDouble();
    }
    int size = BlockGram.size(d, intercept);
    double[] hf = new double[size * size];
    double[] hw = new double[size * size];
    BlockGram.addWeightedGram(f, intercept, c, hf);
    BlockGram.addWeightedGram(w, intercept, c, hw);
    assertClose(hw, hf, "Gram");
    double[] again = new double[size * size];
    BlockGram.addWeightedGram(f, intercept, c, again);
    assertArrayEquals(hf, again);
  }

  private static Block floatBlock(Random rnd, int n, int d, int k, boolean weighted,
      boolean sparse) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = rnd.nextInt(Math.max(2, k));
    }
    // Values with many significant bits, so rounding to float really changes them.
    Block dense = TestBlocks.randomHalfZero(rnd, n, d, y, weighted);
    return TestBlocks.toFloat(sparse ? TestBlocks.toSparse(dense) : dense);
  }

  private static double[] gaussian(Random rnd, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextGaussian();
    }
    return x;
  }

  private static void assertClose(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], TOL * Math.max(1, Math.abs(expected[i])), what + " " + i);
    }
  }
}
