package io.descent.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The held-out rows' view of one iteration's parameters: the validation objective (the
 * weighted mean loss, without the penalty, which does not depend on the data) and a headline
 * metric ("accuracy" for classifiers, "rmse" for regression).
 */
public record ValidationRecord(int iteration, double objective, String metricName, double metric) {

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("iteration", iteration);
    m.put("objective", Double.isFinite(objective) ? objective : null);
    m.put(metricName, Double.isFinite(metric) ? metric : null);
    return m;
  }

  public String logLine() {
    return String.format("          validation objective %.10g  %s %.6g", objective, metricName, metric);
  }
}
