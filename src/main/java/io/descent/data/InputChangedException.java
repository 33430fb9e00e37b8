package io.descent.data;

/**
 * Thrown in a packing task when the rows differ from what the scan job counted: the input was
 * modified while it was being loaded.
 */
final class InputChangedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InputChangedException(String what) {
    super(what);
  }
}
