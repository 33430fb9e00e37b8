package io.descent.bench;

import java.util.Locale;

/**
 * One method on one dataset: iterations and passes (Spark jobs) until the objective was
 * within the target of the optimum, and the wall time; {@code reached} false when the
 * budget ran out first. A negative {@code passes} or {@code jobs} prints as "—" (not a Spark
 * method); {@code passesNote} replaces the passes figure when set.
 */
record BenchResult(String dataset, String method, int iterations, long passes, int jobs,
    double seconds, double objective, boolean reached, String passesNote) {

  BenchResult(String dataset, String method, int iterations, long passes, int jobs,
      double seconds, double objective, boolean reached) {
    this(dataset, method, iterations, passes, jobs, seconds, objective, reached, null);
  }

  String row(double lambda, double sparkSeconds) {
    return String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %s | %s | %.3f | %s | %.12f |",
        dataset, lambdaText(lambda), method, reached ? "yes" : "**no**", iterations,
        passesNote != null ? passesNote : passes < 0 ? "—" : Long.toString(passes),
        jobs < 0 ? "—" : Integer.toString(jobs), seconds,
        sparkSeconds > 0 ? String.format(Locale.ROOT, "%.2f", seconds / sparkSeconds) : "—",
        objective);
  }

  static String lambdaText(double lambda) {
    return lambda == 0.1 ? "0.1" : String.format(Locale.ROOT, "%.0e", lambda).replace("e-0", "e-");
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %s: reached=%s it=%d passes=%d jobs=%d %.3fs F=%.12f",
        dataset, method, reached, iterations, passes, jobs, seconds, objective);
  }
}
