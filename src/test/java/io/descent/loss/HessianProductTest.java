package io.descent.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.descent.block.Block;
import io.descent.optim.Problem;
import io.descent.testing.InMemoryObjective;
import io.descent.testing.TestBlocks;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * tron's passes against finite differences, without Spark: the Hessian-vector product
 * against central differences of the gradient, the diagonal against products with unit
 * vectors, for every loss with a Hessian, dense and sparse blocks of double or float values,
 * with and without intercept and L2. The gradient that comes with the diagonal has the bits of
 * the plain gradient pass.
 */
class HessianProductTest {
  private static final int D = 6;

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (String loss : List.of("squared", "logistic", "squared_hinge", "softmax")) {
      for (boolean sparse : new boolean[] {false, true}) {
        for (boolean intercept : new boolean[] {false, true}) {
          for (boolean floats : new boolean[] {false, true}) {
            b.add(Arguments.of(loss, sparse, intercept, floats));
          }
        }
      }
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0} sparse={1} intercept={2} float={3}")
  @MethodSource("cases")
  void hessianTimesMatchesDifferencesOfTheGradient(String lossName, boolean sparse,
      boolean intercept, boolean floats) {
    Setup s = new Setup(lossName, sparse, intercept, floats, 0.3);
    double[] v = gaussian(new Random(19), s.x.length);
    double[] hv = s.problem.hessianTimes(s.x, v);
    double h = 1e-6;
    double[] up = s.problem.evaluate(axpy(h, v, s.x)).gradient();
    double[] down = s.problem.evaluate(axpy(-h, v, s.x)).gradient();
    for (int i = 0; i < hv.length; i++) {
      double numeric = (up[i] - down[i]) / (2 * h);
      assertEquals(numeric, hv[i], 1e-6 * Math.max(1, Math.abs(numeric)),
          lossName + " coordinate " + i);
    }
  }

  @ParameterizedTest(name = "{0} sparse={1} intercept={2} float={3}")
  @MethodSource("cases")
  void diagonalMatchesProductsWithUnitVectors(String lossName, boolean sparse,
      boolean intercept, boolean floats) {
    Setup s = new Setup(lossName, sparse, intercept, floats, 0.3);
    Problem.Diagonal at = s.problem.evaluateWithDiagonal(s.x);
    for (int j = 0; j < s.x.length; j++) {
      double[] unit = new double[s.x.length];
      unit[j] = 1;
      double hjj = s.problem.hessianTimes(s.x, unit)[j];
      assertEquals(hjj, at.diagonal()[j], 1e-12 * Math.max(1, Math.abs(hjj)),
          lossName + " diagonal " + j);
    }
    // The gradient pass with the diagonal gives the plain gradient pass's bits.
    assertArrayEquals(s.problem.evaluate(s.x).gradient(), at.evaluation().gradient(), 0.0);
    assertEquals(s.problem.evaluate(s.x).value(), at.evaluation().value(), 0.0);
  }

  /** The trial pass: F(x + s) − F(x), and the gradient and diagonal at x + s. */
  @ParameterizedTest(name = "{0} sparse={1} intercept={2} float={3}")
  @MethodSource("cases")
  void trialPointBringsItsGradientAndDiagonal(String lossName, boolean sparse,
      boolean intercept, boolean floats) {
    Setup s = new Setup(lossName, sparse, intercept, floats, 0.3);
    double[] step = gaussian(new Random(23), s.x.length);
    for (int i = 0; i < step.length; i++) {
      step[i] *= 0.1;
    }
    Problem.Diagonal from = s.problem.evaluateWithDiagonal(s.x);
    Problem.Trial t = s.problem.trial(from.evaluation(), step);
    Problem.Diagonal direct = s.problem.evaluateWithDiagonal(axpy(1, step, s.x));
    double f = from.evaluation().value();
    assertEquals(direct.evaluation().value() - f, t.difference(), 1e-12 * Math.max(1, f));
    assertArrayEquals(direct.evaluation().x(), t.at().evaluation().x(), 0.0);
    assertClose(direct.evaluation().gradient(), t.at().evaluation().gradient(), 1e-12);
    assertClose(direct.diagonal(), t.at().diagonal(), 1e-12);
  }

  /** For single-output losses the product is the explicit Hessian (newton's pass) times v. */
  @ParameterizedTest(name = "{0} sparse={1} intercept={2} float={3}")
  @MethodSource("cases")
  void productIsTheExplicitHessianTimesTheVector(String lossName, boolean sparse,
      boolean intercept, boolean floats) {
    if (lossName.equals("softmax")) {
      return;
    }
    Setup s = new Setup(lossName, sparse, intercept, floats, 0.0);
    int n = s.x.length;
    double[] v = gaussian(new Random(29), n);
    double[] upper = s.objective.run(PassRequest.hessianAt(s.x)).hessianUpper();
    double[] expected = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double hij = i <= j ? upper[i + j * n] : upper[j + i * n];
        expected[i] += hij * v[j];
      }
    }
    assertClose(expected, s.objective.run(PassRequest.hessianTimes(s.x, v)).hessianTimes(),
        1e-12);
  }

  @Test
  void hingeHasNoHessianProducts() {
    Setup s = new Setup("hinge", false, true, false, 0.0);
    assertThrows(UnsupportedOperationException.class,
        () -> s.objective.run(PassRequest.hessianTimes(s.x, s.x)));
    assertThrows(UnsupportedOperationException.class,
        () -> s.objective.run(PassRequest.gradientAndDiagonalAt(s.x)));
  }

  /** Random blocks of one loss's labels, a random point, and F over them. */
  private static final class Setup {
    final InMemoryObjective objective;
    final Problem problem;
    final double[] x;

    Setup(String lossName, boolean sparse, boolean intercept, boolean floats, double l2) {
      Random rnd = new Random(lossName.hashCode());
      int k = lossName.equals("softmax") ? 3 : 1;
      Loss loss = Losses.byName(lossName, k);
      ParamLayout layout = new ParamLayout(D, loss.numOutputs(), intercept);
      List<Block> blocks = List.of(block(rnd, lossName, 40, sparse),
          block(rnd, lossName, 17, sparse));
      if (floats) {
        blocks = blocks.stream().map(TestBlocks::toFloat).toList();
      }
      objective = new InMemoryObjective(blocks, loss, layout);
      problem = new Problem(objective, new Regularization(l2, 0.0, layout));
      x = gaussian(rnd, layout.size());
      for (int i = 0; i < x.length; i++) {
        x[i] *= 0.5;
      }
    }
  }

  private static Block block(Random rnd, String loss, int n, boolean sparse) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = loss.equals("squared") ? 2 * rnd.nextGaussian()
          : loss.equals("softmax") ? rnd.nextInt(3) : rnd.nextInt(2);
    }
    Block dense = TestBlocks.randomHalfZero(rnd, n, D, y, true);
    return sparse ? TestBlocks.toSparse(dense) : dense;
  }

  private static double[] gaussian(Random rnd, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextGaussian();
    }
    return x;
  }

  private static double[] axpy(double a, double[] v, double[] x) {
    double[] out = x.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += a * v[i];
    }
    return out;
  }

  private static void assertClose(double[] expected, double[] actual, double tol) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], tol * Math.max(1, Math.abs(expected[i])), "entry " + i);
    }
  }
}
