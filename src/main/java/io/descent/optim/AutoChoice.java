package io.descent.optim;

import io.descent.loss.LossKind;
import java.util.function.Predicate;

/**
 * What {@code --optimizer auto} (the default) runs, from the loss, the penalty, the number of
 * parameters and what fits the driver's heap — and why, in one sentence for the run's first
 * line and model.json. The rules follow what was measured (docs/benchmarks.md):
 * <ul>
 *   <li>an L1 part: lbfgs, whose OWL-QN handles |w| (the Newton methods need a Hessian);
 *   <li>hinge: lbfgs — no Hessian, and of the first-order methods it reached the lowest
 *       objective in the fewest passes (Nesterov's 1/L is undefined on the kink);
 *   <li>a loss with a Hessian matrix and at most {@link #NEWTON_PARAMETERS} parameters: newton,
 *       a handful of passes (a9a in 8) whose d² Hessian is cheap at that size;
 *   <li>every other smooth loss: tron, Hessian-vector products at any dimension;
 *   <li>a method whose vectors do not fit the driver gives way to lbfgs, which keeps as
 *       many correction pairs as fit.
 * </ul>
 */
public final class AutoChoice {
  /** Above this many parameters the d×d Hessian costs more per pass than tron's products. */
  public static final long NEWTON_PARAMETERS = 256;

  /** The optimizer and the reason. */
  public record Choice(OptimizerKind kind, String why) {}

  private AutoChoice() {}

  /**
   * @param reg λ, @param elasticNet α: an L1 part exists when both are positive
   * @param parameters the length of the parameter vector
   * @param newtonMaxDim newton's own limit (never exceeded)
   * @param fits whether an optimizer's vectors fit the driver's heap
   */
  public static Choice choose(LossKind loss, double reg, double elasticNet, long parameters,
      int newtonMaxDim, Predicate<OptimizerKind> fits) {
    if (reg > 0 && elasticNet > 0) {
      return new Choice(OptimizerKind.LBFGS, "the L1 part of the penalty needs OWL-QN");
    }
    if (!loss.hasHessian(LossKind.Hessian.PRODUCTS)) {
      return new Choice(OptimizerKind.LBFGS, loss + " has no Hessian (use squared_hinge for"
          + " a smooth SVM that tron and newton can solve)");
    }
    if (loss.hasHessian(LossKind.Hessian.MATRIX)
        && parameters <= Math.min(NEWTON_PARAMETERS, newtonMaxDim)
        && fits.test(OptimizerKind.NEWTON)) {
      return new Choice(OptimizerKind.NEWTON, String.format(
          "%d parameters: the exact Hessian is small", parameters));
    }
    if (fits.test(OptimizerKind.TRON)) {
      return new Choice(OptimizerKind.TRON, String.format(
          "%d parameters, smooth %s loss: Newton steps from Hessian-vector products", parameters, loss));
    }
    return new Choice(OptimizerKind.LBFGS, String.format(
        "tron's vectors for %d parameters do not fit the driver's heap", parameters));
  }
}
