package io.descent.train;

/**
 * Whether someone asked the run to stop (a scheduler's SIGTERM, a person's Ctrl-C): the loop
 * asks after every iteration and, if so, ends there with a checkpoint instead of dying in
 * the middle of a pass.
 */
public interface StopRequest {
  /** Nobody ever asks: the Spark ML estimator and tests. */
  StopRequest NEVER = () -> null;

  /** The signal's name ("SIGTERM") once a stop was asked for, else null. */
  String signal();

  /** The exit code that reports the stop: 128 + the signal's number, as shells do. */
  default int exitCode() {
    return "SIGINT".equals(signal()) ? 130 : 143;
  }
}
