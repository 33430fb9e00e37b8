package io.descent.config;

/**
 * How the optimum is sought, each of which can change the iterates: the optimizer and its
 * options, the step, the tolerances, the starting point, the seed and the partitioning (the
 * order in which partial sums are added).
 *
 * @param step null: auto
 * @param warmStart the model directory to start from; null: zeros
 * @param partitions 0: Spark's default parallelism
 */
public record SolverSettings(
    String optimizer,
    Double step,
    OptimizerOptions optimizerOptions,
    double tol,
    double gradTol,
    String warmStart,
    int partitions,
    long seed) {

  void addTo(SettingsJson json) {
    json.put("optimizer", optimizer)
        .put("step", step == null ? "auto" : step)
        .put("lbfgsMemory", optimizerOptions.lbfgsMemory())
        .put("batchFraction", optimizerOptions.batchFraction())
        .put("stepSchedule", optimizerOptions.stepSchedule())
        .put("stepDecay", optimizerOptions.stepDecay())
        .put("momentum", optimizerOptions.momentum())
        .put("aggregationDepth", optimizerOptions.aggregationDepth())
        .put("tol", tol)
        .put("gradTol", gradTol)
        .put("warmStart", warmStart)
        .put("partitions", partitions)
        .put("seed", seed);
  }
}
