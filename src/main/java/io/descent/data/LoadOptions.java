package io.descent.data;

import io.descent.BadInputException;

/**
 * How a load treats its rows beyond where they come from: what to do with bad rows, and
 * whether to hash features into {@code hashFeatures} buckets (0: no hashing; else a power
 * of two, see {@link FeatureHashing}).
 */
public record LoadOptions(BadRecords badRecords, int hashFeatures) {
  public static final LoadOptions DEFAULT = new LoadOptions(BadRecords.FAIL, 0);

  public LoadOptions {
    if (badRecords == null) {
      badRecords = BadRecords.FAIL;
    }
    if (hashFeatures < 0 || Integer.bitCount(hashFeatures) > 1) {
      throw new BadInputException("hash-features must be a power of two, not " + hashFeatures);
    }
  }
}
