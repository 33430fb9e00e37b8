package io.descent.config;

/**
 * A regularization path and how its λ is chosen: N values from λ_max down (or the given
 * values), each fit warm-started from the one before; K-fold cross-validation (or the
 * holdout) scores every λ, and the selection rule picks one.
 *
 * @param count N values log-spaced from λ_max; 0: none (the given values, or --reg alone)
 * @param minRatio λ_min/λ_max; null: glmnet's default (1e-4 with more rows than features,
 *     else 1e-2)
 * @param values explicit λ values; null: none
 * @param folds K ≥ 2 folds, or 0: no cross-validation
 * @param select min or one-se
 */
public record PathSettings(int count, Double minRatio, double[] values, int folds,
    String select) {

  public static final PathSettings NONE = new PathSettings(0, null, null, 0, "min");

  /** Whether the run fits a path (or cross-validates): any of its settings is set. */
  public boolean active() {
    return count > 0 || values != null || folds > 0;
  }

  /** The ratio for data of {@code rows} rows and {@code features} features. */
  public double ratioFor(long rows, long features) {
    return minRatio != null ? minRatio : rows > features ? 1e-4 : 1e-2;
  }

  void addTo(SettingsJson json) {
    if (!active()) {
      return;
    }
    json.put("regPath", count)
        .put("regMinRatio", minRatio)
        .put("regValues", values == null ? null : java.util.Arrays.toString(values))
        .put("folds", folds)
        .put("select", select);
  }
}
