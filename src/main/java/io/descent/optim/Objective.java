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

  /**
   * For every t in {@code steps}: f(x + t·d) − f(x) and d/dt f(x + t·d), in one pass. A
   * linear model's f along a line depends only on each row's margin m and the margin z of
   * d, so any number of trial steps costs two margin sweeps. The differences are sums of
   * per-row loss differences computed without cancellation: they stay accurate when f(x+td)
   * and f(x) agree in all but their last bits, which is where line searches near the
   * optimum must still see a decrease.
   */
  LineValues valuesAndSlopesAlong(double[] x, double[] direction, double[] steps);

  /**
   * {@link #valuesAndSlopesAlong}, and ∇f(x + t₀·d) (t₀ = {@code steps[0]}) written into
   * {@code gradientAtFirst}: the margins along the line give the first trial point's gradient
   * in the same sweep, so a line search that accepts its first step needs no gradient pass.
   * One pass where the objective fuses them (the engine does); this default spends two.
   */
  default LineValues valuesAndSlopesAlongWithGradient(double[] x, double[] direction,
      double[] steps, double[] gradientAtFirst) {
    LineValues line = valuesAndSlopesAlong(x, direction, steps);
    valueAndGradient(Vectors.axpy(steps[0], direction, x), gradientAtFirst);
    return line;
  }

  /** f(x + Δⱼ) − f(x) for each displacement Δⱼ, computed like the line differences; one pass. */
  double[] differences(double[] x, double[][] displacements);

  /** f at each point, writing ∇f there into {@code grads[j]}; one pass. */
  double[] valuesAndGradients(double[][] points, double[][] grads);

  /**
   * B·u for a fixed matrix B that dominates ∇²f everywhere: (curvature bound of the loss) ×
   * (1/Σv) Σ vᵢ x̃ᵢx̃ᵢᵀ per output, x̃ = x with a constant 1 for the intercept. One pass; its
   * largest eigenvalue is a Lipschitz constant of ∇f (see {@link LipschitzEstimate}).
   */
  double[] curvatureBoundTimes(double[] u);

  /**
   * f(x) and ∇f(x), and the Hessian ∇²f(x) as a dense, symmetric, row-major n×n array, in
   * one pass. Only for single-output losses with a second derivative (squared, logistic).
   */
  default double valueGradientAndHessian(double[] x, double[] grad, double[] hessian) {
    throw new UnsupportedOperationException("this objective has no Hessian");
  }

  /**
   * f(x) over all rows, and into {@code grad} the gradient of the mean loss over the rows
   * of a mini-batch (zero when the batch is empty); one pass.
   */
  default double valueAndSampledGradient(double[] x, BatchSpec batch, double[] grad) {
    throw new UnsupportedOperationException("this objective cannot sample rows");
  }
}
