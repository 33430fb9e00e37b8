package io.descent.optim;

import static io.descent.optim.OptimizerRuns.assertNonIncreasing;
import static io.descent.optim.OptimizerRuns.last;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.block.Block;
import io.descent.loss.Losses;
import io.descent.loss.ParamLayout;
import io.descent.loss.Regularization;
import io.descent.testing.Datasets;
import io.descent.testing.InMemoryObjective;
import io.descent.testing.SharedSpark;
import io.descent.testing.TestBlocks;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.optimization.LBFGS;
import org.apache.spark.mllib.optimization.LogisticGradient;
import org.apache.spark.mllib.optimization.SquaredL2Updater;
import org.apache.spark.mllib.util.MLUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * Logistic regression on a9a (labels −1→0, no intercept), in memory: every optimizer reaches
 * the optimum that Spark MLlib's own L-BFGS (tol 1e-10) finds, measured once per class and
 * evaluated with our Problem at MLlib's weights. λ = 1e-4 is ill-conditioned (lbfgs, newton),
 * λ = 0.1 well-conditioned (the first-order methods).
 */
class A9aOptimaTest {
  private static final int D = 123;
  private static List<Block> blocks;
  private static double wellConditionedOptimum;
  private static double illConditionedOptimum;

  @BeforeAll
  static void measureMllibOptima() {
    blocks = TestBlocks.libsvm(Datasets.shared("a9a"), 4096, y -> y > 0 ? 1 : 0);
    JavaRDD<Tuple2<Object, Vector>> data = MLUtils
        .loadLibSVMFile(SharedSpark.jsc().sc(), Datasets.shared("a9a").toString()).toJavaRDD()
        .map(p -> new Tuple2<Object, Vector>(p.label() > 0 ? 1.0 : 0.0, p.features())).cache();
    wellConditionedOptimum = problem(0.1).evaluate(mllib(data, 0.1)).value();
    illConditionedOptimum = problem(1e-4).evaluate(mllib(data, 1e-4)).value();
    data.unpersist(false);
  }

  private static double[] mllib(JavaRDD<Tuple2<Object, Vector>> data, double lambda) {
    return LBFGS.runLBFGS(data.rdd(), new LogisticGradient(), new SquaredL2Updater(), 10, 1e-10,
        500, lambda, Vectors.zeros(D))._1().toArray();
  }

  static Problem problem(double lambda) {
    ParamLayout layout = new ParamLayout(D, 1, false);
    return new Problem(new InMemoryObjective(blocks, Losses.byName("logistic", 1), layout),
        new Regularization(lambda, 0.0, layout));
  }

  private static double stepAuto(Problem problem, double lambda) {
    ParamLayout layout = new ParamLayout(D, 1, false);
    return 1 / LipschitzEstimate.of(
        new InMemoryObjective(blocks, Losses.byName("logistic", 1), layout),
        new Regularization(lambda, 0.0, layout));
  }

  /** Runs until F is within {@code rel} of the reference (or the budget ends). */
  private static List<OptimizerState> reach(Optimizer opt, double lambda, double reference,
      double rel, int maxIter) {
    Problem problem = problem(lambda);
    List<OptimizerState> states = OptimizerRuns.run(opt, problem, new double[D], maxIter,
        s -> (s.value() - reference) / reference <= rel * 0.5);
    double reached = last(states).value();
    System.out.printf("%s lambda=%g: F=%.12f F*=%.12f rel=%.2e iterations=%d passes=%d%n",
        opt.name(), lambda, reached, reference, (reached - reference) / reference,
        states.size() - 1, problem.passes());
    assertTrue((reached - reference) / reference <= rel,
        opt.name() + ": F = " + reached + ", MLlib F* = " + reference);
    // The recorded (tracked) objective is the objective.
    double fresh = problem(lambda).evaluate(last(states).x()).value();
    assertTrue(Math.abs(fresh - reached) <= 1e-13 * fresh, "recorded " + reached + " fresh " + fresh);
    return states;
  }

  @Test
  void lbfgsReachesTheIllConditionedOptimum() {
    assertNonIncreasing("lbfgs", reach(new Lbfgs(10), 1e-4, illConditionedOptimum, 1e-6, 1000));
  }

