package io.descent.loss;

/**
 * A pass's sums, decoded by {@link PassAccumulator} and divided by the training weight Σv
 * (a mini-batch gradient by its batch's Σv, a holdout score by the held-out Σv). A part the
 * request did not ask for is null.
 *
 * @param values Σv ℓ / Σv at each point
 * @param gradients its gradient at each point
 * @param hessianUpper its Hessian at the one point, upper triangle, column-major n×n
 * @param line the sums along the request's line
 * @param differences the loss differences to the request's displaced points
 * @param curvatureTimes the curvature bound times the request's probe vector
 * @param hessianDiagonal the Hessian's diagonal where the one full gradient was taken
 * @param hessianTimes the Hessian at the request's point times its vector
 * @param score the holdout score at the one point
 */
public record PassResult(double[] values, double[][] gradients, double[] hessianUpper,
    LineSums line, double[] differences, double[] curvatureTimes, double[] hessianDiagonal,
    double[] hessianTimes, HoldoutScore score) {

  /**
   * Along x + t·d: {@code differences[s]} = f(x + tₛd) − f(x) from per-row differences
   * computed without cancellation, {@code slopes[s]} = d/dt f(x + tₛd), and when asked the
   * gradient at x + t₀d.
   */
  public record LineSums(double[] steps, double[] differences, double[] slopes,
      double[] gradientAtFirst) {}

  /** The held-out rows' mean loss and the loss kind's holdout metric. */
  public record HoldoutScore(double loss, String metricName, double metric) {}

  /** The value at the first (or only) point. */
  public double value() {
    return values[0];
  }

  /** The gradient at the first (or only) point. */
  public double[] gradient() {
    return gradients[0];
  }
}
