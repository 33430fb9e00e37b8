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

  /**
   * SHA-256 of the weights' and intercept's number tokens exactly as written, read as a
   * stream: for models too large to hold as a JSON tree (2·10⁷ weights). Also counts them.
   */
  public static String weightsDigest(Path dir) {
    try (com.fasterxml.jackson.core.JsonParser p = MAPPER.getFactory()
        .createParser(dir.resolve("model.json").toFile())) {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      long numbers = 0;
      for (com.fasterxml.jackson.core.JsonToken t; (t = p.nextToken()) != null; ) {
        if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME && p.getParsingContext().getParent() != null
            && p.getParsingContext().getParent().inRoot()
            && ("weights".equals(p.currentName()) || "intercept".equals(p.currentName()))) {
          int depth = 0;
          do {
            t = p.nextToken();
            if (t.isStructStart()) {
              depth++;
            } else if (t.isStructEnd()) {
              depth--;
            } else if (t.isNumeric()) {
              sha.update(p.getText().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
              sha.update((byte) ',');
              numbers++;
            }
          } while (depth > 0);
          sha.update((byte) '|');
        }
      }
      return numbers + " numbers, sha-256 " + java.util.HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(Path p) {
    try {
      return MAPPER.readTree(Files.readAllBytes(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
