package io.descent.optim;

/**
 * The smooth data term f of the objective, as the optimizers see it: each call is one pass
 * over the training data. The engine implements it on the cluster; tests implement it in
 * memory.
 */
public interface Objective {
  /** Number of parameters. */
  int dimension();

  /** f(x); writes ∇f(x) into {@code grad}. */
  double valueAndGradient(double[] x, double[] grad);

  /** f(x) alone. */
  double value(double[] x);

  /** f(x + t·d) for every t in {@code steps}, in one pass. */
  double[] valuesAlong(double[] x, double[] direction, double[] steps);

  /** f at each of the points, in one pass. */
  double[] values(double[][] points);
}
