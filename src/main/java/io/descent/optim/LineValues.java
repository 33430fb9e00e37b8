package io.descent.optim;

/**
 * The data term along a line x + t·d at trial steps t, from one pass:
 * {@code differences[s]} = f(x + tₛd) − f(x), summed from per-row differences that are
 * computed without cancellation, and {@code slopes[s]} = d/dt f(x + tₛd).
 */
public record LineValues(double[] steps, double[] differences, double[] slopes) {}
