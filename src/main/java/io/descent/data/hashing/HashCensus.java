package io.descent.data.hashing;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The distinct raw features a scan saw under feature hashing (by {@link FeatureHashing#rawId}),
 * so the driver can count those that share a bucket with another. Gives up past
 * {@link #CAP} distinct features per partition, to bound task and driver memory.
 */
public final class HashCensus implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int CAP = 1 << 20;

  private final HashSet<Long> ids = new HashSet<>();
  private boolean overflow;

  public void add(long[] rawIds, int n) {
    if (overflow) {
      return;
    }
    for (int k = 0; k < n; k++) {
      ids.add(rawIds[k]);
    }
    if (ids.size() > CAP) {
      overflow = true;
      ids.clear();
    }
  }

  /** What the driver reports: distinct raw features and how many share a bucket (-1: unknown). */
  public record Summary(long rawFeatures, long collided) {}

  public static Summary summarize(Iterable<HashCensus> censuses, FeatureHashing hashing) {
    Set<Long> all = new HashSet<>();
    for (HashCensus c : censuses) {
      if (c.overflow) {
        return new Summary(-1, -1);
      }
      all.addAll(c.ids);
    }
    Map<Integer, Integer> perBucket = new HashMap<>();
    for (long id : all) {
      perBucket.merge(hashing.index(id), 1, Integer::sum);
    }
    long collided = 0;
    for (int n : perBucket.values()) {
      collided += n > 1 ? n : 0;
    }
    return new Summary(all.size(), collided);
  }
}
