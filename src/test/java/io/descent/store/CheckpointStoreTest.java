package io.descent.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {
  @TempDir Path tmp;
  private final List<String> warnings = new ArrayList<>();

  private CheckpointStore store(int keep) {
    return new CheckpointStore(new Configuration(), tmp.resolve("ck").toString(), keep, warnings::add);
  }

  private static Map<String, double[]> vectors(int i) {
    Map<String, double[]> v = new LinkedHashMap<>();
    v.put("x", new double[] {i, -0.0, Double.MIN_VALUE, 1.0 / 3});
    v.put("big", new double[20_000]);
    v.get("big")[19_999] = Double.NaN;
    v.put("empty", new double[0]);
    return v;
  }

  @Test
  void roundTripsEveryBitAndKeepsTheNewest() {
    CheckpointStore s = store(2);
    for (int i = 1; i <= 4; i++) {
      s.save(i, Map.of("note", "step " + i), vectors(i));
    }
    assertEquals(2, s.steps().size(), "only the newest two are kept");
    CheckpointStore.Stored c = s.latestValid().orElseThrow();
    assertEquals(4, c.iteration());
    assertEquals("step 4", c.meta().get("note"));
    Map<String, double[]> expected = vectors(4);
    assertEquals(expected.keySet(), c.vectors().keySet());
    for (String k : expected.keySet()) {
      long[] a = Stream.of(expected.get(k)).flatMapToLong(arr -> java.util.Arrays.stream(arr)
          .mapToLong(Double::doubleToRawLongBits)).toArray();
      long[] b = java.util.Arrays.stream(c.vectors().get(k)).mapToLong(Double::doubleToRawLongBits).toArray();
      assertArrayEquals(a, b, k);
    }
    assertTrue(warnings.isEmpty());
  }

  @Test
  void aTruncatedNewestCheckpointIsSkippedForThePreviousOne() throws IOException {
    CheckpointStore s = store(3);
    s.save(1, Map.of(), vectors(1));
    s.save(2, Map.of(), vectors(2));
    Path bin = tmp.resolve("ck/step-00000002/vectors.bin");
    try (RandomAccessFile f = new RandomAccessFile(bin.toFile(), "rw")) {
      f.setLength(f.length() - 100);
    }
    assertEquals(1, s.latestValid().orElseThrow().iteration());
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("step-00000002"), warnings.get(0));
  }

  @Test
  void aFlippedByteIsDetectedInEitherFile() throws IOException {
    for (String file : List.of("vectors.bin", "state.json")) {
      warnings.clear();
      CheckpointStore s = store(3);
      s.clear();
      s.save(1, Map.of(), vectors(1));
      s.save(2, Map.of(), vectors(2));
      Path p = tmp.resolve("ck/step-00000002/" + file);
      byte[] bytes = Files.readAllBytes(p);
      bytes[bytes.length / 2] ^= 0x10;
      Files.write(p, bytes);
      assertEquals(1, s.latestValid().orElseThrow().iteration(), file);
      assertEquals(1, warnings.size(), file);
    }
  }

  @Test
  void aCheckpointWithoutSuccessIsNeverTakenForWhole() throws IOException {
    CheckpointStore s = store(3);
    s.save(1, Map.of(), vectors(1));
    s.save(2, Map.of(), vectors(2));
    Files.delete(tmp.resolve("ck/step-00000002/_SUCCESS"));
    assertEquals(1, s.latestValid().orElseThrow().iteration());
  }

  @Test
  void aFailedWriteLeavesNoCheckpointBehind() throws IOException {
    CheckpointStore s = store(3);
    s.save(1, Map.of(), vectors(1));
    Map<String, double[]> bad = new LinkedHashMap<>();
    bad.put("x", null);
    assertThrows(RuntimeException.class, () -> s.save(2, Map.of(), bad));
    assertEquals(1, s.steps().size());
    assertEquals(1, s.latestValid().orElseThrow().iteration());
    try (Stream<Path> files = Files.list(tmp.resolve("ck"))) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().contains(".tmp-")),
          "the temporary directory is removed");
    }
  }

  @Test
  void anEmptyDirectoryHasNothingToResume() {
    assertTrue(store(3).latestValid().isEmpty());
  }
}
