package io.descent.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.BadInputException;
import io.descent.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryOverlapTest {
  @TempDir Path tmp;
  private final DirectoryOverlap overlap = new DirectoryOverlap(new Configuration());

  private String refused(String written, String other) {
    BadInputException e = assertThrows(BadInputException.class, () -> overlap.refuse(
        new DirectoryOverlap.Use("--output", written), new DirectoryOverlap.Use("--data", other)));
    assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
    return e.getMessage();
  }

  @Test
  void theSameDirectoryIsRefusedHoweverSpelled() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    assertTrue(refused(data.toString(), data.toString()).contains("is the same directory as --data"));
    assertTrue(refused(tmp.resolve("data/../data/").toString(), data.toString())
        .contains("same directory"));
    assertTrue(refused("file://" + data, data.toString()).contains("same directory"));
    Path link = Files.createSymbolicLink(tmp.resolve("link"), data);
    assertTrue(refused(link.toString(), data.toString()).contains("same directory"));
  }

  @Test
  void anOutputAboveOrInsideTheInputIsRefused() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    assertTrue(refused(tmp.toString(), data.toString()).contains("contains --data"));
    assertTrue(refused(data.resolve("model").toString(), data.toString())
        .contains("lies inside --data"));
    Path link = Files.createSymbolicLink(tmp.resolve("link"), data);
    assertTrue(refused(link.resolve("new/model").toString(), data.toString())
        .contains("lies inside"), "a link into the input, below a directory that does not exist yet");
  }

  @Test
  void siblingsAndPrefixesThatAreNotParentsPass() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    assertDoesNotThrow(() -> overlap.refuse(new DirectoryOverlap.Use("--output",
        tmp.resolve("data-model").toString()), new DirectoryOverlap.Use("--data", data.toString())));
    assertDoesNotThrow(() -> overlap.refuse(new DirectoryOverlap.Use("--output", null),
        new DirectoryOverlap.Use("--data", data.toString())));
    assertDoesNotThrow(() -> overlap.refuse(new DirectoryOverlap.Use("--output",
        "hdfs://namenode:8020" + data), new DirectoryOverlap.Use("--data", data.toString())));
  }
}
