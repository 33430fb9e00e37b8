package io.descent.testing;

/** Gaussian elimination with partial pivoting, for small reference solutions in tests. */
public final class LinearSolve {
  private LinearSolve() {}

  public static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = java.util.Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
          p = r;
        }
      }
      double[] t = m[c];
      m[c] = m[p];
      m[p] = t;
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) {
          m[r][k] -= f * m[c][k];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= m[r][k] * x[k];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }

  /**
   * argmin (1/Σv) Σ vᵢ ½(w·xᵢ + b − yᵢ)² + (λ/2)‖w‖² from the normal equations, the intercept
   * (last entry, if fitted) unregularized. Rows are dense: x[i] has d entries.
   */
  public static double[] ridge(double[][] x, double[] y, double lambda, boolean intercept) {
    int n = y.length;
    int d = x[0].length;
    int p = d + (intercept ? 1 : 0);
    double[][] a = new double[p][p];
    double[] rhs = new double[p];
    for (int i = 0; i < n; i++) {
      double[] xi = java.util.Arrays.copyOf(x[i], p);
      if (intercept) {
        xi[d] = 1;
      }
      for (int r = 0; r < p; r++) {
        rhs[r] += xi[r] * y[i] / n;
        for (int c = 0; c < p; c++) {
          a[r][c] += xi[r] * xi[c] / n;
        }
      }
    }
    for (int j = 0; j < d; j++) {
      a[j][j] += lambda;
    }
    return solve(a, rhs);
  }
}
