package io.descent.data.diagnostics;

/**
 * Thrown in a packing task when the rows differ from what the scan job counted: the input was
 * modified while it was being loaded.
 */
public final class InputChangedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputChangedException(String what) {
    super(what);
  }
}