  @Test
  void newtonReachesTheIllConditionedOptimum() {
    assertNonIncreasing("newton", reach(new NewtonMethod(4096), 1e-4, illConditionedOptimum, 1e-6, 100));
  }

  @Test
  void tronReachesTheIllConditionedOptimum() {
    assertNonIncreasing("tron", reach(new Tron(), 1e-4, illConditionedOptimum, 1e-6, 100));
  }

  @Test
  void tronReachesTheWellConditionedOptimum() {
    assertNonIncreasing("tron", reach(new Tron(), 0.1, wellConditionedOptimum, 1e-6, 100));
  }

  @Test
  void lbfgsAndNewtonReachTheWellConditionedOptimum() {
    assertNonIncreasing("lbfgs", reach(new Lbfgs(10), 0.1, wellConditionedOptimum, 1e-6, 1000));
    assertNonIncreasing("newton", reach(new NewtonMethod(4096), 0.1, wellConditionedOptimum, 1e-6, 100));
  }

  @Test
  void gradientDescentWithTheAutoStepReachesTheOptimum() {
    reach(new GradientDescent(stepAuto(problem(0.1), 0.1)), 0.1, wellConditionedOptimum, 1e-6, 2000);
  }

  @Test
  void normalizedGradientReachesTheOptimum() {
    reach(new NormalizedGradient(stepAuto(problem(0.1), 0.1)), 0.1, wellConditionedOptimum, 1e-6, 2000);
  }

  @Test
  void armijoReachesTheOptimumWithoutEverRising() {
    assertNonIncreasing("armijo",
        reach(new ArmijoDescent(stepAuto(problem(0.1), 0.1)), 0.1, wellConditionedOptimum, 1e-6, 2000));
  }

  @Test
  void nesterovReachesTheOptimumWithoutEverRising() {
    assertNonIncreasing("nesterov", reach(new AcceleratedGradient(stepAuto(problem(0.1), 0.1)),
        0.1, wellConditionedOptimum, 1e-6, 2000));
  }

  @Test
  void sgdAndAdamComeWithin1e3() {
    double step = stepAuto(problem(0.1), 0.1);
    reach(new StochasticGradient(StochasticGradient.Update.SGD, step, StepSchedule.CONSTANT, 0,
        0.0, 0.1, 42), 0.1, wellConditionedOptimum, 1e-3, 500);
    reach(new StochasticGradient(StochasticGradient.Update.SGD, step, StepSchedule.CONSTANT, 0,
        0.5, 0.1, 42), 0.1, wellConditionedOptimum, 1e-3, 500);
    reach(new StochasticGradient(StochasticGradient.Update.ADAM, 0.01, StepSchedule.CONSTANT, 0,
        0.0, 0.1, 42), 0.1, wellConditionedOptimum, 1e-3, 500);
  }

  /**
   * The reliability issue's SGD case: a constant step leaves the iterates in a noise ball;
   * the moving average of the iterates that sgd keeps (and ends with, when it is lower) sits
   * much closer to the optimum than the last iterate (measured: 1.1e-4 → 5.6e-6 relative).
   * Where the gap is the conditioning (λ = 1e-4), not the noise, averaging cannot help and
   * finish keeps the last iterate.
   */
  @Test
  void sgdEndsWithTheAveragedIterateCloserToTheOptimum() {
    Problem problem = problem(0.1);
    StochasticGradient sgd = new StochasticGradient(StochasticGradient.Update.SGD,
        stepAuto(problem, 0.1), StepSchedule.CONSTANT, 0, 0.0, 0.1, 42);
    OptimizerState lastIterate = last(OptimizerRuns.run(sgd, problem, new double[D], 400, s -> false));
    OptimizerState finished = sgd.finish(problem, lastIterate);
    double iterateGap = (lastIterate.value() - wellConditionedOptimum) / wellConditionedOptimum;
    double averageGap = (finished.value() - wellConditionedOptimum) / wellConditionedOptimum;
    System.out.printf("sgd 400 iterations, lambda=0.1: last iterate rel gap %.2e, averaged %.2e%n",
        iterateGap, averageGap);
    assertTrue(averageGap < iterateGap / 10, iterateGap + " -> " + averageGap);
  }
}
