package io.descent.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A method's state as checkpoint data: named vectors in the order they were put, a scalar
 * being a vector of length one. The bits go through unchanged (NaN included), so a state
 * written and read back continues exactly as the uninterrupted run.
 */
public final class NamedVectors {
  private final Map<String, double[]> vectors = new LinkedHashMap<>();

  public NamedVectors() {}

  public NamedVectors(Map<String, double[]> vectors) {
    this.vectors.putAll(vectors);
  }

  public NamedVectors put(String name, double[] vector) {
    if (vectors.putIfAbsent(name, vector) != null) {
      throw new IllegalArgumentException("two vectors named " + name);
    }
    return this;
  }

  public NamedVectors putScalar(String name, double value) {
    return put(name, new double[] {value});
  }

  /** The vector of that name; null when there is none. */
  public double[] vector(String name) {
    return vectors.get(name);
  }

  /** The scalar of that name; an error when it was not saved, which a state never omits. */
  public double scalar(String name) {
    double[] v = vectors.get(name);
    if (v == null || v.length != 1) {
      throw new IllegalArgumentException("no scalar named " + name);
    }
    return v[0];
  }

  public boolean isEmpty() {
    return vectors.isEmpty();
  }

  /** In the order they were put. */
  public Map<String, double[]> asMap() {
    return Collections.unmodifiableMap(vectors);
  }
}
