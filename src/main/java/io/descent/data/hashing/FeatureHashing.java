package io.descent.data.hashing;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;

/**
 * The hashing trick, as Spark ML's FeatureHasher does it: a raw feature is a string, a
 * numeric column's name ("age") or a categorical column's "name=value" ("color=red"); its
 * feature index is MurmurHash3 x86_32 of the UTF-8 bytes with seed 42, modulo the number of
 * buckets (non-negative). Features that collide add their values. FeatureHasher uses Spark's
 * {@code hashUnsafeBytes2} (the standard MurmurHash3 tail); the older {@code hashUnsafeBytes}
 * of HashingTF differs whenever the length is not a multiple of 4.
 */
public final class FeatureHashing implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Spark ML's seed (FeatureHasher, HashingTF). */
  static final int SEED = 42;
  /** A second, independent hash that tells colliding raw features apart in the census. */
  private static final int ID_SEED = 0x5bd1e995;

  private final int buckets;

  public FeatureHashing(int buckets) {
    if (buckets <= 0) {
      throw new IllegalArgumentException("buckets must be positive: " + buckets);
    }
    this.buckets = buckets;
  }

  int buckets() {
    return buckets;
  }

  /** MurmurHash3 x86_32 of the UTF-8 bytes: Spark's own implementation, as FeatureHasher calls it. */
  static int murmur3(byte[] utf8, int seed) {
    return Murmur3_x86_32.hashUnsafeBytes2(utf8, Platform.BYTE_ARRAY_OFFSET, utf8.length, seed);
  }

  /** A raw feature's 64-bit identity: its bucket hash and a second hash. */
  static long rawId(String raw) {
    byte[] utf8 = raw.getBytes(StandardCharsets.UTF_8);
    return ((long) murmur3(utf8, SEED) << 32) | (murmur3(utf8, ID_SEED) & 0xffffffffL);
  }

  /** The feature index of a raw feature identified by {@link #rawId}. */
  int index(long rawId) {
    return Math.floorMod((int) (rawId >> 32), buckets);
  }

  /** The feature index of a raw feature. */
  int index(String raw) {
    return Math.floorMod(murmur3(raw.getBytes(StandardCharsets.UTF_8), SEED), buckets);
  }
}
