package io.descent.optim;

/**
 * An optimizer refuses a problem before its first step: the model is too large for it, or the
 * objective lacks what it needs (a Hessian, smoothness). Worded in the math; the layer that
 * knows the command line says which setting to change.
 */
public final class UnsuitableProblemException extends RuntimeException {
  /** What the problem lacks. */
  public enum Kind {
    /** More parameters than the method's limit ({@link #limit()}). */
    TOO_MANY_PARAMETERS,
    /** An L1 term, which has no Hessian. */
    NOT_SMOOTH,
    /** The loss has no usable Hessian; the message says which. */
    NO_HESSIAN
  }

  private final Kind kind;
  private final long dimension;
  private final long limit;

  public UnsuitableProblemException(Kind kind, long dimension, long limit, String message) {
    super(message);
    this.kind = kind;
    this.dimension = dimension;
    this.limit = limit;
  }

  public Kind kind() {
    return kind;
  }

  public long dimension() {
    return dimension;
  }

  public long limit() {
    return limit;
  }
}
