package io.descent;

/**
 * A failure the user can act on: one sentence naming the file, line, column or key at
 * fault, and the process exit code that a scheduler sees for it.
 */
public class DescentException extends RuntimeException {
  private final int exitCode;

  public DescentException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public DescentException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
