package io.descent.profile;

import java.util.Arrays;

/**
 * Counts per non-negative long key in open addressing (linear probing): the per-row hot path
 * of a profile, with no object per key. Iteration order is the table's, so callers sort.
 */
final class LongCounts {
  private static final long FREE = -1;

  private long[] keys = new long[64];
  private long[] counts = new long[64];
  private int size;

  LongCounts() {
    Arrays.fill(keys, FREE);
  }

  /** Adds {@code n} to the count of {@code key} (key >= 0) and returns the slot it is in. */
  void add(long key, long n) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int i = slot(key, keys);
    if (keys[i] == FREE) {
      keys[i] = key;
      size++;
    }
    counts[i] += n;
  }

  int size() {
    return size;
  }

  /** The table's capacity; entries are at the indices i with {@link #key}(i) >= 0. */
  int capacity() {
    return keys.length;
  }

  long key(int i) {
    return keys[i];
  }

  long count(int i) {
    return counts[i];
  }

  private static int slot(long key, long[] table) {
    int mask = table.length - 1;
    int i = (int) (mix(key) & mask);
    while (table[i] != FREE && table[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    return z ^ (z >>> 33);
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new long[oldKeys.length * 2];
    Arrays.fill(keys, FREE);
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != FREE) {
        int i = slot(oldKeys[j], keys);
        keys[i] = oldKeys[j];
        counts[i] = oldCounts[j];
      }
    }
  }
}
