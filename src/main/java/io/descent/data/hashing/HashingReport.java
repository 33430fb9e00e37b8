package io.descent.data.hashing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What feature hashing did to an input: the scheme (buckets, label and weight columns), the
 * distinct raw features ("column" or "column=value") seen, and how many of them share a
 * bucket with another (their values add). -1 when there were too many raw features to count.
 */
public record HashingReport(HashingScheme scheme, long rawFeatures, long collided) {
  public int buckets() {
    return scheme.buckets();
  }

  /** What model.json records under training.featureHashing. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("buckets", buckets());
    m.put("rawFeatures", rawFeatures);
    m.put("collided", collided);
    return m;
  }

  public String logLine() {
    return rawFeatures < 0 ? "feature hashing: " + buckets() + " buckets, too many raw features to count collisions"
        : "feature hashing: " + rawFeatures + " raw features into " + buckets() + " buckets, "
            + collided + " of them share a bucket with another";
  }
}
