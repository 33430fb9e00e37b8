package io.descent.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --overwrite replaces only what Descent wrote, and a publish never replaces by surprise. */
class OverwriteSafetyTest {
  @TempDir Path tmp;
  private final AtomicDirectoryWriter models = new AtomicDirectoryWriter(new Configuration(), OutputKind.MODEL);
  private final AtomicDirectoryWriter predictions =
      new AtomicDirectoryWriter(new Configuration(), OutputKind.PREDICTIONS);

  @Test
  void aDirectoryDescentDidNotWriteIsNeverReplaced() throws IOException {
    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(data.resolve("part-0.svm"), "1 1:1\n");
    BadInputException e = assertThrows(BadInputException.class,
        () -> models.preflight(data.toString(), true, "--output"));
    assertTrue(e.getMessage().contains("exists and is not a Descent model directory"), e.getMessage());
    assertThrows(BadInputException.class,
        () -> models.write(data.toString(), Map.of("model.json", new byte[] {1}), true));
    assertEquals("1 1:1\n", Files.readString(data.resolve("part-0.svm")), "the data is intact");
  }

  @Test
  void aModelIsReplacedByAModelButNotByPredictions() throws IOException {
    Path out = tmp.resolve("m");
    models.write(out.toString(), Map.of("model.json", "{}".getBytes()), false);
    assertTrue(Files.exists(out.resolve(OutputKind.MARKER)));
    assertTrue(Files.readString(out.resolve(FileChecksums.FILE)).contains("\"model.json\""));
    models.write(out.toString(), Map.of("model.json", "{\"v\":2}".getBytes()), true);
    assertEquals("{\"v\":2}", Files.readString(out.resolve("model.json")));
    BadInputException e = assertThrows(BadInputException.class,
        () -> predictions.preflight(out.toString(), true, "--output"));
    assertTrue(e.getMessage().contains("is not a Descent predictions directory"), e.getMessage());
  }

  @Test
  void aModelWrittenBeforeTheMarkerAndAnEmptyDirectoryMayBeReplaced() throws IOException {
    Path legacy = Files.createDirectories(tmp.resolve("legacy"));
    Files.writeString(legacy.resolve("model.json"), "{}");
    Files.writeString(legacy.resolve("_SUCCESS"), "");
    models.write(legacy.toString(), Map.of("model.json", "{\"v\":2}".getBytes()), true);
    assertEquals("{\"v\":2}", Files.readString(legacy.resolve("model.json")));
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    predictions.writeDirectory(empty.toString(), true, t -> Files.createDirectories(Path.of(t.toUri())));
    assertTrue(Files.exists(empty.resolve(OutputKind.MARKER)));
  }

  @Test
  void aTargetThatAppearsDuringTheWriteIsNotReplaced() throws IOException {
    Path out = tmp.resolve("m");
    Map<String, AtomicDirectoryWriter.Content> files = new LinkedHashMap<>();
    files.put("model.json", o -> {
      // Another writer publishes the same directory while this one is still writing.
      Files.createDirectories(out);
      Files.writeString(out.resolve("theirs.json"), "kept");
      o.write('{');
    });
    BadInputException e = assertThrows(BadInputException.class,
        () -> models.writeStreams(out.toString(), files, false));
    assertTrue(e.getMessage().contains("appeared while this run was writing it"), e.getMessage());
    assertEquals("kept", Files.readString(out.resolve("theirs.json")));
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(1, s.count(), "nothing moved into it");
    }
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(out), s.toList(), "no temporary left");
    }
  }

  @Test
  void leftoversOfKilledRunsAreCleanedAndAMovedAsideModelRestored() throws IOException {
    Path out = tmp.resolve("m");
    models.write(out.toString(), Map.of("model.json", "{}".getBytes()), false);
    // A run killed between moving the old model aside and renaming the new one in.
    Files.move(out, tmp.resolve(".m.old-1234"));
    Files.createDirectories(tmp.resolve(".m.tmp-5678"));
    Files.createDirectories(tmp.resolve(".other.tmp-9"));
    List<String> done = models.recoverLeftovers(out.toString());
    assertEquals(2, done.size(), done.toString());
    assertEquals("{}", Files.readString(out.resolve("model.json")));
    assertFalse(Files.exists(tmp.resolve(".m.tmp-5678")));
    assertTrue(Files.exists(tmp.resolve(".other.tmp-9")), "another output's leftovers are not ours");
  }
}
