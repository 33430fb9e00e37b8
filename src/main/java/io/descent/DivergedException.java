package io.descent;

/** The objective or gradient became non-finite and the optimizer cannot recover (exit 3). */
public class DivergedException extends DescentException {
  public DivergedException(String message) {
    super(ExitCodes.DIVERGED, message);
  }
}
