package io.descent.optim;

/**
 * What one optimizer remembers between its steps besides the iterate (a step size, momentum,
 * curvature pairs, …), as a record of its own. It encodes itself as {@link NamedVectors};
 * the optimizer that owns it decodes it ({@link Optimizer#decodeState}).
 */
public interface MethodState {
  NamedVectors encode();
}
