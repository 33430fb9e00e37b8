package io.descent.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** metrics.json: the per-iteration history plus a summary of the run. */
public final class MetricsJson {
  private MetricsJson() {}

  public static byte[] render(List<IterationRecord> history, Map<String, Object> summary) {
    return render(history, List.of(), summary);
  }

  /** With the held-out rows' record per iteration under "validation" (when there is one). */
  public static byte[] render(List<IterationRecord> history, List<ValidationRecord> validation,
      Map<String, Object> summary) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", "descent-metrics/1");
    m.put("summary", summary);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (IterationRecord r : history) {
      rows.add(r.toJson());
    }
    m.put("history", rows);
    if (!validation.isEmpty()) {
      List<Map<String, Object>> v = new ArrayList<>();
      for (ValidationRecord r : validation) {
        v.add(r.toJson());
      }
      m.put("validation", v);
    }
    return Json.write(m);
  }
}
