package io.descent.optim;

import static io.descent.optim.OptimizerRuns.assertNonIncreasing;
import static io.descent.optim.OptimizerRuns.last;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.BadInputException;
import io.descent.block.Block;
import io.descent.engine.DistributedObjective;
import io.descent.loss.Loss;
import io.descent.loss.Losses;
import io.descent.loss.ParamLayout;
import io.descent.loss.Regularization;
import io.descent.testing.Datasets;
import io.descent.testing.SharedSpark;
import io.descent.testing.TestBlocks;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;

/**
 * reuters_lasvm (8,315 features, 7,770 rows) through the engine on local Spark: newton
 * refuses a model this size (its Hessian would hold 69 million numbers); tron reaches the
 * gradient norms newton reaches on smaller models, in far fewer passes than lbfgs.
 */
class TronOnClusterTest {
  private static final double LAMBDA = 1e-4;

  @Test
  void tronReachesOptimalityWhereNewtonRefuses() {
    List<Block> blocks =
        TestBlocks.libsvm(Datasets.shared("reuters_lasvm"), 1024, y -> y > 0 ? 1 : 0);
    int d = blocks.get(0).numFeatures();
    ParamLayout layout = new ParamLayout(d, 1, true);
    JavaRDD<Block> rdd = SharedSpark.jsc().parallelize(blocks, 4).cache();
    try {
      BadInputException refused = assertThrows(BadInputException.class,
          () -> OptimizerRuns.start(new NewtonMethod(4096), problem(rdd, blocks, layout),
              new double[layout.size()]));
      assertTrue(refused.getMessage().contains("tron"), refused.getMessage());

      Problem forTron = problem(rdd, blocks, layout);
      long started = System.nanoTime();
      List<OptimizerState> tron = OptimizerRuns.run(new Tron(), forTron,
          new double[layout.size()], 100, s -> s.evaluation().gradientNorm() <= 1e-10);
      double tronSeconds = (System.nanoTime() - started) / 1e9;
      Problem forLbfgs = problem(rdd, blocks, layout);
      started = System.nanoTime();
      List<OptimizerState> lbfgs = OptimizerRuns.run(new Lbfgs(10), forLbfgs,
          new double[layout.size()], 1000, s -> s.evaluation().gradientNorm() <= 1e-8);
      double lbfgsSeconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("reuters_lasvm d=%d: tron |g|=%.2e F=%.15g iterations=%d passes=%d "
          + "%.1fs; lbfgs |g|=%.2e F=%.15g iterations=%d passes=%d %.1fs%n", d,
          last(tron).evaluation().gradientNorm(), last(tron).value(), tron.size() - 1,
          forTron.passes(), tronSeconds, last(lbfgs).evaluation().gradientNorm(),
          last(lbfgs).value(), lbfgs.size() - 1, forLbfgs.passes(), lbfgsSeconds);
      assertNonIncreasing("tron", tron);
      assertTrue(last(tron).evaluation().gradientNorm() <= 1e-10,
          "|g| " + last(tron).evaluation().gradientNorm());
      assertTrue(last(tron).value() <= last(lbfgs).value(), "tron F above lbfgs's");
    } finally {
      rdd.unpersist(false);
    }
  }

  private static Problem problem(JavaRDD<Block> rdd, List<Block> blocks, ParamLayout layout) {
    double weightSum = 0;
    for (Block b : blocks) {
      weightSum += b.weightSum();
    }
    Loss loss = Losses.byName("logistic", 1);
    return new Problem(new DistributedObjective(rdd, weightSum, loss, layout),
        new Regularization(LAMBDA, 0.0, layout));
  }
}
