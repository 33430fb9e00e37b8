package io.descent.store;

import io.descent.report.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Rows that only grow (a training history), kept as a chain of segments so that each save
 * writes only the rows added since the last one: the total written stays linear in the
 * number of rows, however often it is saved. Each segment is a directory {@code rows-00000042/}
 * (published atomically, named by the save it belongs to) holding the new rows and a link
 * to the previous segment with that segment's CRC32C; a reader follows the links from a head
 * and refuses a chain whose links do not verify.
 */
final class RowChain {
  static final String FORMAT = "descent-rows/1";
  private static final String ROWS = "rows.json";
  private static final String PREFIX = "rows-";

  /** A segment as a link: its directory name, its CRC32C and the rows up to and including it. */
  record Link(String name, long crc32c, long rows) {
    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("crc32c", crc32c);
      m.put("rows", rows);
      return m;
    }

    static Link fromJson(Object o) {
      if (o == null) {
        return null;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) o;
      return new Link((String) m.get("name"), ((Number) m.get("crc32c")).longValue(),
          ((Number) m.get("rows")).longValue());
    }
  }

  private final Configuration conf;
  private final Path dir;
  private final AtomicDirectoryWriter writer;

  RowChain(Configuration conf, Path dir, AtomicDirectoryWriter writer) {
    this.conf = conf;
    this.dir = dir;
    this.writer = writer;
  }

  /**
   * Appends {@code rows} after {@code previous} (null: the first segment) as segment
   * {@code index}; returns its link. A segment left by an interrupted run under the same
   * name is replaced: no saved head refers to it with a matching checksum.
   */
  Link append(Link previous, int index, List<Map<String, Object>> rows) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format", FORMAT);
    doc.put("previous", previous == null ? null : previous.toJson());
    doc.put("rows", rows);
    byte[] bytes = Json.write(doc);
    String name = String.format("%s%08d", PREFIX, index);
    writer.write(new Path(dir, name).toString(), Map.of(ROWS, bytes), true);
    CRC32C crc = DoubleArrays.crc();
    crc.update(bytes);
    return new Link(name, crc.getValue(), (previous == null ? 0 : previous.rows()) + rows.size());
  }

  /** Every row up to {@code head}, oldest first; empty for a null head. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> read(Link head) throws IOException {
    List<List<Map<String, Object>>> segments = new ArrayList<>();
    FileSystem fs = dir.getFileSystem(conf);
    for (Link link = head; link != null; ) {
      byte[] bytes;
      try (InputStream in = fs.open(new Path(new Path(dir, link.name()), ROWS))) {
        bytes = in.readAllBytes();
      }
      CRC32C crc = DoubleArrays.crc();
      crc.update(bytes);
      if (crc.getValue() != link.crc32c()) {
        throw new IOException("history segment " + link.name() + " does not match its checksum");
      }
      Map<String, Object> doc = Json.readMap(bytes);
      if (!FORMAT.equals(doc.get("format"))) {
        throw new IOException("history segment " + link.name() + " has format " + doc.get("format"));
      }
      segments.add((List<Map<String, Object>>) doc.get("rows"));
      link = Link.fromJson(doc.get("previous"));
    }
    Collections.reverse(segments);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (List<Map<String, Object>> s : segments) {
      rows.addAll(s);
    }
    if (head != null && rows.size() != head.rows()) {
      throw new IOException("the history has " + rows.size() + " rows, not " + head.rows());
    }
    return rows;
  }

  /** Removes every segment. */
  void clear() throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    if (fs.exists(dir)) {
      fs.delete(dir, true);
    }
  }
}
