package io.descent.bench;

/**
 * One method on one dataset: iterations and passes (Spark jobs) until the objective was
 * within the target of the optimum, and the wall time; {@code reached} false when the
 * budget ran out first.
 */
record BenchResult(String dataset, String method, int iterations, long passes, int jobs,
    double seconds, double objective, boolean reached) {

  String row(double bestSeconds, double sparkSeconds) {
    return String.format("| %s | %s | %s | %d | %d | %d | %.3f | %s |", dataset, method,
        reached ? "yes" : "**no**", iterations, passes, jobs, seconds,
        sparkSeconds > 0 ? String.format("%.2f", seconds / sparkSeconds) : "—");
  }
}
