package io.descent.config;

/**
 * The settings of particular optimizers (see {@link ConfigKeys} for their meaning):
 * lbfgs-memory, the mini-batch settings of sgd and adam, and the depth of the engine's
 * reduction tree (aggregation-depth). Newton's size guard, which changes no result, is a
 * {@link RunSettings} limit.
 *
 * @param lbfgsMemoryGiven whether lbfgs-memory was set (flag or file): if not, a run may keep
 *     fewer pairs than the default when the driver's heap holds no more
 */
public record OptimizerOptions(int lbfgsMemory, double batchFraction, String stepSchedule,
    double stepDecay, double momentum, int aggregationDepth, boolean lbfgsMemoryGiven) {

  /** The defaults of {@link ConfigKeys}. */
  public static OptimizerOptions defaults() {
    return new OptimizerOptions(10, 0.1, "constant", 0.01, 0.0, 2, false);
  }

  /** The same options keeping {@code m} pairs, as if given. */
  public OptimizerOptions withLbfgsMemory(int m) {
    return new OptimizerOptions(m, batchFraction, stepSchedule, stepDecay, momentum,
        aggregationDepth, true);
  }
}
