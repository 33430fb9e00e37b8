package io.descent.data;

import io.descent.BadInputException;
import io.descent.block.FeaturePrecision;
import io.descent.data.diagnostics.BadRecords;

/**
 * How a load treats its rows beyond where they come from: what to do with bad rows, whether
 * to hash features into {@code hashFeatures} buckets (0: no hashing; else a power of two, see
 * {@link io.descent.data.hashing.FeatureHashing}), and how the cached blocks store feature values.
 */
public record LoadOptions(BadRecords badRecords, int hashFeatures, FeaturePrecision precision) {
  public static final LoadOptions DEFAULT = new LoadOptions(BadRecords.FAIL, 0);

  /** With double feature values. */
  public LoadOptions(BadRecords badRecords, int hashFeatures) {
    this(badRecords, hashFeatures, FeaturePrecision.DOUBLE);
  }

  public LoadOptions {
    if (badRecords == null) {
      badRecords = BadRecords.FAIL;
    }
    if (precision == null) {
      precision = FeaturePrecision.DOUBLE;
    }
    if (hashFeatures < 0 || Integer.bitCount(hashFeatures) > 1) {
      throw new BadInputException("hash-features must be a power of two, not " + hashFeatures);
    }
  }
}
