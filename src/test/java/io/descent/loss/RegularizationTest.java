package io.descent.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RegularizationTest {
  private final ParamLayout layout = new ParamLayout(3, 1, true);

  @Test
  void elasticNetValueFollowsTheDesignFormulaAndSkipsTheIntercept() {
    Regularization r = new Regularization(0.5, 0.25, layout);
    double[] x = {1, -2, 3, 100};
    // λ((1−α)/2 ‖w‖² + α‖w‖₁) = 0.5 (0.375·14 + 0.25·6)
    assertEquals(0.5 * (0.375 * 14 + 0.25 * 6), r.l2Value(x) + r.l1Value(x), 1e-15);
  }

  @Test
  void proxSoftThresholdsCoefficientsOnly() {
    Regularization r = new Regularization(1.0, 1.0, layout);
    double[] out = r.proxL1(new double[] {0.3, -2, 0.05, 0.01}, 0.1);
    assertArrayEquals(new double[] {0.2, -1.9, 0.0, 0.01}, out, 1e-15);
  }

  @Test
  void minimalSubgradientIsZeroInsideTheDeadZone() {
    Regularization r = new Regularization(1.0, 1.0, layout);
    double[] sub = r.minNormSubgradient(new double[] {0, 1, 0, 0}, new double[] {0.5, 0.5, 2, 0.2});
    assertArrayEquals(new double[] {0, 1.5, 1, 0.2}, sub, 1e-15);
  }
}
