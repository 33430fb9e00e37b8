package io.descent.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * drift.html: the label and the features that moved most, from drift.json's content, with
 * their before/after figures; a self-contained page (no script, no external file).
 */
public final class DriftHtml {
  /** Rows of the feature table: the most moved first. */
  public static final int MAX_ROWS = 50;

  private DriftHtml() {}

  @SuppressWarnings("unchecked")
  public static byte[] render(Map<String, Object> drift) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Descent data check</title>\n<style>body{font-family:sans-serif;margin:2em}")
        .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;")
        .append("text-align:right}th{background:#eee}.moved{background:#fdd}</style></head><body>\n")
        .append("<h1>Data check</h1>\n<p>").append(ReportHtml.escape(String.valueOf(drift.get("summary"))))
        .append("</p>\n<p>").append(ReportHtml.escape(String.valueOf(drift.get("measure"))))
        .append(". Rows: ").append(drift.get("rowsBefore")).append(" in training, ")
        .append(drift.get("rowsAfter")).append(" now.</p>\n");
    Map<String, Object> label = (Map<String, Object>) drift.get("label");
    Map<String, Object> thresholds = (Map<String, Object>) drift.get("thresholds");
    h.append("<h2>Label</h2>\n<p>PSI ").append(number(label.get("psi"))).append(" (threshold ")
        .append(number(thresholds.get("labelPsi"))).append(")").append(Boolean.TRUE.equals(label.get("drifted"))
            ? ": <strong>moved</strong>" : "").append("</p>\n");
    List<Map<String, Object>> features = (List<Map<String, Object>>) drift.get("features");
    h.append("<h2>Features that moved most</h2>\n<p>PSI threshold ")
        .append(number(thresholds.get("featurePsi"))).append("; ").append(features.size())
        .append(" features profiled").append(features.size() > MAX_ROWS ? ", the first " + MAX_ROWS + " shown" : "")
        .append(".</p>\n<table>\n<tr><th>feature</th><th>PSI</th><th>non-zero before</th>")
        .append("<th>non-zero now</th><th>mean before</th><th>mean now</th><th>std before</th>")
        .append("<th>std now</th></tr>\n");
    for (int i = 0; i < Math.min(MAX_ROWS, features.size()); i++) {
      Map<String, Object> f = features.get(i);
      Map<String, Object> before = (Map<String, Object>) f.get("before");
      Map<String, Object> after = (Map<String, Object>) f.get("after");
      String name = f.containsKey("name") ? f.get("name") + " (" + f.get("index") + ")" : "#" + f.get("index");
      h.append(Boolean.TRUE.equals(f.get("drifted")) ? "<tr class=\"moved\">" : "<tr>")
          .append("<th>").append(ReportHtml.escape(name)).append("</th><td>").append(number(f.get("psi")))
          .append("</td><td>").append(number(before.get("nonzeroFraction")))
          .append("</td><td>").append(number(after.get("nonzeroFraction")))
          .append("</td><td>").append(number(before.get("mean")))
          .append("</td><td>").append(number(after.get("mean")))
          .append("</td><td>").append(number(before.get("std")))
          .append("</td><td>").append(number(after.get("std"))).append("</td></tr>\n");
    }
    h.append("</table>\n</body></html>\n");
    return h.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String number(Object v) {
    return v instanceof Number n ? String.format(Locale.ROOT, "%.4g", n.doubleValue()) : "-";
  }
}
