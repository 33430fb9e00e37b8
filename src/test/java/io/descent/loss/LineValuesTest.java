package io.descent.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.block.Block;
import io.descent.testing.InMemoryObjective;
import io.descent.testing.TestBlocks;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-pass line function: f(x + t·d) − f(x) and its slope at many t agree with pointwise
 * evaluations and with finite differences, and the differences stay accurate where
 * subtracting two values of f cannot.
 */
class LineValuesTest {
  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (String loss : List.of("squared", "logistic", "hinge", "squared_hinge", "softmax")) {
      for (boolean sparse : new boolean[] {false, true}) {
        b.add(Arguments.of(loss, sparse));
      }
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0} sparse={1}")
  @MethodSource("cases")
  void differencesAndSlopesMatchPointwiseValuesAndFiniteDifferences(String lossName, boolean sparse) {
    Random rnd = new Random(5);
    Setup s = new Setup(rnd, lossName, sparse);
    double[] steps = {2.0, 1.0, 0.3, 1e-2, 1e-4};
    PassResult.LineSums line = s.objective.run(PassRequest.along(s.x, s.d, steps, false)).line();
    double base = value(s.objective, s.x);
    double h = 1e-6;
    for (int i = 0; i < steps.length; i++) {
      double t = steps[i];
      double direct = value(s.objective, at(s.x, s.d, t)) - base;
      assertEquals(direct, line.differences()[i], 1e-12 * Math.max(1, Math.abs(base)),
          lossName + " difference at t=" + t);
      if (!lossName.equals("hinge")) {
        double numeric = (value(s.objective, at(s.x, s.d, t + h))
            - value(s.objective, at(s.x, s.d, t - h))) / (2 * h);
        assertEquals(numeric, line.slopes()[i], 1e-6 * Math.max(1, Math.abs(numeric)),
            lossName + " slope at t=" + t);
      }
    }
    double[][] moves = {scaled(s.d, 0.5), scaled(s.d, -1e-3)};
    double[] diffs = differences(s.objective, s.x, moves);
    assertEquals(line.differences()[0] / 1, differences(s.objective, s.x, new double[][] {scaled(s.d, 2.0)})[0],
        1e-12 * Math.max(1, Math.abs(base)));
    assertEquals(value(s.objective, at(s.x, s.d, 0.5)) - base, diffs[0], 1e-12 * Math.max(1, Math.abs(base)));
    assertEquals(value(s.objective, at(s.x, s.d, -1e-3)) - base, diffs[1], 1e-12 * Math.max(1, Math.abs(base)));
  }

  /**
   * At t = 1e-9 the true difference is about t·φ'(0), some 1e-9 of f: subtracting two
   * doubles of f keeps only ~7 of its digits, the per-row sum keeps ~13. The reference is
   * the second-order Taylor value t·φ'(0) + t²/2·φ''(0), whose error is O(t³).
   */
  @ParameterizedTest(name = "{0} sparse={1}")
  @MethodSource("cases")
  void tinyDifferencesKeepTheirDigits(String lossName, boolean sparse) {
    if (lossName.equals("hinge")) {
      return; // piecewise linear: its differences are exact products anyway
    }
    Random rnd = new Random(9);
    Setup s = new Setup(rnd, lossName, sparse);
    double t = 1e-9;
    double e = 1e-4;
    PassResult.LineSums line =
        s.objective.run(PassRequest.along(s.x, s.d, new double[] {t, 0, e, -e}, false)).line();
    double slope0 = line.slopes()[1];
    double curvature = (line.slopes()[2] - line.slopes()[3]) / (2 * e);
    BigDecimal taylor = new BigDecimal(t).multiply(new BigDecimal(slope0))
        .add(new BigDecimal(t * t / 2 * curvature), MathContext.DECIMAL128);
    double expected = taylor.doubleValue();
    assertEquals(0.0, line.differences()[1], 0.0, "no move, no difference");
    assertTrue(Math.abs(line.differences()[0] - expected) <= 1e-11 * Math.abs(expected),
        lossName + ": " + line.differences()[0] + " vs Taylor " + expected);
  }

  private static double value(InMemoryObjective f, double[] x) {
    return f.run(PassRequest.valuesAt(x)).value();
  }

  private static double[] differences(InMemoryObjective f, double[] x, double[][] moves) {
    return f.run(PassRequest.differences(x, moves)).differences();
  }

  private static double[] at(double[] x, double[] d, double t) {
    double[] p = x.clone();
    for (int i = 0; i < p.length; i++) {
      p[i] += t * d[i];
    }
    return p;
  }

  private static double[] scaled(double[] d, double t) {
    return at(new double[d.length], d, t);
  }

  /** Two weighted blocks, a random point and direction, intercept on. */
  private static final class Setup {
    final InMemoryObjective objective;
    final double[] x;
    final double[] d;

    Setup(Random rnd, String lossName, boolean sparse) {
      int k = lossName.equals("softmax") ? 3 : 1;
      Loss loss = Losses.byName(lossName, k);
      int dim = 7;
      ParamLayout layout = new ParamLayout(dim, loss.numOutputs(), true);
      objective = new InMemoryObjective(
          List.of(block(rnd, lossName, 60, dim, sparse), block(rnd, lossName, 33, dim, sparse)),
          loss, layout);
      x = new double[layout.size()];
      d = new double[layout.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = 0.7 * rnd.nextGaussian();
        d[i] = rnd.nextGaussian();
      }
    }

    private static Block block(Random rnd, String loss, int n, int d, boolean sparse) {
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = loss.equals("squared") ? 3 * rnd.nextGaussian()
            : loss.equals("softmax") ? rnd.nextInt(3) : rnd.nextInt(2);
      }
      Block dense = TestBlocks.randomHalfZero(rnd, n, d, y, true);
      return sparse ? TestBlocks.toSparse(dense) : dense;
    }
  }
}
