package io.descent.store;

import io.descent.report.Json;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code checksums.json}: the size and CRC32C of every file a directory's writer wrote,
 * {@code {"model.json": {"bytes": 1234, "crc32c": 567}, …}} (the layout checkpoints use), so a
 * reader can tell an altered or truncated file without Hadoop's .crc side files.
 */
public final class FileChecksums {
  public static final String FILE = "checksums.json";

  /** One file's size and CRC32C. */
  public record Sum(long bytes, long crc32c) {
    static Sum of(byte[] content) {
      CRC32C crc = new CRC32C();
      crc.update(content);
      return new Sum(content.length, crc.getValue());
    }
  }

  private FileChecksums() {}

  static byte[] render(Map<String, Sum> sums) {
    Map<String, Object> doc = new LinkedHashMap<>();
    sums.forEach((name, s) -> doc.put(name, Map.of("bytes", s.bytes(), "crc32c", s.crc32c())));
    return Json.write(doc);
  }

  /**
   * Checks {@code content}, read from {@code dir/name}, against the directory's checksums.
   * Returns false when the directory has no checksums.json (written before Descent kept
   * them); throws when the file is not listed or does not match.
   */
  @SuppressWarnings("unchecked")
  static boolean verify(FileSystem fs, Path dir, String name, byte[] content) throws IOException {
    byte[] listing;
    try (InputStream in = fs.open(new Path(dir, FILE))) {
      listing = in.readAllBytes();
    } catch (FileNotFoundException e) {
      return false;
    }
    Map<String, Object> doc = Json.readMap(listing);
    Object entry = doc.get(name);
    if (!(entry instanceof Map)) {
      throw new IOException(FILE + " does not list " + name);
    }
    Map<String, Object> m = (Map<String, Object>) entry;
    Sum actual = Sum.of(content);
    if (((Number) m.get("bytes")).longValue() != actual.bytes()
        || ((Number) m.get("crc32c")).longValue() != actual.crc32c()) {
      throw new IOException(name + " does not match its checksum in " + FILE + " ("
          + actual.bytes() + " bytes, CRC32C " + actual.crc32c() + "; recorded " + m.get("bytes")
          + " bytes, CRC32C " + m.get("crc32c") + "): the file was altered or damaged");
    }
    return true;
  }
}
