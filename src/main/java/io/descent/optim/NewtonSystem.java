package io.descent.optim;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * Solves H·d = −g for the Newton direction on the driver: Cholesky (LAPACK dposv). When H
 * is not positive definite (a singular data Hessian without L2, or rounding), a growing
 * multiple of the identity is added until the factorization succeeds; the damped direction
 * is still a descent direction. As a last resort, −g.
 */
public final class NewtonSystem {
  private static final int MAX_DAMPING_TRIES = 12;

  private NewtonSystem() {}

  /** @param hessian dense symmetric n×n (not modified) */
  public static double[] direction(double[] hessian, double[] g) {
    int n = g.length;
    double scale = 0;
    for (int i = 0; i < n; i++) {
      scale = Math.max(scale, Math.abs(hessian[i * n + i]));
    }
    double damping = 0;
    for (int attempt = 0; attempt <= MAX_DAMPING_TRIES; attempt++) {
      double[] a = hessian.clone();
      for (int i = 0; i < n; i++) {
        a[i * n + i] += damping;
      }
      double[] b = Vectors.scale(-1, g);
      intW info = new intW(0);
      // Symmetric, so row-major is column-major; "U" reads one triangle.
      LAPACK.getInstance().dposv("U", n, 1, a, n, b, n, info);
      if (info.val == 0 && Vectors.allFinite(b)) {
        return b;
      }
      damping = damping == 0 ? 1e-10 * Math.max(scale, 1e-300) : damping * 100;
    }
    return Vectors.scale(-1, g);
  }
}
