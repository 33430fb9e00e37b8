package io.descent.loss;

import java.io.Serializable;

/**
 * A loss ℓ(y, m) of one row as a function of its margins m (one per output). Pure scalar
 * math: the block kernels supply the margins and turn the derivatives into gradients.
 */
public interface Loss extends Serializable {
  /** The command-line name: squared, logistic, hinge, softmax. */
  String name();

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
}
