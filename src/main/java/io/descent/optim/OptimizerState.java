package io.descent.optim;

/**
 * Everything an optimizer needs to take its next step: the iterate and its evaluation, plus
 * the method's own {@link MethodState} (null before the method has remembered anything). The
 * sequence of states is where logging and checkpointing hook in; a state saved and restored
 * continues exactly as the uninterrupted run would.
 */
public final class OptimizerState {
  private final int iteration;
  private final Evaluation evaluation;
  private final MethodState method;

  public OptimizerState(int iteration, Evaluation evaluation, MethodState method) {
    this.iteration = iteration;
    this.evaluation = evaluation;
    this.method = method;
  }

  public static OptimizerState initial(Evaluation evaluation) {
    return new OptimizerState(0, evaluation, null);
  }

  public int iteration() {
    return iteration;
  }

  public Evaluation evaluation() {
    return evaluation;
  }

  public double[] x() {
    return evaluation.x();
  }

  public double value() {
    return evaluation.value();
  }

  /** The method's state; null when there is none yet. */
  public MethodState method() {
    return method;
  }

  /**
   * The method's state as the type its optimizer keeps; null when there is none yet. A state
   * of another type is a programming error (a state handed to the wrong optimizer).
   */
  public <T extends MethodState> T method(Class<T> type) {
    if (method == null) {
      return null;
    }
    if (!type.isInstance(method)) {
      throw new IllegalStateException("the state holds a " + method.getClass().getSimpleName()
          + ", not a " + type.getSimpleName());
    }
    return type.cast(method);
  }
}
