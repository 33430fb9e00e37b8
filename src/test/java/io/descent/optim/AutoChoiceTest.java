package io.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.descent.loss.LossKind;
import org.junit.jupiter.api.Test;

/** The rules of --optimizer auto, one case each, without data. */
class AutoChoiceTest {
  private static OptimizerKind choose(LossKind loss, double reg, double alpha, long d) {
    return AutoChoice.choose(loss, reg, alpha, d, 4096, k -> true).kind();
  }

  @Test
  void smallSmoothProblemsGetNewton() {
    assertEquals(OptimizerKind.NEWTON, choose(LossKind.LOGISTIC, 0, 0, 14));
    assertEquals(OptimizerKind.NEWTON, choose(LossKind.SQUARED, 1e-3, 0, 124));
    assertEquals(OptimizerKind.NEWTON, choose(LossKind.SQUARED_HINGE, 0, 0, AutoChoice.NEWTON_PARAMETERS));
  }

  @Test
  void largerSmoothProblemsAndSoftmaxGetTron() {
    assertEquals(OptimizerKind.TRON, choose(LossKind.LOGISTIC, 0, 0, AutoChoice.NEWTON_PARAMETERS + 1));
    assertEquals(OptimizerKind.TRON, choose(LossKind.LOGISTIC, 1e-4, 0, 8316));
    // Softmax has Hessian-vector products but no newton matrix: tron even when small.
    assertEquals(OptimizerKind.TRON, choose(LossKind.SOFTMAX, 0, 0, 15));
    // newton's own limit wins over auto's.
    assertEquals(OptimizerKind.TRON, AutoChoice.choose(LossKind.LOGISTIC, 0, 0, 100, 50, k -> true).kind());
  }

  @Test
  void anL1PartOrHingeGetsLbfgs() {
    assertEquals(OptimizerKind.LBFGS, choose(LossKind.LOGISTIC, 1e-3, 0.5, 14));
    assertEquals(OptimizerKind.LBFGS, choose(LossKind.SQUARED, 1e-3, 1, 100_000));
    assertEquals(OptimizerKind.LBFGS, choose(LossKind.HINGE, 0, 0, 14));
    // α without λ has no L1 part.
    assertEquals(OptimizerKind.NEWTON, choose(LossKind.LOGISTIC, 0, 1, 14));
  }

  @Test
  void whatDoesNotFitTheDriverGivesWay() {
    assertEquals(OptimizerKind.TRON, AutoChoice.choose(LossKind.LOGISTIC, 0, 0, 100, 4096,
        k -> k != OptimizerKind.NEWTON).kind());
    AutoChoice.Choice tight = AutoChoice.choose(LossKind.LOGISTIC, 0, 0, 20_000_000, 4096,
        k -> k == OptimizerKind.LBFGS);
    assertEquals(OptimizerKind.LBFGS, tight.kind());
    assertEquals("tron's vectors for 20000000 parameters do not fit the driver's heap", tight.why());
  }
}
