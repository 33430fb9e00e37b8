package io.descent.train;

import io.descent.BadInputException;
import io.descent.config.OptimizerOptions;
import io.descent.config.TrainConfig;
import io.descent.optim.AcceleratedGradient;
import io.descent.optim.ArmijoDescent;
import io.descent.optim.GradientDescent;
import io.descent.optim.Lbfgs;
import io.descent.optim.NewtonMethod;
import io.descent.optim.NormalizedGradient;
import io.descent.optim.Optimizer;
import io.descent.optim.StepSchedule;
import io.descent.optim.StochasticGradient;
import java.util.function.DoubleSupplier;

/** Builds the optimizer a configuration names. */
final class Optimizers {
  /** Adam's step for --step auto: its moves are per coordinate, not scaled by 1/L. */
  static final double ADAM_AUTO_STEP = 0.01;

  private Optimizers() {}

  /**
   * @param step the step of the configuration, asked only by the optimizers that use one
   *     (with --step auto it costs the passes of the Lipschitz estimate)
   */
  static Optimizer create(TrainConfig config, DoubleSupplier step) {
    OptimizerOptions o = config.optimizerOptions();
    switch (config.optimizer()) {
      case "gd":
        return new GradientDescent(step.getAsDouble());
      case "armijo":
        return new ArmijoDescent(step.getAsDouble());
      case "normalized":
        return new NormalizedGradient(step.getAsDouble());
      case "nesterov":
        return new AcceleratedGradient(step.getAsDouble());
      case "lbfgs":
        return new Lbfgs(o.lbfgsMemory());
      case "newton":
        // TrainConfig has refused the losses without a usable Hessian.
        return new NewtonMethod(o.newtonMaxDim());
      case "sgd":
        return stochastic(StochasticGradient.Update.SGD, config, step.getAsDouble());
      case "adam":
        return stochastic(StochasticGradient.Update.ADAM, config,
            config.step() != null ? config.step() : ADAM_AUTO_STEP);
      default:
        throw new BadInputException("--optimizer: unknown optimizer \"" + config.optimizer() + "\".");
    }
  }

  private static Optimizer stochastic(StochasticGradient.Update update, TrainConfig config,
      double step) {
    OptimizerOptions o = config.optimizerOptions();
    return new StochasticGradient(update, step, StepSchedule.byName(o.stepSchedule()),
        o.stepDecay(), o.momentum(), o.batchFraction(), config.seed());
  }
}
