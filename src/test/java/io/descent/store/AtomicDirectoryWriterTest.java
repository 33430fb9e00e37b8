package io.descent.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicDirectoryWriterTest {
  @TempDir Path tmp;
  private final AtomicDirectoryWriter writer = new AtomicDirectoryWriter(new Configuration());

  @Test
  void publishesAllFilesWithSuccessMarker() throws IOException {
    Path out = tmp.resolve("model");
    writer.write(out.toString(), Map.of("a.json", "{}".getBytes()), false);
    assertArrayEquals("{}".getBytes(), Files.readAllBytes(out.resolve("a.json")));
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
  }

  @Test
  void refusesAnExistingDirectoryUnlessOverwriting() throws IOException {
    Path out = tmp.resolve("model");
    writer.write(out.toString(), Map.of("a", new byte[] {1}), false);
    BadInputException e = assertThrows(BadInputException.class, () -> writer.preflight(out.toString(), false, "--output"));
    assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
    writer.write(out.toString(), Map.of("b", new byte[] {2}), true);
    assertTrue(Files.exists(out.resolve("b")));
    assertTrue(!Files.exists(out.resolve("a")), "the old content is replaced whole");
  }

  @Test
  void aFailureMidWriteLeavesTheOldDirectoryAndNoTemporary() throws IOException {
    Path out = tmp.resolve("model");
    writer.write(out.toString(), Map.of("a", new byte[] {1}), false);
    Map<String, AtomicDirectoryWriter.Content> files = new LinkedHashMap<>();
    files.put("first", o -> o.write(7));
    files.put("second", o -> {
      throw new IOException("disk full");
    });
    assertThrows(RuntimeException.class, () -> writer.writeStreams(out.toString(), files, true));
    assertArrayEquals(new byte[] {1}, Files.readAllBytes(out.resolve("a")));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(1, s.count(), "only the published directory remains");
    }
  }

  @Test
  void preflightCreatesNoDirectory() throws IOException {
    Path missing = tmp.resolve("a/b/model");
    writer.preflight(missing.toString(), false, "--output");
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(0, s.count(), "a preflight leaves nothing behind");
    }
  }
}
