package io.descent.train;

import io.descent.config.InputSettings;
import io.descent.data.packing.TrainingData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * model.json's {@code training.dataProfile}: the schema the model was trained on and the
 * profile the packing job gathered, which {@code descent check} compares new data with.
 */
final class ProfileRecord {
  private ProfileRecord() {}

  /** Null when the data carries no profile (it was not packed from files). */
  static Map<String, Object> of(TrainingData data, InputSettings input) {
    if (data.profile() == null) {
      return null;
    }
    List<String> names = data.columns() == null ? null : data.columns().features();
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("format", input.format() != null ? input.format() : "from the file names");
    schema.put("numFeatures", data.numFeatures());
    schema.put("featureColumns", names);
    schema.put("hashedFeatures", data.hashing() != null);
    schema.put("labels", data.labels().toJson());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", schema);
    m.putAll(data.profile().toJson(names));
    return m;
  }
}
