package io.descent.data.diagnostics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a load dropped under {@code --bad-records skip}: how many, and the first few in
 * input order as located sentences ("file, line 17: …"), for the console and model.json.
 */
public record SkippedRecords(long count, List<String> examples) {
  public static final SkippedRecords NONE = new SkippedRecords(0, List.of());

  public SkippedRecords {
    examples = List.copyOf(examples);
  }

  /** What model.json records under training.badRecords. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("skipped", count);
    m.put("examples", examples);
    return m;
  }

  /** One console line, e.g. "skipped 3 bad rows; the first: a.svm, line 17: …". */
  public String logLine() {
    return "bad records: skipped " + count + (count == 1 ? " row" : " rows")
        + (examples.isEmpty() ? "" : "; first: " + String.join("; ", examples));
  }
}
