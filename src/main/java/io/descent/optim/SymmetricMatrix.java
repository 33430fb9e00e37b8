package io.descent.optim;

/** Dense symmetric matrices kept as one triangle while they are summed. */
public final class SymmetricMatrix {
  private SymmetricMatrix() {}

  /**
   * Writes the full row-major n×n matrix whose upper triangle is stored column-major in
   * {@code src} from {@code offset}: entry (i, j), i ≤ j, at {@code offset + i + j·n}.
   */
  public static void fillFromUpper(double[] src, int offset, int n, double[] dest) {
    for (int j = 0; j < n; j++) {
      for (int i = 0; i <= j; i++) {
        double v = src[offset + i + j * n];
        dest[i * n + j] = v;
        dest[j * n + i] = v;
      }
    }
  }
}
