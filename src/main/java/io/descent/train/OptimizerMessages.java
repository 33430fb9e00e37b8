package io.descent.train;

import io.descent.BadInputException;
import io.descent.DivergedException;
import io.descent.loss.LossKind;
import io.descent.optim.Divergence;
import io.descent.optim.OptimizerKind;
import io.descent.optim.UnsuitableProblemException;

/**
 * The sentences the user reads when an optimizer diverges or refuses a problem: the
 * optimizer reports the math ({@link Divergence}, {@link UnsuitableProblemException}), this
 * adds the command-line settings that change the outcome.
 */
public final class OptimizerMessages {
  private OptimizerMessages() {}

  /** Exit 3, naming the --step to try. */
  public static DivergedException diverged(Divergence d) {
    return diverged(d, Double.NaN);
  }

  /**
   * Exit 3, naming the --step to try: 1/L when the data's curvature bound {@code lipschitz}
   * is known (a step far too large would otherwise be divided by 4 once per failed run).
   */
  public static DivergedException diverged(Divergence d, double lipschitz) {
    if (lipschitz > 0 && Double.isFinite(lipschitz)) {
      return new DivergedException(String.format("%s diverged at iteration %d: %s; the data's"
          + " curvature bound is L = %.3g (power iteration), so a fixed step converges below"
          + " 2/L = %s: try --step %s (1/L) or --step auto.", d.method(), d.iteration(),
          d.finding(), lipschitz, Divergence.stepText(2 / lipschitz),
          Divergence.stepText(1 / lipschitz)));
    }
    return new DivergedException(String.format("%s diverged at iteration %d: %s; try --step %s%s",
        d.method(), d.iteration(), d.finding(), Divergence.stepText(d.smallerStep()),
        d.autoStepHelps() ? " or --step auto." : "."));
  }

  /** Exit 2, naming the setting or the optimizer to use instead. */
  public static BadInputException refused(String optimizer, UnsuitableProblemException e) {
    String flag = "--optimizer " + optimizer + ": ";
    switch (e.kind()) {
      case TOO_MANY_PARAMETERS:
        return new BadInputException(String.format("%sthe model has %d parameters, above "
            + "%s-max-dim = %d (the Hessian would hold %d numbers); use --optimizer tron or lbfgs, or "
            + "raise %s-max-dim.", flag, e.dimension(), optimizer, e.limit(),
            e.dimension() * e.dimension(), optimizer), e);
      case NOT_SMOOTH:
        return new BadInputException(flag + "the L1 part of the elastic net (--elastic-net > 0) "
            + "has no Hessian; use --optimizer lbfgs (OWL-QN) or nesterov (FISTA), which "
            + "handle L1.", e);
      default:
        LossKind.Hessian needed = OptimizerKind.named(optimizer).hessianNeeded();
        return new BadInputException(flag + e.getMessage() + "; " + optimizer + " supports the "
            + String.join(", ", LossKind.namesWith(needed)) + " losses, use lbfgs for the "
            + "others (for hinge, --loss squared_hinge is its smooth form).", e);
    }
  }
}
