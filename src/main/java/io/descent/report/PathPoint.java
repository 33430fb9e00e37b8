package io.descent.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One λ of a regularization path: the cross-validated (or held-out) loss and metric of the
 * fold models, with their standard errors, and the all-rows model's objective, non-zero
 * count, iterations and passes (the fold models' passes are shared with it: one job each).
 *
 * @param cvLoss NaN without validation
 */
public record PathPoint(double lambda, double cvLoss, double cvLossSe, String metricName,
    double metric, double metricSe, double objective, long nonZeros, int iterations,
    long passes, String stopReason) {

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lambda", lambda);
    m.put("cvLoss", finite(cvLoss));
    m.put("cvLossSe", finite(cvLossSe));
    m.put("metricName", metricName);
    m.put("metric", finite(metric));
    m.put("metricSe", finite(metricSe));
    m.put("objective", objective);
    m.put("nonZeros", nonZeros);
    m.put("iterations", iterations);
    m.put("passes", passes);
    m.put("stopReason", stopReason);
    return m;
  }

  public static PathPoint fromJson(Map<String, Object> m) {
    return new PathPoint(number(m, "lambda"), number(m, "cvLoss"), number(m, "cvLossSe"),
        (String) m.get("metricName"), number(m, "metric"), number(m, "metricSe"),
        number(m, "objective"), ((Number) m.get("nonZeros")).longValue(),
        ((Number) m.get("iterations")).intValue(), ((Number) m.get("passes")).longValue(),
        (String) m.get("stopReason"));
  }

  private static Object finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static double number(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }
}
