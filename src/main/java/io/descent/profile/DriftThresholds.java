package io.descent.profile;

/**
 * The largest population stability index a feature and the label may reach before the data
 * counts as drifted. 0.25 is the usual line between a moderate and a significant shift.
 */
public record DriftThresholds(double featurePsi, double labelPsi) {
  public static final DriftThresholds DEFAULT = new DriftThresholds(0.25, 0.25);

  public DriftThresholds {
    if (!(featurePsi > 0) || !(labelPsi > 0)) {
      throw new IllegalArgumentException("PSI thresholds must be positive: " + featurePsi + ", " + labelPsi);
    }
  }
}
