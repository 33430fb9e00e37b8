package io.descent.optim;

import static io.descent.optim.OptimizerRuns.assertNonIncreasing;
import static io.descent.optim.OptimizerRuns.last;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.block.Block;
import io.descent.loss.Losses;
import io.descent.loss.ParamLayout;
import io.descent.loss.Regularization;
import io.descent.testing.Datasets;
import io.descent.testing.InMemoryObjective;
import io.descent.testing.LinearSolve;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ridge regression on the raw (unstandardized) diabetes data, intercept fitted: lbfgs and
 * newton reach the normal-equations solution to 1e-8 in the weights; newton in one step.
 */
class RidgeOptimumTest {
  private static final double LAMBDA = 1.0;
  private final double[][] x;
  private final double[] y;
  private final List<Block> blocks;
  private final ParamLayout layout;

  RidgeOptimumTest() {
    List<String> lines;
    try {
      lines = Files.readAllLines(Datasets.shared("diabetes.csv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<double[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        String[] f = line.split(",");
        double[] r = new double[f.length];
        for (int i = 0; i < f.length; i++) {
          r[i] = Double.parseDouble(f[i]);
        }
        rows.add(r);
      }
    }
    int d = rows.get(0).length - 1;
    x = new double[rows.size()][d];
    y = new double[rows.size()];
    blocks = new ArrayList<>();
    // Blocks of 100 rows, dense: also exercises the BLAS paths of the kernels.
    for (int from = 0; from < rows.size(); from += 100) {
      int to = Math.min(rows.size(), from + 100);
      double[] values = new double[(to - from) * d];
      double[] labels = new double[to - from];
      for (int r = from; r < to; r++) {
        System.arraycopy(rows.get(r), 0, x[r], 0, d);
        System.arraycopy(rows.get(r), 0, values, (r - from) * d, d);
        y[r] = rows.get(r)[d];
        labels[r - from] = y[r];
      }
      blocks.add(Block.dense(d, labels, null, values));
    }
    layout = new ParamLayout(d, 1, true);
  }

  private Problem problem() {
    return new Problem(new InMemoryObjective(blocks, Losses.byName("squared", 1), layout),
        new Regularization(LAMBDA, 0.0, layout));
  }

  @Test
  void newtonSolvesLeastSquaresInOneStep() {
    double[] exact = LinearSolve.ridge(x, y, LAMBDA, true);
    Problem problem = problem();
    NewtonMethod newton = new NewtonMethod(4096);
    OptimizerState start = newton.start(problem, new double[layout.size()]);
    Step step = newton.step(problem, start);
    assertEquals(1.0, step.stepSize());
    double rel = OptimizerRuns.relativeDistance(step.state().x(), exact);
    assertTrue(rel <= 1e-8, "relative error after one Newton step " + rel);
  }

  @Test
  void lbfgsReachesTheClosedFormSolution() {
    double[] exact = LinearSolve.ridge(x, y, LAMBDA, true);
    List<OptimizerState> states = OptimizerRuns.run(new Lbfgs(10), problem(),
        new double[layout.size()], 5000, s -> OptimizerRuns.relativeDistance(s.x(), exact) <= 1e-9);
    double rel = OptimizerRuns.relativeDistance(last(states).x(), exact);
    System.out.println("lbfgs ridge: " + (states.size() - 1) + " iterations, relative error " + rel);
    assertTrue(rel <= 1e-8, "relative error " + rel);
    assertNonIncreasing("lbfgs", states);
  }

  @Test
  void newtonReachesTheClosedFormSolutionAndStaysThere() {
    double[] exact = LinearSolve.ridge(x, y, LAMBDA, true);
    List<OptimizerState> states = OptimizerRuns.run(new NewtonMethod(4096), problem(),
        new double[layout.size()], 10, s -> false);
    assertTrue(OptimizerRuns.relativeDistance(last(states).x(), exact) <= 1e-8);
    assertNonIncreasing("newton", states);
  }
}
