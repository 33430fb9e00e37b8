package io.descent.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tallies the rows of one partition for its profile: the label's histogram and, per feature,
 * the non-zero count, the sum, the sum of squares and the histogram of non-zero values.
 * Memory grows with the distinct (feature, bin) pairs seen, never with the rows. Rows are
 * counted once each (instance weights are left out: check and promote see no weights).
 */
public final class FeatureTally {
  private static final long BINS_PER_FEATURE = 1024;

  private final boolean classLabels;
  private final Map<Integer, Long> labels = new HashMap<>();
  private final Map<Integer, double[]> moments = new HashMap<>();
  private final LongCounts bins = new LongCounts();
  private long rows;

  /**
   * With {@code classLabels}, a label is a class index and counted as such; otherwise it is a
   * real value and binned like a feature.
   */
  public FeatureTally(boolean classLabels) {
    this.classLabels = classLabels;
  }

  public void addLabel(double label) {
    rows++;
    labels.merge(classLabels ? (int) label : ValueBins.of(label), 1L, Long::sum);
  }

  /** One value of the current row (zeros are not counted: they are the rows without it). */
  public void addValue(int feature, double x) {
    if (x == 0) {
      return;
    }
    double[] m = moments.computeIfAbsent(feature, f -> new double[3]);
    m[0]++;
    m[1] += x;
    m[2] += x * x;
    bins.add(feature * BINS_PER_FEATURE + ValueBins.of(x), 1);
  }

  /** One row with its non-zero features in {@code indices[from..to)}. */
  public void addRow(double label, int[] indices, double[] values, int from, int to) {
    addLabel(label);
    for (int p = from; p < to; p++) {
      addValue(indices[p], values[p]);
    }
  }

  public long rows() {
    return rows;
  }

  /**
   * What this partition reports: with {@code tracked} null, its {@code keep} features with the
   * most non-zeros (ties: the lower index); otherwise exactly the {@code tracked} features.
   * The rest are summed in {@link PartitionProfile#others()}.
   */
  public PartitionProfile summarize(int keep, int[] tracked) {
    Map<Integer, Map<Integer, Long>> histograms = new HashMap<>();
    for (int i = 0; i < bins.capacity(); i++) {
      long key = bins.key(i);
      if (key >= 0) {
        histograms.computeIfAbsent((int) (key / BINS_PER_FEATURE), f -> new HashMap<>())
            .put((int) (key % BINS_PER_FEATURE), bins.count(i));
      }
    }
    Integer[] features = moments.keySet().toArray(new Integer[0]);
    Arrays.sort(features, (a, b) -> {
      int byCount = Double.compare(moments.get(b)[0], moments.get(a)[0]);
      return byCount != 0 ? byCount : Integer.compare(a, b);
    });
    boolean[] reported = new boolean[features.length];
    if (tracked == null) {
      for (int i = 0; i < Math.min(keep, features.length); i++) {
        reported[i] = true;
      }
    } else {
      int[] sorted = tracked.clone();
      Arrays.sort(sorted);
      for (int i = 0; i < features.length; i++) {
        reported[i] = Arrays.binarySearch(sorted, features[i]) >= 0;
      }
    }
    List<FeatureSummary> kept = new ArrayList<>();
    double[] rest = new double[3];
    int restFeatures = 0;
    long maxRestCount = 0;
    for (int i = 0; i < features.length; i++) {
      double[] m = moments.get(features[i]);
      if (reported[i]) {
        kept.add(new FeatureSummary(features[i], (long) m[0], m[1], m[2],
            Histogram.of(histograms.get(features[i])), true));
      } else {
        restFeatures++;
        maxRestCount = Math.max(maxRestCount, (long) m[0]);
        // Summed in the sorted order: the same partition gives the same sums.
        rest[0] += m[0];
        rest[1] += m[1];
        rest[2] += m[2];
      }
    }
    kept.sort((a, b) -> Integer.compare(a.index(), b.index()));
    return new PartitionProfile(rows, Histogram.of(labels), kept,
        new OtherFeatures(restFeatures, (long) rest[0], rest[1], rest[2]), maxRestCount);
  }
}
