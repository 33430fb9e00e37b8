package io.descent.loss;

import java.io.Serializable;

/**
 * A loss ℓ(y, m) of one row as a function of its margins m (one per output). Pure scalar
 * math: the block kernels supply the margins and turn the derivatives into gradients.
 */
public interface Loss extends Serializable {
  /** Which loss of the registry this is. */
  LossKind kind();

  /** The command-line name: squared, logistic, hinge, squared_hinge, softmax. */
  default String name() {
    return kind().cliName();
  }

  /** Margins per row: the number of classes for softmax, 1 otherwise. */
  int numOutputs();

  /** ℓ(y, m) for the margins {@code m[off .. off + numOutputs())}. */
  double value(double y, double[] m, int off);

  /**
   * ℓ(y, m), also writing dℓ/dm into {@code deriv[off .. off + numOutputs())}
   * (a subgradient where ℓ has a kink).
   */
  double valueAndDerivative(double y, double[] m, int off, double[] deriv);

  /**
   * An upper bound of ∂²ℓ/∂m² over all margins (the largest eigenvalue for softmax): with
   * it, L ≤ bound · max‖x‖² bounds the Lipschitz constant of the gradient.
   */
  double curvatureBound();

  /**
   * Along the margins m + t·z of one row: writes ℓ(y, m + tz) − ℓ(y, m) into {@code out[0]}
   * and d/dt ℓ(y, m + tz) into {@code out[1]}. The difference is computed without
   * subtracting two loss values where the losses allow it, so that it stays accurate
   * relative to its own size when tz is tiny: that is what lets a line search see decreases
   * far below the rounding error of the objective value. This default subtracts.
   */
  default void alongLine(double y, double[] m, double[] z, int off, double t, double[] out) {
    int k = numOutputs();
    double[] moved = new double[k];
    double[] deriv = new double[k];
    for (int c = 0; c < k; c++) {
      moved[c] = m[off + c] + t * z[off + c];
    }
    double after = valueAndDerivative(y, moved, 0, deriv);
    double slope = 0;
    for (int c = 0; c < k; c++) {
      slope += deriv[c] * z[off + c];
    }
    out[0] = after - value(y, m, off);
    out[1] = slope;
  }

  /** True when ∂²ℓ/∂m² is a single number per row (one output, twice differentiable). */
  default boolean hasSecondDerivative() {
    return false;
  }

  /** ∂²ℓ/∂m² at the row's margin; only when {@link #hasSecondDerivative()}. */
  default double secondDerivative(double y, double[] m, int off) {
    throw new UnsupportedOperationException(name() + " has no scalar second derivative");
  }

  /**
   * True when ∂²ℓ/∂m² (K×K, generalized where ℓ' has a kink) exists, so that Hessian-vector
   * products and the Hessian's diagonal can be taken: every loss with a scalar second
   * derivative, and softmax.
   */
  default boolean hasCurvature() {
    return hasSecondDerivative();
  }

  /**
   * Writes (∂²ℓ/∂m²)·u into {@code out[off .. off + numOutputs())}, u read from the same
   * offsets of {@code u}; only when {@link #hasCurvature()}.
   */
  default void curvatureTimes(double y, double[] m, double[] u, int off, double[] out) {
    out[off] = secondDerivative(y, m, off) * u[off];
  }

  /**
   * Writes the diagonal of ∂²ℓ/∂m² into {@code out[off .. off + numOutputs())}; only when
   * {@link #hasCurvature()}.
   */
  default void curvatureDiagonal(double y, double[] m, int off, double[] out) {
    out[off] = secondDerivative(y, m, off);
  }
}
