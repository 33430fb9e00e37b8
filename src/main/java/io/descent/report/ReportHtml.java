package io.descent.report;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * report.html: one self-contained page (no external files, scripts or fonts; the plots are
 * PNG data URIs) with the run's summary table and its plots, so it can be mailed or archived
 * next to the model.
 */
public final class ReportHtml {
  private ReportHtml() {}

  public static byte[] render(Map<String, Object> summary, List<IterationRecord> history,
      List<ValidationRecord> validation) {
    return render(summary, history, validation, List.of());
  }

  /** With {@code first} plots ahead of the run's own (a path's, say). */
  public static byte[] render(Map<String, Object> summary, List<IterationRecord> history,
      List<ValidationRecord> validation, List<Plot> first) {
    StringBuilder h = new StringBuilder(1 << 16);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Descent training report</title>\n<style>\n")
        .append("body{font-family:sans-serif;margin:2em;max-width:820px;color:#222}\n")
        .append("table{border-collapse:collapse;margin-bottom:2em}\n")
        .append("td,th{border:1px solid #ccc;padding:4px 10px;text-align:left}\n")
        .append("th{background:#f4f4f4;font-weight:normal;color:#555}\n")
        .append("figure{margin:0 0 2em 0}\nfigcaption{color:#555;font-size:90%}\n")
        .append("img{max-width:100%;border:1px solid #eee}\n</style>\n</head>\n<body>\n")
        .append("<h1>Descent training report</h1>\n<table>\n");
    for (Map.Entry<String, String> row : rows(summary, history, validation).entrySet()) {
      h.append("<tr><th>").append(escape(row.getKey())).append("</th><td>")
          .append(escape(row.getValue())).append("</td></tr>\n");
    }
    h.append("</table>\n");
    List<Plot> plots = new java.util.ArrayList<>(first);
    plots.addAll(ReportCharts.plots(history, validation));
    for (Plot p : plots) {
      h.append("<figure>\n<img alt=\"").append(escape(p.title()))
          .append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(p.png())).append("\">\n<figcaption>")
          .append(escape(p.caption())).append("</figcaption>\n</figure>\n");
    }
    h.append("</body>\n</html>\n");
    return h.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The summary table: what was trained on, how, how it ended, and how long it took. */
  static Map<String, String> rows(Map<String, Object> summary, List<IterationRecord> history,
      List<ValidationRecord> validation) {
    Map<String, String> t = new LinkedHashMap<>();
    put(t, "data", summary.get("data"));
    put(t, "rows", summary.get("rows"));
    put(t, "validation rows", summary.get("validationRows"));
    put(t, "features", summary.get("features"));
    put(t, "partitions", summary.get("partitions"));
    put(t, "loss", summary.get("loss"));
    put(t, "optimizer", summary.get("optimizer"));
    put(t, "iterations", summary.get("iterations"));
    put(t, "stop reason", summary.get("stopReason"));
    if (summary.get("seconds") instanceof Number s) {
      double iterating = 0;
      for (IterationRecord r : history.subList(Math.min(1, history.size()), history.size())) {
        iterating += r.seconds();
      }
      int steps = Math.max(1, history.size() - 1);
      t.put("time", String.format(Locale.ROOT, "%.2f s in all, %.3f s per iteration",
          s.doubleValue(), iterating / steps));
    }
    if (!history.isEmpty()) {
      IterationRecord last = history.get(history.size() - 1);
      t.put("final objective", String.format(Locale.ROOT, "%.10g", last.objective()));
      t.put("final gradient norm", String.format(Locale.ROOT, "%.3e", last.gradientNorm()));
    }
    if (!validation.isEmpty()) {
      ValidationRecord v = validation.get(validation.size() - 1);
      t.put("final validation objective", String.format(Locale.ROOT, "%.10g", v.objective()));
      t.put("final validation " + v.metricName(), String.format(Locale.ROOT, "%.6g", v.metric()));
    }
    return t;
  }

  private static void put(Map<String, String> t, String key, Object value) {
    if (value != null) {
      t.put(key, value.toString());
    }
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
