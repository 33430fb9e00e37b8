package io.descent.train;

import io.descent.BadInputException;
import io.descent.optim.ArmijoDescent;
import io.descent.optim.GradientDescent;
import io.descent.optim.Optimizer;

/** Builds the optimizer a configuration names. */
final class Optimizers {
  private Optimizers() {}

  static Optimizer create(String name, double step) {
    switch (name) {
      case "gd":
        return new GradientDescent(step);
      case "armijo":
        return new ArmijoDescent(step);
      default:
        throw new BadInputException("--optimizer: unknown optimizer \"" + name + "\".");
    }
  }
}
