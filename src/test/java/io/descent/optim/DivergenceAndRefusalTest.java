package io.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.BadInputException;
import io.descent.DivergedException;
import io.descent.ExitCodes;
import io.descent.block.Block;
import io.descent.loss.Losses;
import io.descent.loss.ParamLayout;
import io.descent.loss.Regularization;
import io.descent.testing.Datasets;
import io.descent.testing.InMemoryObjective;
import io.descent.testing.TestBlocks;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fixed steps above 2/L end in exit 3 within a few iterations, with a message that names a
 * step to try; newton refuses what it cannot do with exit 2.
 */
class DivergenceAndRefusalTest {
  private static final List<Block> BLOCKS = TestBlocks.libsvm(Datasets.sample("heart_scale"), 64, y -> y);
  private static final int D = BLOCKS.get(0).numFeatures();

  private static Problem problem(String loss, int k, double alpha) {
    ParamLayout layout = new ParamLayout(D, k, true);
    return new Problem(new InMemoryObjective(BLOCKS, Losses.byName(loss, Math.max(k, 2)), layout),
        new Regularization(0.01, alpha, layout));
  }

  /** L of least squares on heart_scale: the bound's top eigenvalue, converged. */
  private static double lipschitz(Problem p) {
    ParamLayout layout = new ParamLayout(D, 1, true);
    return LipschitzEstimate.largestEigenvalue(
        new InMemoryObjective(BLOCKS, Losses.byName("squared", 1), layout), 500) + 0.01;
  }

  @Test
  void gradientDescentAboveTwoOverLStopsQuicklyWithAStepToTry() {
    Problem p = problem("squared", 1, 0);
    double step = 2.2 / lipschitz(p);
    GradientDescent gd = new GradientDescent(step);
    DivergedException e = assertThrows(DivergedException.class,
        () -> OptimizerRuns.run(gd, p, new double[D + 1], 1000, s -> false));
    assertEquals(ExitCodes.DIVERGED, e.exitCode());
    assertTrue(e.getMessage().contains("--step " + GradientDescent.fmt(step / 4)), e.getMessage());
    assertTrue(p.passes() < 100, "took " + p.passes() + " passes to notice");
  }

  @Test
  void gradientDescentJustBelowTwoOverLConverges() {
    Problem p = problem("squared", 1, 0);
    List<OptimizerState> states = OptimizerRuns.run(new GradientDescent(1.9 / lipschitz(p)), p,
        new double[D + 1], 3000, s -> s.evaluation().gradientNorm() < 1e-9);
    assertTrue(OptimizerRuns.last(states).evaluation().gradientNorm() < 1e-9);
  }

  @Test
  void autoStepIsAnUpperBoundOfTheCurvatureWithinTheSafetyFactor() {
    Problem p = problem("squared", 1, 0);
    ParamLayout layout = new ParamLayout(D, 1, true);
    double estimate = LipschitzEstimate.of(
        new InMemoryObjective(BLOCKS, Losses.byName("squared", 1), layout),
        new Regularization(0.01, 0, layout));
    double exact = lipschitz(p);
    assertTrue(estimate >= exact && estimate <= LipschitzEstimate.SAFETY * exact,
        "estimate " + estimate + " exact " + exact);
  }

  @Test
  void nesterovWithATooLargeFixedStepStops() {
    Problem p = problem("squared", 1, 0);
    double step = 3 / lipschitz(p);
    DivergedException e = assertThrows(DivergedException.class, () -> OptimizerRuns.run(
        new AcceleratedGradient(step), p, new double[D + 1], 1000, s -> false));
    assertTrue(e.getMessage().contains("--step"), e.getMessage());
  }

  @Test
  void sgdWithAHugeStepStops() {
    Problem p = problem("squared", 1, 0);
    StochasticGradient sgd = new StochasticGradient(StochasticGradient.Update.SGD, 100,
        StepSchedule.CONSTANT, 0, 0, 0.5, 1);
    DivergedException e = assertThrows(DivergedException.class,
        () -> OptimizerRuns.run(sgd, p, new double[D + 1], 1000, s -> false));
    assertTrue(e.getMessage().contains("--step 10.0"), e.getMessage());
  }

  @Test
  void newtonRefusesLargeModelsSoftmaxAndL1() {
    BadInputException big = assertThrows(BadInputException.class,
        () -> OptimizerRuns.start(new NewtonMethod(5), problem("logistic", 1, 0), new double[D + 1]));
    assertEquals(ExitCodes.BAD_INPUT, big.exitCode());
    assertTrue(big.getMessage().contains("newton-max-dim"), big.getMessage());
    BadInputException softmax = assertThrows(BadInputException.class,
        () -> OptimizerRuns.start(new NewtonMethod(4096), problem("softmax", 2, 0), new double[2 * (D + 1)]));
    assertTrue(softmax.getMessage().contains("softmax"), softmax.getMessage());
    BadInputException l1 = assertThrows(BadInputException.class,
        () -> OptimizerRuns.start(new NewtonMethod(4096), problem("logistic", 1, 0.5), new double[D + 1]));
    assertTrue(l1.getMessage().contains("lbfgs"), l1.getMessage());
  }
}
