package io.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A stochastic method's stopping tests compare windows, not single iterations: one noisy
 * objective difference under --tol (the SGD run that stopped 1.5e-3 above the optimum) or one
 * small batch gradient does not stop it; a plateau of the window means does.
 */
class NoisyStoppingTest {
  private static final int W = StochasticGradient.STOPPING_WINDOW;
  private final StoppingRule rule = new StoppingRule(100_000, 1e-6, 1e-9);

  /** A descending objective with batch noise; entries i and i+1 at {@code tie} are equal. */
  private static double[] noisyDescent(int n, int tie) {
    Random r = new Random(7);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 0.32 + 0.1 / (1 + 0.01 * i) + 1e-3 * r.nextGaussian();
    }
    v[tie + 1] = v[tie] - 1.7e-7 * v[tie];
    return v;
  }

  @Test
  void oneTinyDifferenceStopsTheSingleComparisonButNotTheWindows() {
    int n = 3 * W;
    double[] values = noisyDescent(n, n - 2);
    double[] gradients = new double[n];
    java.util.Arrays.fill(gradients, 0.05);
    // What the exact-method rule would have said on the last two iterations:
    OptimizerState before = state(n - 2, values[n - 2]);
    OptimizerState last = state(n - 1, values[n - 1]);
    assertEquals(StopReason.OBJECTIVE_CONVERGED, rule.check(before, last));
    assertNull(rule.checkWindowed(values, gradients, n - 1, W));
  }

  @Test
  void oneSmallBatchGradientDoesNotStopTheRun() {
    int n = 2 * W;
    double[] values = noisyDescent(n, 0);
    double[] gradients = new double[n];
    java.util.Arrays.fill(gradients, 0.05);
    gradients[n - 1] = 1e-12;
    assertNull(rule.checkWindowed(values, gradients, n - 1, W));
  }

  @Test
  void aPlateauOfTheWindowMeansStops() {
    int n = 2 * W;
    double[] values = new double[n];
    double[] gradients = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = 0.3228 + (i % 2 == 0 ? 1e-9 : -1e-9);
      gradients[i] = 0.01;
    }
    assertEquals(StopReason.OBJECTIVE_CONVERGED, rule.checkWindowed(values, gradients, n - 1, W));
  }

  @Test
  void shorterThanTwoWindowsOnlyTheBudgetStops() {
    double[] flat = new double[2 * W - 1];
    double[] gradients = new double[flat.length];
    assertNull(rule.checkWindowed(flat, gradients, flat.length - 1, W));
    assertEquals(StopReason.MAX_ITER, new StoppingRule(5, 1e-6, 1e-9)
        .checkWindowed(flat, gradients, 5, W));
  }

  private static OptimizerState state(int iteration, double value) {
    double[] x = {0};
    return new OptimizerState(iteration, new Evaluation(x, value, value, new double[] {0.05}, 0.05), null);
  }
}
