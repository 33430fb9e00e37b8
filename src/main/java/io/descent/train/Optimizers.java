package io.descent.train;

import io.descent.config.OptimizerOptions;
import io.descent.config.TrainConfig;
import io.descent.optim.Optimizer;
import io.descent.optim.OptimizerKind;
import io.descent.optim.OptimizerSettings;
import io.descent.optim.StepSchedule;
import java.util.function.DoubleSupplier;

/** Builds the optimizer a configuration names, through its {@link OptimizerKind} entry. */
final class Optimizers {
  private Optimizers() {}

  /**
   * @param step the step of the configuration, asked only by the optimizers that use one
   *     (with --step auto it costs the passes of the Lipschitz estimate)
   */
  static Optimizer create(TrainConfig config, DoubleSupplier step) {
    // TrainConfig has refused unknown names and the losses without a usable Hessian.
    return OptimizerKind.named(config.solver().optimizer()).create(settings(config, step));
  }

  static OptimizerSettings settings(TrainConfig config, DoubleSupplier step) {
    OptimizerOptions o = config.solver().optimizerOptions();
    return new OptimizerSettings(step, config.solver().step(), o.lbfgsMemory(),
        config.run().newtonMaxDim(),
        StepSchedule.byName(o.stepSchedule()), o.stepDecay(), o.momentum(), o.batchFraction(),
        config.solver().seed());
  }
}
