package io.descent.optim;

/** The first-order model's promise for a (proximal) gradient step. */
final class Decrease {
  private Decrease() {}

  /**
   * η‖G‖² with G = (x − x⁺)/η the gradient mapping; without L1, G = ∇f and this is the
   * Taylor prediction η‖∇f‖².
   */
  static double predicted(double[] x, double[] next, double eta) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double g = (x[i] - next[i]) / eta;
      s += g * g;
    }
    return eta * s;
  }
}
