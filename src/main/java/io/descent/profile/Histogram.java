package io.descent.profile;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts per bin (bins in increasing order, zero counts left out): immutable, mergeable. */
public final class Histogram implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Histogram EMPTY = new Histogram(new int[0], new long[0]);

  private final int[] bins;
  private final long[] counts;

  private Histogram(int[] bins, long[] counts) {
    this.bins = bins;
    this.counts = counts;
  }

  /** From bins to counts; zero counts are dropped. */
  public static Histogram of(Map<Integer, Long> counts) {
    TreeMap<Integer, Long> sorted = new TreeMap<>(counts);
    sorted.values().removeIf(c -> c == 0);
    int[] b = new int[sorted.size()];
    long[] c = new long[sorted.size()];
    int i = 0;
    for (Map.Entry<Integer, Long> e : sorted.entrySet()) {
      b[i] = e.getKey();
      c[i++] = e.getValue();
    }
    return new Histogram(b, c);
  }

  public int size() {
    return bins.length;
  }

  public int bin(int i) {
    return bins[i];
  }

  public long count(int i) {
    return counts[i];
  }

  public long total() {
    long t = 0;
    for (long c : counts) {
      t += c;
    }
    return t;
  }

  /** The count of {@code bin}, 0 if absent. */
  public long countOf(int bin) {
    int i = Arrays.binarySearch(bins, bin);
    return i >= 0 ? counts[i] : 0;
  }

  /** This histogram plus {@code count} in {@code bin}. */
  public Histogram plus(int bin, long count) {
    Map<Integer, Long> m = toMap();
    m.merge(bin, count, Long::sum);
    return of(m);
  }

  public Histogram plus(Histogram other) {
    Map<Integer, Long> m = toMap();
    for (int i = 0; i < other.bins.length; i++) {
      m.merge(other.bins[i], other.counts[i], Long::sum);
    }
    return of(m);
  }

  public Map<Integer, Long> toMap() {
    Map<Integer, Long> m = new TreeMap<>();
    for (int i = 0; i < bins.length; i++) {
      m.put(bins[i], counts[i]);
    }
    return m;
  }

  /** [[bin, count], ...] */
  public List<List<Long>> toJson() {
    List<List<Long>> out = new ArrayList<>();
    for (int i = 0; i < bins.length; i++) {
      out.add(List.of((long) bins[i], counts[i]));
    }
    return out;
  }

  public static Histogram fromJson(List<List<Number>> pairs) {
    Map<Integer, Long> m = new TreeMap<>();
    for (List<Number> p : pairs) {
      m.merge(p.get(0).intValue(), p.get(1).longValue(), Long::sum);
    }
    return of(m);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Histogram h && Arrays.equals(bins, h.bins) && Arrays.equals(counts, h.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bins) * 31 + Arrays.hashCode(counts);
  }
}
