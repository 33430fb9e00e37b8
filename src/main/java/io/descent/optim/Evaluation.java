package io.descent.optim;

/**
 * The objective F = f + g at a point: f the smooth part (data loss plus L2), g the L1 part.
 * {@code gradient} is ∇f; {@code gradientNorm} the norm of the smallest subgradient of F,
 * which is zero exactly at the optimum.
 */
public record Evaluation(double[] x, double value, double smoothValue, double[] gradient,
    double gradientNorm) {

  public boolean isFinite() {
    return Double.isFinite(value) && Double.isFinite(gradientNorm);
  }
}
