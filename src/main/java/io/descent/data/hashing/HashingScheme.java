package io.descent.data.hashing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a model trained with --hash-features made its features from named columns, so that
 * scoring makes them the same way: {@link FeatureHashing} into {@code buckets} of every
 * column but the label column and the weight column (null: none). The columns are part of
 * the scheme because under hashing every other column is a feature: scoring must know which
 * two are not. model.json's top-level {@code featureHashing}.
 */
public record HashingScheme(int buckets, String labelColumn, String weightColumn) {
  /** The one hash function Descent computes, as model.json names it. */
  static final String HASH = "murmur3_x86_32";

  public HashingScheme {
    if (buckets <= 0 || Integer.bitCount(buckets) != 1) {
      throw new IllegalArgumentException("feature hashing buckets must be a power of two, not " + buckets);
    }
    if (labelColumn == null) {
      throw new IllegalArgumentException("feature hashing needs the label column's name");
    }
  }

  public FeatureHashing function() {
    return new FeatureHashing(buckets);
  }

  /** {"buckets": K, "hash": "murmur3_x86_32", "seed": 42, "labelColumn": …, "weightColumn": …}. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("buckets", buckets);
    m.put("hash", HASH);
    m.put("seed", FeatureHashing.SEED);
    m.put("labelColumn", labelColumn);
    if (weightColumn != null) {
      m.put("weightColumn", weightColumn);
    }
    return m;
  }

  /**
   * The inverse of {@link #toJson()}; IllegalArgumentException when a field is missing or
   * names a hash this Descent does not compute (scoring with another would be silently wrong).
   */
  public static HashingScheme fromJson(Map<String, Object> json) {
    Object hash = json.get("hash");
    Object seed = json.get("seed");
    if (!HASH.equals(hash) || !(seed instanceof Number n) || n.intValue() != FeatureHashing.SEED
        || n.doubleValue() != FeatureHashing.SEED) {
      throw new IllegalArgumentException("featureHashing is hash " + hash + " with seed " + seed
          + "; Descent hashes with " + HASH + " and seed " + FeatureHashing.SEED);
    }
    if (!(json.get("buckets") instanceof Number buckets) || !(json.get("labelColumn") instanceof String label)) {
      throw new IllegalArgumentException("featureHashing needs a number \"buckets\" and a string \"labelColumn\"");
    }
    Object weight = json.get("weightColumn");
    if (weight != null && !(weight instanceof String)) {
      throw new IllegalArgumentException("featureHashing's \"weightColumn\" is not a string: " + weight);
    }
    return new HashingScheme(buckets.intValue(), label, (String) weight);
  }
}
