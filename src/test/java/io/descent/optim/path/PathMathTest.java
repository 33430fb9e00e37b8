package io.descent.optim.path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.block.Block;
import io.descent.loss.Loss;
import io.descent.loss.LossKind;
import io.descent.loss.ParamLayout;
import io.descent.loss.PassRequest;
import io.descent.loss.Regularization;
import io.descent.optim.Lbfgs;
import io.descent.optim.OptimizerState;
import io.descent.optim.Problem;
import io.descent.optim.Step;
import io.descent.testing.InMemoryObjective;
import io.descent.testing.TestBlocks;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The path's pure parts: the grid, the null model and λ_max, the CV curve, the choice. */
class PathMathTest {

  @Test
  void theGridIsLogSpacedFromLambdaMaxDown() {
    double[] g = LambdaGrid.logSpaced(2.0, 1e-4, 5);
    assertEquals(2.0, g[0]);
    assertEquals(2e-4, g[4], 1e-18);
    for (int i = 1; i < g.length; i++) {
      assertEquals(10.0, g[i - 1] / g[i], 1e-12);
    }
    assertArrayEquals(new double[] {3}, LambdaGrid.logSpaced(3, 0.5, 1));
    assertArrayEquals(new double[] {1, 0.1, 0}, LambdaGrid.of(new double[] {0.1, 0, 1, 0.1}));
    assertThrows(IllegalArgumentException.class, () -> LambdaGrid.logSpaced(1, 1, 3));
    assertThrows(IllegalArgumentException.class, () -> LambdaGrid.of(new double[] {-1}));
  }

  private static List<Block> data(Random rnd, double[] labelsOf) {
    double[] labels = new double[200];
    for (int r = 0; r < labels.length; r++) {
      labels[r] = labelsOf[rnd.nextInt(labelsOf.length)];
    }
    return List.of(TestBlocks.randomDense(rnd, 200, 4, labels, true));
  }

  /**
   * At the null model the intercepts' gradient is zero; at λ_max the all-zero coefficients
   * satisfy the optimality condition |∂f/∂w| ≤ λα with equality for one coordinate; and a
   * fit just below λ_max moves a coefficient off zero while one at λ_max keeps all zero.
   */
  @Test
  void theNullModelIsOptimalExactlyDownToLambdaMax() {
    for (LossKind kind : new LossKind[] {LossKind.LOGISTIC, LossKind.SQUARED,
        LossKind.SOFTMAX, LossKind.SQUARED_HINGE}) {
      Random rnd = new Random(3);
      List<Block> blocks = data(rnd, kind == LossKind.SOFTMAX ? new double[] {0, 1, 2}
          : kind == LossKind.SQUARED ? new double[] {0.5, 2, 3.5} : new double[] {0, 1, 1});
      Loss loss = kind.create(3);
      ParamLayout layout = new ParamLayout(4, loss.numOutputs(), true);
      InMemoryObjective f = new InMemoryObjective(blocks, loss, layout);
      double[] g0 = f.run(PassRequest.gradientAt(new double[layout.size()])).gradient();
      double[] ig = new double[layout.numOutputs()];
      for (int c = 0; c < ig.length; c++) {
        ig[c] = g0[layout.interceptIndex(c)];
      }
      double[] x = NullModel.params(kind, layout, ig);
      double[] g = f.run(PassRequest.gradientAt(x)).gradient();
      for (int c = 0; c < layout.numOutputs(); c++) {
        assertEquals(0, g[layout.interceptIndex(c)], 1e-12, kind + " intercept " + c);
      }
      double alpha = 0.7;
      double max = NullModel.lambdaMax(g, layout, alpha);
      assertTrue(max > 0, kind.toString());
      assertEquals(0, nonZeros(fit(f, layout, max, alpha, x), layout), kind + " at λ_max");
      assertTrue(nonZeros(fit(f, layout, 0.9 * max, alpha, x), layout) > 0, kind + " below");
    }
  }

  private static double[] fit(InMemoryObjective f, ParamLayout layout, double lambda,
      double alpha, double[] x0) {
    Problem p = new Problem(f, new Regularization(lambda, alpha, layout));
    Lbfgs lbfgs = new Lbfgs(10);
    OptimizerState s = lbfgs.start(p, x0);
    for (int i = 0; i < 200 && s.evaluation().gradientNorm() > 1e-10; i++) {
      Step step = lbfgs.step(p, s);
      if (step.state() == null) {
        break;
      }
      s = step.state();
    }
    return s.x();
  }

  private static int nonZeros(double[] x, ParamLayout layout) {
    int n = 0;
    for (int c = 0; c < layout.numOutputs(); c++) {
      for (int j = 0; j < layout.numFeatures(); j++) {
        n += x[layout.coefficientIndex(c, j)] != 0 ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void ridgeUsesGlmnetsAlphaFloor() {
    ParamLayout layout = new ParamLayout(2, 1, false);
    assertEquals(3.0 / 1e-3, NullModel.lambdaMax(new double[] {-3, 1}, layout, 0), 1e-9);
    assertEquals(6.0, NullModel.lambdaMax(new double[] {-3, 1}, layout, 0.5), 1e-12);
  }

  @Test
  void theCurveWeighsFoldsAsCvGlmnet() {
    CvCurve c = CvCurve.of(new double[] {1, 2, 3}, new double[] {1, 1, 2});
    assertEquals(9.0 / 4, c.mean(), 1e-15);
    double var = (1.5625 + 0.0625 + 2 * 0.5625) / 4 / 2;
    assertEquals(Math.sqrt(var), c.standardError(), 1e-15);
  }

  @Test
  void minTakesTheLeastLossAndOneSeTheLargestLambdaWithinOneError() {
    CvCurve[] curves = {new CvCurve(0.9, 0.05), new CvCurve(0.62, 0.05),
        new CvCurve(0.55, 0.02), new CvCurve(0.5, 0.1), new CvCurve(0.52, 0.1)};
    assertEquals(3, LambdaSelection.MIN.choose(curves));
    assertEquals(2, LambdaSelection.ONE_SE.choose(curves), "0.55 ≤ 0.5 + 0.1, 0.62 is not");
    curves[2] = new CvCurve(Double.NaN, Double.NaN);
    assertEquals(3, LambdaSelection.ONE_SE.choose(curves), "a NaN is never within");
    assertEquals(LambdaSelection.ONE_SE, LambdaSelection.named("one-se"));
  }
}
