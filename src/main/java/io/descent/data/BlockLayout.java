package io.descent.data;

/**
 * Block sizing and the dense-or-CSR choice, by bytes. Dense stores 8 bytes per cell; CSR 12 per
 * stored value (8 value + 4 index) plus 4 per row pointer. Labels and weights cost the same
 * either way.
 */
public final class BlockLayout {
  /** Largest dense value array this will build (below the JVM's array limit). */
  static final long MAX_DENSE_VALUES = Integer.MAX_VALUE - 16;
  /** Rows per block never exceed this, whatever the byte target. */
  static final int MAX_ROWS = 1 << 24;

  private BlockLayout() {}

  static long denseBytes(long rows, int numFeatures) {
    return 8L * rows * numFeatures;
  }

  static long sparseBytes(long rows, long nnz) {
    return 12L * nnz + 4L * (rows + 1);
  }

  /** Dense when it is no larger than CSR (dense wins ties: its kernels are faster). */
  static boolean denseIsSmaller(long rows, int numFeatures, long nnz) {
    return (long) rows * numFeatures <= MAX_DENSE_VALUES
        && denseBytes(rows, numFeatures) <= sparseBytes(rows, nnz);
  }

  /**
   * Rows per block so a block is about {@code blockBytes}: from the input's average non-zeros
   * per row and the smaller of the two layouts, at least 1.
   */
  public static int rowsPerBlock(long blockBytes, int numFeatures, long totalNnz, long totalRows,
      boolean weighted) {
    double nnzPerRow = totalRows == 0 ? 0 : (double) totalNnz / totalRows;
    double featureBytes = Math.min(8.0 * numFeatures, 12.0 * nnzPerRow + 4);
    double bytesPerRow = 8 + (weighted ? 8 : 0) + featureBytes;
    double rows = Math.floor(blockBytes / bytesPerRow);
    return (int) Math.max(1, Math.min(MAX_ROWS, rows));
  }
}
