package io.descent.optim;

import io.descent.BadInputException;
import java.util.Map;

/**
 * Exact Newton: the Hessian XᵀDX/Σv (+ λ(1−α) on the coefficients) is summed on the cluster
 * in the same pass as the gradient, the system solved on the driver ({@link NewtonSystem}),
 * and a backtracking line search from t = 1 (a batch of halvings per pass) makes it
 * converge from anywhere. Two passes per iteration; least squares is solved in one step.
 *
 * <p>The next direction is computed as soon as the Hessian is known and kept in the state
 * (vector "direction"), so a checkpoint needs n numbers, not n².
 */
public final class NewtonMethod implements Optimizer {
  static final String DIRECTION = "direction";
  private static final double SUFFICIENT_DECREASE = 1e-4;
  private static final int TRIALS_PER_PASS = 4;
  private static final int MAX_PASSES = 8;

  private final int maxDimension;

  public NewtonMethod(int maxDimension) {
    this.maxDimension = maxDimension;
  }

  @Override
  public String name() {
    return "newton";
  }

  @Override
  public OptimizerState start(Problem problem, double[] x0) {
    if (problem.dimension() > maxDimension) {
      throw new BadInputException(String.format("--optimizer newton: the model has %d "
          + "parameters, above newton-max-dim = %d (the Hessian would hold %d numbers); use "
          + "--optimizer lbfgs, or raise newton-max-dim.", problem.dimension(), maxDimension,
          (long) problem.dimension() * problem.dimension()));
    }
    if (problem.hasL1()) {
      throw new BadInputException("--optimizer newton: the L1 part of the elastic net "
          + "(--elastic-net > 0) has no Hessian; use --optimizer lbfgs (OWL-QN) instead.");
    }
    Problem.SecondOrder so;
    try {
      so = problem.evaluateWithHessian(x0);
    } catch (UnsupportedOperationException e) {
      throw new BadInputException("--optimizer newton: " + e.getMessage()
          + "; newton supports the logistic and squared losses, use lbfgs for the others.");
    }
    if (!so.evaluation().isFinite()) {
      throw new io.descent.DivergedException("The objective is not finite at the starting "
          + "point (" + so.evaluation().value() + "); check the input scale or the warm-start model.");
    }
    return new OptimizerState(0, so.evaluation(), Map.of(), Map.of(DIRECTION, direction(so)));
  }

  @Override
  public Step step(Problem problem, OptimizerState state) {
    Evaluation at = state.evaluation();
    double[] d = state.vector(DIRECTION);
    if (d == null) {
      d = direction(problem.evaluateWithHessian(at.x()));
    }
    double slope0 = Vectors.dot(at.gradient(), d);
    if (!(slope0 < 0)) {
      d = Vectors.scale(-1, at.gradient());
      slope0 = -Vectors.dot(d, d);
      if (!(slope0 < 0)) {
        return Step.stalled(state, "gradient is zero", 0);
      }
    }
    int trials = 0;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      double[] steps = new double[TRIALS_PER_PASS];
      for (int i = 0; i < steps.length; i++) {
        steps[i] = Math.pow(0.5, pass * TRIALS_PER_PASS + i);
      }
      Problem.LineTrials line = problem.along(at, d, steps);
      for (int i = 0; i < steps.length; i++) {
        trials++;
        if (line.differences()[i] <= SUFFICIENT_DECREASE * steps[i] * slope0) {
          double[] next = Vectors.axpy(steps[i], d, at.x());
          Problem.SecondOrder so =
              problem.evaluateWithHessianAfter(at, next, line.smoothDifferences()[i]);
          if (!so.evaluation().isFinite() || !Vectors.allFinite(so.evaluation().gradient())) {
            return Step.stalled(state, "the gradient is not finite at the accepted point", trials);
          }
          OptimizerState s = new OptimizerState(state.iteration() + 1, so.evaluation(),
              Map.of(), Map.of(DIRECTION, direction(so)));
          return Step.taken(s, steps[i], -steps[i] * slope0, trials);
        }
      }
    }
    return Step.stalled(state, "line search found no decrease", trials);
  }

  private static double[] direction(Problem.SecondOrder so) {
    return NewtonSystem.direction(so.hessian(), so.evaluation().gradient());
  }
}
