package io.descent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads what a training run wrote. */
public final class ModelFiles {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ModelFiles() {}

  public static JsonNode model(Path dir) {
    return read(dir.resolve("model.json"));
  }

  public static JsonNode metrics(Path dir) {
    return read(dir.resolve("metrics.json"));
  }

  /** The weights and intercept exactly as written: the bytes that must be identical. */
  public static String weightsText(Path dir) {
    JsonNode m = model(dir);
    return m.get("weights").toString() + " | " + m.get("intercept").toString();
  }

  private static JsonNode read(Path p) {
    try {
      return MAPPER.readTree(Files.readAllBytes(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
