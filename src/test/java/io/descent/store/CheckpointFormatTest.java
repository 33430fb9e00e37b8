package io.descent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.BadInputException;
import io.descent.ExitCodes;
import io.descent.report.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Format version 2: a checkpoint of another version is refused, never misread; the rows
 * (the training history) are appended by each checkpoint, not rewritten.
 */
class CheckpointFormatTest {
  @TempDir Path tmp;
  private final List<String> warnings = new ArrayList<>();

  private CheckpointStore store(int keep) {
    return new CheckpointStore(new Configuration(), tmp.resolve("ck").toString(), keep,
        warnings::add);
  }

  private static Map<String, double[]> vectors(int i) {
    Map<String, double[]> v = new LinkedHashMap<>();
    v.put("x", new double[] {i, 1.0 / 3});
    return v;
  }

  private static List<Map<String, Object>> rows(int from, int to) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      rows.add(Map.of("iteration", i, "objective", 1.0 / (i + 1)));
    }
    return rows;
  }

  @Test
  void aVersionOneCheckpointIsRefusedWithExitTwoNotSkippedOrMisread() throws IOException {
    CheckpointStore s = store(3);
    s.save(1, Map.of("history", List.of()), vectors(1));
    rewriteFormat(tmp.resolve("ck/step-00000001"), "descent-checkpoint/1");

    BadInputException e = assertThrows(BadInputException.class, () -> store(3).latestValid());
    assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
    assertTrue(e.getMessage().contains("step-00000001")
        && e.getMessage().contains("descent-checkpoint/1")
        && e.getMessage().contains("--resume never"), e.getMessage());
    assertTrue(warnings.isEmpty(), "refused, not reported as damage: " + warnings);
  }

  @Test
  void rowsAreAppendedOncePerCheckpointAndReadBackWholeAfterPruning() throws IOException {
    CheckpointStore s = store(2);
    s.save(3, Map.of(), vectors(3), rows(0, 3));
    s.save(6, Map.of(), vectors(6), rows(4, 6));
    s.save(9, Map.of(), vectors(9), rows(7, 9));
    assertEquals(2, s.steps().size());

    // A checkpoint's state.json links to the rows and holds none of them; each segment holds
    // the rows of its own checkpoint only.
    assertTrue(!Files.readString(tmp.resolve("ck/step-00000009/state.json")).contains("objective"));
    assertEquals(4, segmentRows(tmp.resolve("ck/history/rows-00000003/rows.json")));
    assertEquals(3, segmentRows(tmp.resolve("ck/history/rows-00000009/rows.json")));

    // A new store (a resumed run) reads every row, and appends after them.
    CheckpointStore resumed = store(2);
    CheckpointStore.Stored c = resumed.latestValid().orElseThrow();
    assertEquals(9, c.iteration());
    assertEquals(10, c.rows().size());
    for (int i = 0; i < 10; i++) {
      assertEquals(i, ((Number) c.rows().get(i).get("iteration")).intValue());
    }
    resumed.save(12, Map.of(), vectors(12), rows(10, 12));
    assertEquals(13, store(2).latestValid().orElseThrow().rows().size());
  }

  @Test
  void aDamagedSegmentMakesItsCheckpointDamagedAndAnOlderOneIsResumed() throws IOException {
    CheckpointStore s = store(3);
    s.save(2, Map.of(), vectors(2), rows(0, 2));
    s.save(4, Map.of(), vectors(4), rows(3, 4));
    Path segment = tmp.resolve("ck/history/rows-00000004/rows.json");
    byte[] bytes = Files.readAllBytes(segment);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(segment, bytes);

    CheckpointStore.Stored c = store(3).latestValid().orElseThrow();
    assertEquals(2, c.iteration());
    assertEquals(3, c.rows().size());
    assertEquals(1, warnings.size(), warnings.toString());
  }

  @Test
  void startingOverRemovesTheRowsToo() {
    CheckpointStore s = store(2);
    s.save(1, Map.of(), vectors(1), rows(0, 1));
    s.clear();
    s.save(1, Map.of(), vectors(1), rows(0, 1));
    assertEquals(2, store(2).latestValid().orElseThrow().rows().size());
  }

  @SuppressWarnings("unchecked")
  private static int segmentRows(Path p) throws IOException {
    return ((List<Object>) Json.readMap(Files.readAllBytes(p)).get("rows")).size();
  }

  /**
   * Rewrites state.json's format and its checksum, as an older version would have written it
   * (and drops the local file system's own .crc files, which the rewrite would invalidate).
   */
  private static void rewriteFormat(Path step, String format) throws IOException {
    Map<String, Object> doc = Json.readMap(Files.readAllBytes(step.resolve("state.json")));
    doc.put("format", format);
    byte[] state = Json.write(doc);
    Files.write(step.resolve("state.json"), state);
    Map<String, Object> sums = Json.readMap(Files.readAllBytes(step.resolve("checksums.json")));
    CRC32C crc = new CRC32C();
    crc.update(state);
    sums.put("state.json", Map.of("bytes", state.length, "crc32c", crc.getValue()));
    Files.write(step.resolve("checksums.json"), Json.write(sums));
    Files.deleteIfExists(step.resolve(".state.json.crc"));
    Files.deleteIfExists(step.resolve(".checksums.json.crc"));
  }
}
