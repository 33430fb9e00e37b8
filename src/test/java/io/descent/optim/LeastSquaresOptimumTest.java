package io.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.block.Block;
import io.descent.loss.Loss;
import io.descent.loss.Losses;
import io.descent.loss.ParamLayout;
import io.descent.loss.Regularization;
import io.descent.testing.Datasets;
import io.descent.testing.InMemoryObjective;
import io.descent.testing.LinearSolve;
import io.descent.testing.TestBlocks;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ridge regression on the real heart_scale data (its ±1 column as a real target, features
 * in [−1, 1]): the optimizers must reach the normal-equations solution.
 */
class LeastSquaresOptimumTest {
  private static final double LAMBDA = 0.1;
  private final List<Block> blocks =
      TestBlocks.libsvm(Datasets.sample("heart_scale"), 64, y -> y);
  private final int d = blocks.get(0).numFeatures();
  private final ParamLayout layout = new ParamLayout(d, 1, true);
  private final Loss loss = Losses.byName("squared", 1);

  /**
   * Armijo's test compares F(x⁺) − F(x) summed from per-row differences, not two rounded
   * values of F, so it keeps seeing decreases down to ε-level gradients and reaches the
   * solution to 1e-8 like fixed-step descent (comparing values would stall near √ε).
   */
  @Test
  void armijoReachesTheClosedFormSolution() {
    double[] exact = closedForm();
    OptimizerState end = run(new ArmijoDescent(1.0), 5000);
    assertClose(exact, end.x(), 1e-8);
  }

  @Test
  void fixedStepGradientDescentReachesTheClosedFormSolution() {
    double[] exact = closedForm();
    OptimizerState end = run(new GradientDescent(0.1), 20000);
    assertClose(exact, end.x(), 1e-8);
  }

  @Test
  void armijoNeverIncreasesTheObjective() {
    Problem problem = problem(0.0);
    ArmijoDescent armijo = new ArmijoDescent(100.0);
    OptimizerState s = armijo.start(problem, new double[layout.size()]);
    for (int i = 0; i < 300; i++) {
      Step step = armijo.step(problem, s);
      if (step.stopReason() != null) {
        break;
      }
      assertTrue(step.state().value() <= s.value(), "iteration " + i);
      s = step.state();
    }
  }

  @Test
  void proximalArmijoReachesAStationaryPointOfTheElasticNet() {
    Problem problem = new Problem(new InMemoryObjective(blocks, loss, layout),
        new Regularization(0.05, 0.7, layout));
    ArmijoDescent armijo = new ArmijoDescent(1.0);
    OptimizerState s = armijo.start(problem, new double[layout.size()]);
    for (int i = 0; i < 5000 && s.evaluation().gradientNorm() > 1e-10; i++) {
      Step step = armijo.step(problem, s);
      assertTrue(step.state().value() <= s.value());
      if (step.stopReason() != null) {
        break;
      }
      s = step.state();
    }
    assertTrue(s.evaluation().gradientNorm() < 1e-7, "stationarity " + s.evaluation().gradientNorm());
    int zeros = 0;
    for (int j = 0; j < d; j++) {
      zeros += s.x()[j] == 0.0 ? 1 : 0;
    }
    assertTrue(zeros > 0, "L1 should zero out some coefficients exactly");
  }

  private OptimizerState run(Optimizer opt, int maxIter) {
    Problem problem = problem(LAMBDA);
    OptimizerState s = opt.start(problem, new double[layout.size()]);
    for (int i = 0; i < maxIter && s.evaluation().gradientNorm() > 1e-12; i++) {
      Step step = opt.step(problem, s);
      if (step.stopReason() != null) {
        break;
      }
      s = step.state();
    }
    return s;
  }

  private Problem problem(double lambda) {
    return new Problem(new InMemoryObjective(blocks, loss, layout),
        new Regularization(lambda, 0.0, layout));
  }

  private double[] closedForm() {
    int n = 0;
    for (Block b : blocks) {
      n += b.numRows();
    }
    double[][] x = new double[n][d];
    double[] y = new double[n];
    int row = 0;
    for (Block b : blocks) {
      for (int r = 0; r < b.numRows(); r++, row++) {
        y[row] = b.label(r);
        for (int p = b.rowStart()[r]; p < b.rowStart()[r + 1]; p++) {
          x[row][b.indices()[p]] = b.values()[p];
        }
      }
    }
    return LinearSolve.ridge(x, y, LAMBDA, true);
  }

  private static void assertClose(double[] expected, double[] actual, double relative) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < expected.length; i++) {
      num += (expected[i] - actual[i]) * (expected[i] - actual[i]);
      den += expected[i] * expected[i];
    }
    double rel = Math.sqrt(num / den);
    assertTrue(rel <= relative, "relative error " + rel);
    assertEquals(expected.length, actual.length);
  }
}
