package io.descent.predict.input;

/**
 * Thrown inside a scoring task at the first row that fails the checks. It carries no
 * position: the driver then runs the scan, which knows how to locate the row in its file.
 */
final class RowRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RowRejectedException(String message) {
    super(message);
  }
}
