package io.descent.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.block.Block;
import io.descent.optim.Evaluation;
import io.descent.optim.Problem;
import io.descent.testing.InMemoryObjective;
import io.descent.testing.TestBlocks;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every loss's analytic gradient against central finite differences of its value, dense and
 * sparse blocks of double or float values, with and without intercept, instance weights and
 * L2 regularization.
 */
class LossGradientTest {
  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (String loss : List.of("squared", "logistic", "hinge", "squared_hinge", "softmax")) {
      for (boolean sparse : new boolean[] {false, true}) {
        for (boolean intercept : new boolean[] {false, true}) {
          for (double l2 : new double[] {0.0, 0.3}) {
            for (boolean floats : new boolean[] {false, true}) {
              b.add(Arguments.of(loss, sparse, intercept, l2, floats));
            }
          }
        }
      }
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0} sparse={1} intercept={2} l2={3} float={4}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferences(String lossName, boolean sparse, boolean intercept,
      double l2, boolean floats) {
    Random rnd = new Random(7);
    int k = lossName.equals("softmax") ? 3 : 1;
    Loss loss = Losses.byName(lossName, k);
    int d = 6;
    ParamLayout layout = new ParamLayout(d, loss.numOutputs(), intercept);
    List<Block> blocks = List.of(block(rnd, lossName, 40, d, sparse), block(rnd, lossName, 17, d, sparse));
    if (floats) {
      blocks = blocks.stream().map(TestBlocks::toFloat).toList();
    }
    Problem problem = new Problem(new InMemoryObjective(blocks, loss, layout),
        new Regularization(l2, 0.0, layout));
    double[] x = new double[layout.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = 0.5 * rnd.nextGaussian();
    }
    Evaluation e = problem.evaluate(x);
    double h = 1e-6;
    for (int i = 0; i < x.length; i++) {
      double[] up = x.clone();
      double[] down = x.clone();
      up[i] += h;
      down[i] -= h;
      double numeric = (problem.evaluate(up).value() - problem.evaluate(down).value()) / (2 * h);
      assertEquals(numeric, e.gradient()[i], 1e-6 * Math.max(1, Math.abs(numeric)),
          lossName + " coordinate " + i);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("losses")
  void denseAndSparseBlocksAgree(String lossName) {
    Random rnd = new Random(11);
    Loss loss = Losses.byName(lossName, 4);
    ParamLayout layout = new ParamLayout(9, loss.numOutputs(), true);
    Block dense = block(rnd, lossName, 50, 9, false);
    Block sparse = TestBlocks.toSparse(dense);
    double[] x = new double[layout.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextGaussian();
    }
    double[] g1 = new double[x.length];
    double[] g2 = new double[x.length];
    BlockObjective obj = new BlockObjective(loss, layout);
    double v1 = obj.addLossAndGradient(dense, x, g1);
    double v2 = obj.addLossAndGradient(sparse, x, g2);
    assertEquals(v1, v2, 1e-10 * Math.abs(v1));
    for (int i = 0; i < x.length; i++) {
      assertEquals(g1[i], g2[i], 1e-10 * Math.max(1, Math.abs(g1[i])));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("losses")
  void lossesAlongALineMatchPointwiseLosses(String lossName) {
    Random rnd = new Random(3);
    Loss loss = Losses.byName(lossName, 3);
    ParamLayout layout = new ParamLayout(5, loss.numOutputs(), true);
    Block b = block(rnd, lossName, 30, 5, true);
    double[] x = new double[layout.size()];
    double[] dir = new double[layout.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextGaussian();
      dir[i] = rnd.nextGaussian();
    }
    double[] steps = {1.0, 0.5, 0.125, 1e-3};
    double[] along = new double[steps.length];
    BlockObjective obj = new BlockObjective(loss, layout);
    obj.addLossesAlong(b, x, dir, steps, along);
    for (int s = 0; s < steps.length; s++) {
      double[] p = x.clone();
      for (int i = 0; i < p.length; i++) {
        p[i] += steps[s] * dir[i];
      }
      double direct = obj.loss(b, p);
      assertEquals(direct, along[s], 1e-10 * Math.max(1, Math.abs(direct)));
    }
  }

  static Stream<String> losses() {
    return Stream.of("squared", "logistic", "hinge", "squared_hinge", "softmax");
  }

  /** Logistic stays finite and exact where a naive log(1+eᵐ) overflows. */
  @org.junit.jupiter.api.Test
  void logisticIsStableForLargeMargins() {
    LogisticLoss l = new LogisticLoss();
    double[] d = new double[1];
    assertEquals(1000.0, l.valueAndDerivative(0, new double[] {1000}, 0, d), 1e-12);
    assertEquals(1.0, d[0], 0);
    assertEquals(0.0, l.valueAndDerivative(1, new double[] {1000}, 0, d), 1e-12);
    assertEquals(1000.0, l.value(1, new double[] {-1000}, 0), 1e-12);
    SoftmaxLoss s = new SoftmaxLoss(3);
    double v = s.value(0, new double[] {1000, 0, -1000}, 0);
    assertTrue(Double.isFinite(v));
    assertEquals(0.0, v, 1e-12);
  }

  private static Block block(Random rnd, String loss, int n, int d, boolean sparse) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      switch (loss) {
        case "squared":
          y[i] = rnd.nextGaussian() * 2;
          break;
        case "softmax":
          y[i] = rnd.nextInt(3);
          break;
        default:
          y[i] = rnd.nextInt(2);
      }
    }
    Block dense = TestBlocks.randomHalfZero(rnd, n, d, y, true);
    return sparse ? TestBlocks.toSparse(dense) : dense;
  }
}
