package io.descent;

/** Bad arguments, configuration or input data (exit code 2). */
public class BadInputException extends DescentException {
  public BadInputException(String message) {
    super(ExitCodes.BAD_INPUT, message);
  }

  public BadInputException(String message, Throwable cause) {
    super(ExitCodes.BAD_INPUT, message, cause);
  }
}
