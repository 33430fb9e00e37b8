package io.descent.optim;

import static io.descent.optim.OptimizerRuns.assertNonIncreasing;
import static io.descent.optim.OptimizerRuns.last;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.BadInputException;
import io.descent.ExitCodes;
import io.descent.block.Block;
import io.descent.loss.Losses;
import io.descent.loss.ParamLayout;
import io.descent.loss.Regularization;
import io.descent.testing.Datasets;
import io.descent.testing.InMemoryObjective;
import io.descent.testing.LinearSolve;
import io.descent.testing.TestBlocks;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Trust-region Newton-CG in memory: the closed-form solution of a badly conditioned least
 * squares, newton's optimum for logistic regression, lbfgs's for softmax, a stationary point
 * of the L2-loss SVM, and the refusals (L1, hinge).
 */
class TronTest {

  /** Columns scaled over four orders of magnitude: XᵀX has a condition number near 10⁸. */
  @Test
  void reachesTheClosedFormOfABadlyConditionedLeastSquares() {
    Random rnd = new Random(3);
    int n = 300;
    int d = 12;
    double[][] rows = new double[n][d];
    double[] y = new double[n];
    double[] values = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        rows[i][j] = rnd.nextGaussian() * Math.pow(10, -2 + 4.0 * j / (d - 1));
        values[i * d + j] = rows[i][j];
      }
      y[i] = rnd.nextGaussian() + rows[i][0] * 50 + rows[i][d - 1] * 0.01;
    }
    double lambda = 1e-6;
    double[] exact = LinearSolve.ridge(rows, y, lambda, true);
    ParamLayout layout = new ParamLayout(d, 1, true);
    Problem problem = new Problem(new InMemoryObjective(
        List.of(Block.dense(d, y, null, values)), Losses.byName("squared", 1), layout),
        new Regularization(lambda, 0.0, layout));
    List<OptimizerState> states = OptimizerRuns.run(new Tron(), problem,
        new double[layout.size()], 200, s -> s.evaluation().gradientNorm() <= 1e-11);
    OptimizerState end = last(states);
    report("quadratic", states, problem);
    assertNonIncreasing("tron", states);
    assertTrue(end.evaluation().gradientNorm() <= 1e-11, "|g| " + end.evaluation().gradientNorm());
    assertTrue(OptimizerRuns.relativeDistance(end.x(), exact) < 1e-6,
        "distance " + OptimizerRuns.relativeDistance(end.x(), exact));
  }

  @Test
  void reachesNewtonsLogisticOptimumOnHeartScale() {
    List<Block> blocks = TestBlocks.libsvm(Datasets.sample("heart_scale"), 64, y -> y > 0 ? 1 : 0);
    matchesNewton(blocks, "logistic", 1e-3, true);
  }

  @Test
  void reachesNewtonsIllConditionedLogisticOptimumOnA9a() {
    List<Block> blocks = TestBlocks.libsvm(Datasets.shared("a9a"), 4096, y -> y > 0 ? 1 : 0);
    matchesNewton(blocks, "logistic", 1e-4, true);
  }

  @Test
  void reachesNewtonsSquaredHingeOptimumOnHeartScale() {
    List<Block> blocks = TestBlocks.libsvm(Datasets.sample("heart_scale"), 64, y -> y > 0 ? 1 : 0);
    matchesNewton(blocks, "squared_hinge", 1e-3, false);
  }

  /** Both methods run to |∇F| ≤ 1e-10; their optima agree to the conditioning of F. */
  private static void matchesNewton(List<Block> blocks, String loss, double lambda,
      boolean intercept) {
    int d = blocks.get(0).numFeatures();
    ParamLayout layout = new ParamLayout(d, 1, intercept);
    Problem forNewton = problem(blocks, loss, layout, lambda);
    List<OptimizerState> newton = OptimizerRuns.run(new NewtonMethod(4096), forNewton,
        new double[layout.size()], 100, s -> s.evaluation().gradientNorm() <= 1e-10);
    Problem forTron = problem(blocks, loss, layout, lambda);
    List<OptimizerState> tron = OptimizerRuns.run(new Tron(), forTron,
        new double[layout.size()], 200, s -> s.evaluation().gradientNorm() <= 1e-10);
    report(loss + " newton", newton, forNewton);
    report(loss + " tron", tron, forTron);
    assertNonIncreasing("tron", tron);
    OptimizerState a = last(newton);
    OptimizerState b = last(tron);
    assertTrue(b.evaluation().gradientNorm() <= 1e-10, "|g| " + b.evaluation().gradientNorm());
    assertEquals(a.value(), b.value(), 1e-12 * Math.abs(a.value()));
    assertTrue(OptimizerRuns.relativeDistance(b.x(), a.x()) < 1e-6,
        "distance " + OptimizerRuns.relativeDistance(b.x(), a.x()));
  }

  /** 26 classes of letter.scale, 442 parameters: lbfgs's optimum, in fewer passes. */
  @Test
  void reachesTheSoftmaxOptimumOfLbfgsOnLetter() {
    List<Block> blocks = TestBlocks.libsvm(Datasets.shared("letter.scale"), 2048, y -> y - 1);
    int d = blocks.get(0).numFeatures();
    ParamLayout layout = new ParamLayout(d, 26, true);
    Problem forLbfgs = new Problem(new InMemoryObjective(blocks, Losses.byName("softmax", 26),
        layout), new Regularization(1e-4, 0.0, layout));
    List<OptimizerState> lbfgs = OptimizerRuns.run(new Lbfgs(10), forLbfgs,
        new double[layout.size()], 3000, s -> s.evaluation().gradientNorm() <= 1e-8);
    Problem forTron = new Problem(new InMemoryObjective(blocks, Losses.byName("softmax", 26),
        layout), new Regularization(1e-4, 0.0, layout));
    List<OptimizerState> tron = OptimizerRuns.run(new Tron(), forTron,
        new double[layout.size()], 300, s -> s.evaluation().gradientNorm() <= 1e-8);
    report("softmax lbfgs", lbfgs, forLbfgs);
    report("softmax tron", tron, forTron);
    assertNonIncreasing("tron", tron);
    OptimizerState a = last(lbfgs);
    OptimizerState b = last(tron);
    assertTrue(b.evaluation().gradientNorm() <= 1e-8, "|g| " + b.evaluation().gradientNorm());
    assertEquals(a.value(), b.value(), 1e-10 * Math.abs(a.value()));
  }

  @Test
  void refusesL1NamingTheOptimizersThatHandleIt() {
    List<Block> blocks = TestBlocks.libsvm(Datasets.sample("heart_scale"), 64, y -> y > 0 ? 1 : 0);
    ParamLayout layout = new ParamLayout(blocks.get(0).numFeatures(), 1, true);
    Problem l1 = new Problem(new InMemoryObjective(blocks, Losses.byName("logistic", 1), layout),
        new Regularization(0.1, 0.5, layout));
    BadInputException e = assertThrows(BadInputException.class,
        () -> OptimizerRuns.start(new Tron(), l1, new double[layout.size()]));
    assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
    assertTrue(e.getMessage().contains("lbfgs (OWL-QN)") && e.getMessage().contains("nesterov"),
        e.getMessage());
  }

  @Test
  void refusesHingeNamingSquaredHinge() {
    List<Block> blocks = TestBlocks.libsvm(Datasets.sample("heart_scale"), 64, y -> y > 0 ? 1 : 0);
    ParamLayout layout = new ParamLayout(blocks.get(0).numFeatures(), 1, true);
    Problem hinge = problem(blocks, "hinge", layout, 0.1);
    BadInputException e = assertThrows(BadInputException.class,
        () -> OptimizerRuns.start(new Tron(), hinge, new double[layout.size()]));
    assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
    assertTrue(e.getMessage().contains("squared_hinge"), e.getMessage());
  }

  private static Problem problem(List<Block> blocks, String loss, ParamLayout layout,
      double lambda) {
    return new Problem(new InMemoryObjective(blocks, Losses.byName(loss, 1), layout),
        new Regularization(lambda, 0.0, layout));
  }

  private static void report(String what, List<OptimizerState> states, Problem problem) {
    OptimizerState end = last(states);
    System.out.printf("%s: F=%.15g |g|=%.2e iterations=%d passes=%d%n", what, end.value(),
        end.evaluation().gradientNorm(), states.size() - 1, problem.passes());
  }
}
