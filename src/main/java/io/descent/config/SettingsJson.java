package io.descent.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * How settings are recorded in model.json and a checkpoint: one object, keys sorted, absent
 * (null) values left out. Each part of {@link TrainConfig} adds its own keys.
 */
final class SettingsJson {
  private final Map<String, Object> fields = new TreeMap<>();

  SettingsJson put(String key, Object value) {
    if (value != null) {
      fields.put(key, value);
    }
    return this;
  }

  Map<String, Object> map() {
    return fields;
  }
}
