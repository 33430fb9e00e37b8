package io.descent.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * New data against a model's profile: the PSI of the label and of every feature the profile
 * lists (zeros included, as the zero bin), with before/after figures, most moved first.
 */
public final class DriftReport {
  /** Share of rows with the feature non-zero, and its mean and standard deviation over all rows. */
  public record Figures(double nonzeroFraction, double mean, double std) {
    static Figures of(FeatureSummary f, long rows) {
      return new Figures(rows == 0 ? 0 : (double) f.nonzeros() / rows, f.mean(rows), f.std(rows));
    }

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("nonzeroFraction", nonzeroFraction);
      m.put("mean", mean);
      m.put("std", std);
      return m;
    }
  }

  public record FeatureDrift(int index, String name, double psi, boolean exact, Figures before,
      Figures after) {
    public String label() {
      return name != null ? name + " (feature " + index + ")" : "feature " + index;
    }
  }

  private final DriftThresholds thresholds;
  private final long rowsBefore;
  private final long rowsAfter;
  private final double labelPsi;
  private final Histogram labelsBefore;
  private final Histogram labelsAfter;
  private final boolean classLabels;
  private final List<FeatureDrift> features;

  private DriftReport(DriftThresholds thresholds, long rowsBefore, long rowsAfter,
      double labelPsi, Histogram labelsBefore, Histogram labelsAfter, boolean classLabels,
      List<FeatureDrift> features) {
    this.thresholds = thresholds;
    this.rowsBefore = rowsBefore;
    this.rowsAfter = rowsAfter;
    this.labelPsi = labelPsi;
    this.labelsBefore = labelsBefore;
    this.labelsAfter = labelsAfter;
    this.classLabels = classLabels;
    this.features = features;
  }

  /**
   * Compares {@code current} (which must report every feature {@code reference} lists) with
   * {@code reference}; {@code names} (or null) names feature j.
   */
  public static DriftReport compare(DataProfile reference, DataProfile current,
      List<String> names, DriftThresholds thresholds) {
    List<FeatureDrift> drifts = new ArrayList<>();
    for (FeatureSummary before : reference.features()) {
      FeatureSummary after = current.feature(before.index());
      double psi = Psi.ofValues(before.withZeros(reference.rows()), after.withZeros(current.rows()));
      String name = names != null && before.index() < names.size() ? names.get(before.index()) : null;
      drifts.add(new FeatureDrift(before.index(), name, psi, before.exact(),
          Figures.of(before, reference.rows()), Figures.of(after, current.rows())));
    }
    drifts.sort(Comparator.comparingDouble(FeatureDrift::psi).reversed()
        .thenComparingInt(FeatureDrift::index));
    return new DriftReport(thresholds, reference.rows(), current.rows(),
        reference.classLabels() ? Psi.of(reference.labels(), current.labels())
            : Psi.ofValues(reference.labels(), current.labels()),
        reference.labels(), current.labels(),
        reference.classLabels(), drifts);
  }

  public double labelPsi() {
    return labelPsi;
  }

  public boolean labelDrifted() {
    return labelPsi > thresholds.labelPsi();
  }

  /** Every listed feature, the most moved first. */
  public List<FeatureDrift> features() {
    return features;
  }

  public List<FeatureDrift> driftedFeatures() {
    return features.stream().filter(f -> f.psi() > thresholds.featurePsi()).toList();
  }

  public boolean drifted() {
    return labelDrifted() || !driftedFeatures().isEmpty();
  }

  public DriftThresholds thresholds() {
    return thresholds;
  }

  public long rowsBefore() {
    return rowsBefore;
  }

  public long rowsAfter() {
    return rowsAfter;
  }

  /** One sentence: what moved beyond its threshold, or that nothing did. */
  public String summary() {
    List<String> parts = new ArrayList<>();
    if (labelDrifted()) {
      parts.add(String.format(java.util.Locale.ROOT, "the label (PSI %.3g > %.3g)", labelPsi,
          thresholds.labelPsi()));
    }
    List<FeatureDrift> moved = driftedFeatures();
    for (int i = 0; i < Math.min(3, moved.size()); i++) {
      FeatureDrift f = moved.get(i);
      parts.add(String.format(java.util.Locale.ROOT, "%s (PSI %.3g > %.3g, mean %.4g -> %.4g)",
          f.label(), f.psi(), thresholds.featurePsi(), f.before().mean(), f.after().mean()));
    }
    if (moved.size() > 3) {
      parts.add((moved.size() - 3) + " more features");
    }
    if (parts.isEmpty()) {
      return String.format(java.util.Locale.ROOT, "no drift: label PSI %.3g, largest feature PSI %.3g"
          + " (thresholds %.3g and %.3g)", labelPsi, features.isEmpty() ? 0.0 : features.get(0).psi(),
          thresholds.labelPsi(), thresholds.featurePsi());
    }
    return "drift in " + String.join(", ", parts);
  }

  /** drift.json: the decision, the thresholds, the label and every listed feature, most moved first. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("measure", "population stability index, sum (q - p) ln(q / p), over the reference's"
        + " deciles for values and over the classes for class labels; empty bins at share " + Psi.FLOOR);
    m.put("drifted", drifted());
    m.put("summary", summary());
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("featurePsi", thresholds.featurePsi());
    t.put("labelPsi", thresholds.labelPsi());
    m.put("thresholds", t);
    m.put("rowsBefore", rowsBefore);
    m.put("rowsAfter", rowsAfter);
    Map<String, Object> label = new LinkedHashMap<>();
    label.put("psi", labelPsi);
    label.put("drifted", labelDrifted());
    label.put("kind", classLabels ? "classes" : "values");
    label.put("before", labelsBefore.toJson());
    label.put("after", labelsAfter.toJson());
    m.put("label", label);
    List<Map<String, Object>> list = new ArrayList<>();
    for (FeatureDrift f : features) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("index", f.index());
      if (f.name() != null) {
        e.put("name", f.name());
      }
      e.put("psi", f.psi());
      e.put("drifted", f.psi() > thresholds.featurePsi());
      e.put("exact", f.exact());
      e.put("before", f.before().toJson());
      e.put("after", f.after().toJson());
      list.add(e);
    }
    m.put("features", list);
    return m;
  }
}
