package io.descent.config;

/**
 * The settings of particular optimizers (see {@link ConfigKeys} for their meaning):
 * lbfgs-memory, newton-max-dim, the mini-batch settings of sgd and adam, and the depth of
 * the engine's reduction tree (aggregation-depth).
 */
public record OptimizerOptions(int lbfgsMemory, int newtonMaxDim, double batchFraction,
    String stepSchedule, double stepDecay, double momentum, int aggregationDepth) {

  /** The defaults of {@link ConfigKeys}. */
  public static OptimizerOptions defaults() {
    return new OptimizerOptions(10, 4096, 0.1, "constant", 0.01, 0.0, 2);
  }
}
