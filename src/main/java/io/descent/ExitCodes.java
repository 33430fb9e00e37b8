package io.descent;

/**
 * The process exit codes, which pipelines and schedulers rely on. Two kinds: the ones another
 * try cannot change, where a person must look (bad input, diverged, drift, not promoted),
 * and the ones worth retrying later (an infrastructure failure, a run stopped by a signal,
 * which resumes from its checkpoints). {@link #CONTRACT} is the table the README and
 * {@code descent --help} print.
 */
public final class ExitCodes {
  public static final int OK = 0;
  /** Bad arguments, configuration or input data (also: new data whose schema the model does not fit). */
  public static final int BAD_INPUT = 2;
  /** The objective became non-finite. */
  public static final int DIVERGED = 3;
  /** Anything else: storage, network, cluster, a bug. */
  public static final int FAILURE = 4;
  /** descent check: the new data's distribution moved beyond its thresholds. */
  public static final int DRIFT = 5;
  /** descent promote: the candidate is worse than the champion; latest is unchanged. */
  public static final int NOT_PROMOTED = 6;
  /** Stopped by SIGINT (128 + 2), with a checkpoint when one was asked for. */
  public static final int INTERRUPTED = 130;
  /** Stopped by SIGTERM (128 + 15), with a checkpoint when one was asked for. */
  public static final int TERMINATED = 143;

  /** The contract, one line per code: what it means and what a scheduler should do. */
  public static final String CONTRACT = String.join("\n",
      "Exit codes (the same for every command):",
      "  0    done (check: no drift; promote: promoted, or already the champion)",
      "  2    bad arguments, configuration or input data, or a schema the model",
      "       does not fit: do not retry, a person must look",
      "  3    training diverged: do not retry, a person must look",
      "  4    failure of storage, network or cluster: retry later",
      "  5    check: the data drifted beyond its thresholds (drift.json says",
      "       what moved): do not retry, a person must look",
      "  6    promote: the candidate is worse than the champion, latest is",
      "       unchanged (promotion.json): do not retry, a person must look",
      "  130, 143  stopped by SIGINT or SIGTERM: retry later (resumes from",
      "       the checkpoints)");

  private ExitCodes() {}

  /** Whether another try may give another answer: infrastructure failures and signals. */
  public static boolean retriable(int code) {
    return code == FAILURE || code == INTERRUPTED || code == TERMINATED;
  }
}
