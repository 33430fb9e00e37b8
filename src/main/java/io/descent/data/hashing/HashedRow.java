package io.descent.data.hashing;

import io.descent.data.row.RowBuffer;
import java.util.Arrays;

/**
 * Collects one row's hashed features in column order, then hands them to a {@link RowBuffer}
 * in increasing index order with colliding values added (in column order, so the sums are
 * the same on every run). Keeps each raw feature's identity for the collision census.
 */
public final class HashedRow {
  private final FeatureHashing hashing;
  private long[] keys = new long[16];
  private double[] values = new double[16];
  private long[] rawIds = new long[16];
  private int n;

  public HashedRow(FeatureHashing hashing) {
    this.hashing = hashing;
  }

  public void clear() {
    n = 0;
  }

  /** Adds raw feature {@code raw} ("age" or "color=red") with {@code value}. */
  public void add(String raw, double value) {
    if (n == keys.length) {
      keys = Arrays.copyOf(keys, 2 * n);
      values = Arrays.copyOf(values, 2 * n);
      rawIds = Arrays.copyOf(rawIds, 2 * n);
    }
    long id = FeatureHashing.rawId(raw);
    rawIds[n] = id;
    // Index in the high bits, arrival order in the low: sorting keeps column order per index.
    keys[n] = ((long) hashing.index(id) << 32) | n;
    values[n] = value;
    n++;
  }

  /** Writes the summed features into {@code out} and the raw identities into its census. */
  public void flushInto(RowBuffer out) {
    Arrays.sort(keys, 0, n);
    // Shared, not copied: read before the next row is decoded.
    out.rawFeatureIds = rawIds;
    out.rawFeatures = n;
    int k = 0;
    while (k < n) {
      int index = (int) (keys[k] >>> 32);
      double sum = 0;
      for (; k < n && (int) (keys[k] >>> 32) == index; k++) {
        sum += values[(int) keys[k]];
      }
      out.add(index, sum);
    }
  }
}
