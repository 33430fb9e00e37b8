package io.descent.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What training data looked like, recorded in model.json while the blocks were packed: the
 * row count, the label's histogram, exact summaries of the features with the most non-zero
 * values (at most {@link #LISTED_FEATURES}, so a model of millions of features keeps a
 * profile of bounded size) and one summary of all the others. A partition reports its
 * {@link #PARTITION_FEATURES} most frequent features; a listed feature some partition did not
 * report is marked inexact (its figures are then lower bounds).
 */
public final class DataProfile {
  public static final String FORMAT = "descent-profile/1";
  /** Features listed one by one in a model's profile. */
  public static final int LISTED_FEATURES = 256;
  /** Features each partition reports: twice the listed, so the global top is rarely cut. */
  public static final int PARTITION_FEATURES = 2 * LISTED_FEATURES;

  private final long rows;
  private final boolean classLabels;
  private final Histogram labels;
  private final Map<Integer, FeatureSummary> features;
  private final OtherFeatures others;

  public DataProfile(long rows, boolean classLabels, Histogram labels,
      List<FeatureSummary> features, OtherFeatures others) {
    this.rows = rows;
    this.classLabels = classLabels;
    this.labels = labels;
    this.features = new TreeMap<>();
    for (FeatureSummary f : features) {
      this.features.put(f.index(), f);
    }
    this.others = others;
  }

  /**
   * The profile of all partitions, summed in partition order (so the same partitions give
   * the same bits), listing the {@code keep} features with the most non-zeros (ties: the lower
   * index) and summing the rest.
   */
  public static DataProfile merge(List<PartitionProfile> parts, boolean classLabels, int keep) {
    long rows = 0;
    Histogram labels = Histogram.EMPTY;
    OtherFeatures others = OtherFeatures.NONE;
    Map<Integer, FeatureSummary> sums = new TreeMap<>();
    Map<Integer, Integer> reportedByCutters = new TreeMap<>();
    int cutters = 0;
    for (PartitionProfile p : parts) {
      rows += p.rows();
      labels = labels.plus(p.labels());
      others = others.plus(p.others());
      boolean cut = p.maxOtherNonzeros() > 0;
      cutters += cut ? 1 : 0;
      for (FeatureSummary f : p.features()) {
        sums.merge(f.index(), f, (a, b) -> a.plus(b, true));
        if (cut) {
          reportedByCutters.merge(f.index(), 1, Integer::sum);
        }
      }
    }
    List<FeatureSummary> ranked = new ArrayList<>(sums.values());
    ranked.sort(Comparator.comparingLong(FeatureSummary::nonzeros).reversed()
        .thenComparingInt(FeatureSummary::index));
    List<FeatureSummary> listed = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      FeatureSummary f = ranked.get(i);
      if (i < keep) {
        boolean exact = reportedByCutters.getOrDefault(f.index(), 0) == cutters;
        listed.add(new FeatureSummary(f.index(), f.nonzeros(), f.sum(), f.sumOfSquares(),
            f.bins(), exact));
      } else {
        others = others.plus(new OtherFeatures(1, f.nonzeros(), f.sum(), f.sumOfSquares()));
      }
    }
    return new DataProfile(rows, classLabels, labels, listed, others);
  }

  public long rows() {
    return rows;
  }

  /** Whether labels are class indices (else real values in {@link ValueBins}). */
  public boolean classLabels() {
    return classLabels;
  }

  public Histogram labels() {
    return labels;
  }

  /** The listed features, by increasing index. */
  public List<FeatureSummary> features() {
    return List.copyOf(features.values());
  }

  /** The listed feature of this index, or an empty summary (no non-zero value). */
  public FeatureSummary feature(int index) {
    FeatureSummary f = features.get(index);
    return f != null ? f : new FeatureSummary(index, 0, 0, 0, Histogram.EMPTY, true);
  }

  public int[] featureIndices() {
    return features.keySet().stream().mapToInt(Integer::intValue).toArray();
  }

  public OtherFeatures others() {
    return others;
  }

  /** With {@code names} non-null, feature j is listed with the name names.get(j). */
  public Map<String, Object> toJson(List<String> names) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("rows", rows);
    m.put("bins", "0: zero; 1..256: x > 0 in quarter binades [2^e(1+q/4), 2^e(1+(q+1)/4)),"
        + " bin = 1 + 4(e+32) + q, e clipped to [-32, 31]; 257..512: the same for -x");
    Map<String, Object> label = new LinkedHashMap<>();
    label.put("kind", classLabels ? "classes" : "values");
    label.put("bins", labels.toJson());
    m.put("label", label);
    List<Map<String, Object>> listed = new ArrayList<>();
    for (FeatureSummary f : features.values()) {
      listed.add(f.toJson(rows, names != null && f.index() < names.size() ? names.get(f.index()) : null));
    }
    m.put("features", listed);
    m.put("otherFeatures", others.toJson(rows));
    return m;
  }

  @SuppressWarnings("unchecked")
  public static DataProfile fromJson(Map<String, Object> m) {
    if (!FORMAT.equals(m.get("format"))) {
      throw new IllegalArgumentException("profile format is " + m.get("format") + ", expected " + FORMAT);
    }
    Map<String, Object> label = (Map<String, Object>) m.get("label");
    List<FeatureSummary> listed = new ArrayList<>();
    for (Map<String, Object> f : (List<Map<String, Object>>) m.get("features")) {
      listed.add(FeatureSummary.fromJson(f));
    }
    return new DataProfile(((Number) m.get("rows")).longValue(),
        "classes".equals(label.get("kind")),
        Histogram.fromJson((List<List<Number>>) label.get("bins")), listed,
        OtherFeatures.fromJson((Map<String, Object>) m.get("otherFeatures")));
  }
}
