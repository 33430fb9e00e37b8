package io.descent.optim;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything an optimizer needs to take its next step, as plain data: the iterate and its
 * evaluation, plus named scalars (the last accepted step, …) and vectors (momentum, history
 * pairs, …). The sequence of states is where logging and checkpointing hook in; a state
 * saved and restored continues exactly as the uninterrupted run would.
 */
public final class OptimizerState {
  private final int iteration;
  private final Evaluation evaluation;
  private final Map<String, Double> scalars;
  private final Map<String, double[]> vectors;

  public OptimizerState(int iteration, Evaluation evaluation, Map<String, Double> scalars,
      Map<String, double[]> vectors) {
    this.iteration = iteration;
    this.evaluation = evaluation;
    this.scalars = Collections.unmodifiableMap(new TreeMap<>(scalars));
    this.vectors = Collections.unmodifiableMap(new TreeMap<>(vectors));
  }

  public static OptimizerState initial(Evaluation evaluation) {
    return new OptimizerState(0, evaluation, Map.of(), Map.of());
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

  /** Sorted by name, so that a saved state is laid out the same way every time. */
  public Map<String, Double> scalars() {
    return scalars;
  }

  public Map<String, double[]> vectors() {
    return vectors;
  }

  public double scalar(String name, double fallback) {
    Double v = scalars.get(name);
    return v == null ? fallback : v;
  }

  public double[] vector(String name) {
    return vectors.get(name);
  }
}
