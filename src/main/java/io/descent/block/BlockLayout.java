package io.descent.block;

/**
 * Block sizing and the dense-or-CSR choice, by bytes. Dense stores one value per cell (8 bytes
 * as double, 4 as float); CSR one value plus a 4-byte index per stored entry, plus 4 per row
 * pointer. Labels and weights cost the same either way.
 */
public final class BlockLayout {
  /** Largest dense value array this will build (below the JVM's array limit). */
  public static final long MAX_DENSE_VALUES = Integer.MAX_VALUE - 16;
  /** Rows per block never exceed this, whatever the byte target. */
  static final int MAX_ROWS = 1 << 24;

  private BlockLayout() {}

  static long denseBytes(long rows, int numFeatures, FeaturePrecision precision) {
    return (long) precision.bytesPerValue() * rows * numFeatures;
  }

  static long sparseBytes(long rows, long nnz, FeaturePrecision precision) {
    return (precision.bytesPerValue() + 4L) * nnz + 4L * (rows + 1);
  }

  /** As below, for double values. */
  static boolean denseIsSmaller(long rows, int numFeatures, long nnz) {
    return denseIsSmaller(rows, numFeatures, nnz, FeaturePrecision.DOUBLE);
  }

  /** Dense when it is no larger than CSR (dense wins ties: its kernels are faster). */
  static boolean denseIsSmaller(long rows, int numFeatures, long nnz, FeaturePrecision precision) {
    return (long) rows * numFeatures <= MAX_DENSE_VALUES
        && denseBytes(rows, numFeatures, precision) <= sparseBytes(rows, nnz, precision);
  }

  /** As below, for double values. */
  public static int rowsPerBlock(long blockBytes, int numFeatures, long totalNnz, long totalRows,
      boolean weighted) {
    return rowsPerBlock(blockBytes, numFeatures, totalNnz, totalRows, weighted, FeaturePrecision.DOUBLE);
  }

  /**
   * Rows per block so a block is about {@code blockBytes}: from the input's average non-zeros
   * per row and the smaller of the two layouts at this precision, at least 1.
   */
  public static int rowsPerBlock(long blockBytes, int numFeatures, long totalNnz, long totalRows,
      boolean weighted, FeaturePrecision precision) {
    double nnzPerRow = totalRows == 0 ? 0 : (double) totalNnz / totalRows;
    int value = precision.bytesPerValue();
    double featureBytes = Math.min((double) value * numFeatures, (value + 4.0) * nnzPerRow + 4);
    double bytesPerRow = 8 + (weighted ? 8 : 0) + featureBytes;
    double rows = Math.floor(blockBytes / bytesPerRow);
    return (int) Math.max(1, Math.min(MAX_ROWS, rows));
  }
}
