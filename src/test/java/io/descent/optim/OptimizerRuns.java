package io.descent.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.train.OptimizerMessages;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an optimizer the way the training loop does, keeping every state; divergence and
 * refusal become the exceptions the loop throws.
 */
final class OptimizerRuns {
  private OptimizerRuns() {}

  /** The states from the start until the optimizer stalls, {@code until} holds, or maxIter. */
  static List<OptimizerState> run(Optimizer opt, Problem problem, double[] x0, int maxIter,
      java.util.function.Predicate<OptimizerState> until) {
    List<OptimizerState> states = new ArrayList<>();
    OptimizerState s = start(opt, problem, x0);
    states.add(s);
    for (int i = 0; i < maxIter && !until.test(s); i++) {
      Step step = opt.step(problem, s);
      if (step.isDiverged()) {
        throw OptimizerMessages.diverged(step.divergence());
      }
      if (step.stopReason() != null) {
        break;
      }
      s = step.state();
      states.add(s);
    }
    return states;
  }

  /** Starts as the training loop does: a refusal becomes the user's message (exit 2). */
  static OptimizerState start(Optimizer opt, Problem problem, double[] x0) {
    try {
      return opt.start(problem, x0);
    } catch (UnsuitableProblemException e) {
      throw OptimizerMessages.refused(opt.name(), e);
    }
  }

  static OptimizerState last(List<OptimizerState> states) {
    return states.get(states.size() - 1);
  }

  static void assertNonIncreasing(String name, List<OptimizerState> states) {
    for (int i = 1; i < states.size(); i++) {
      assertTrue(states.get(i).value() <= states.get(i - 1).value(),
          name + ": objective rose at iteration " + i + ": " + states.get(i - 1).value()
              + " -> " + states.get(i).value());
    }
  }

  /** ‖a − b‖ / ‖b‖. */
  static double relativeDistance(double[] a, double[] b) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < a.length; i++) {
      num += (a[i] - b[i]) * (a[i] - b[i]);
      den += b[i] * b[i];
    }
    return Math.sqrt(num / den);
  }
}
