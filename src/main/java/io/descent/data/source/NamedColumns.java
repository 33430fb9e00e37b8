package io.descent.data.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named columns that rows of CSV or Parquet were read from: the label's (null when the
 * input has none), the weight's (or null) and the features', in feature order. model.json
 * records them as "columns", so that scoring can match an input's columns by name.
 */
public record NamedColumns(String label, String weight, List<String> features) {

  public NamedColumns {
    features = List.copyOf(features);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (label != null) {
      m.put("label", label);
    }
    if (weight != null) {
      m.put("weight", weight);
    }
    m.put("features", features);
    return m;
  }

  @SuppressWarnings("unchecked")
  public static NamedColumns fromJson(Map<String, Object> m) {
    Object features = m.get("features");
    if (!(features instanceof List<?> list) || list.stream().anyMatch(f -> !(f instanceof String))) {
      throw new IllegalArgumentException("columns.features is not a list of names");
    }
    return new NamedColumns((String) m.get("label"), (String) m.get("weight"), (List<String>) features);
  }
}
