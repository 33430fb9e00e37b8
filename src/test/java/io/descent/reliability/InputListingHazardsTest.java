package io.descent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Directory inputs whose listing would read rows twice or fail on an executor are refused
 * before any Spark job, with exit 2 and the paths named; a plain link to data elsewhere reads.
 */
class InputListingHazardsTest {
  @TempDir Path tmp;

  private Path dataDir(String name) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    List<String> lines = Files.readAllLines(Datasets.sample("heart_scale")).subList(0, 60);
    Files.write(dir.resolve("part-0.txt"), lines);
    return dir;
  }

  private CliRun train(Path data) {
    return CliRun.of("train", "--data", data.toString(), "--loss", "logistic", "--max-iter", "2",
        "--output", tmp.resolve("model-" + data.getFileName()).toString());
  }

  private static void assertRefused(CliRun r, String... fragments) {
    assertEquals(2, r.exitCode(), r.toString());
    for (String f : fragments) {
      assertTrue(r.err().contains(f), "expected \"" + f + "\" in " + r.err());
    }
    assertFalse(r.out().contains("iter "), "refused before training: " + r.out());
  }

  @Test
  void aSymbolicLinkLoopIsRefusedNotReadOverAndOver() throws IOException {
    Path data = dataDir("loop");
    Files.createSymbolicLink(Files.createDirectories(data.resolve("sub")).resolve("back"), data);
    assertRefused(train(data), "loop/sub/back is a symbolic link back to", "(a loop)");
  }

  @Test
  void aFileReachedTwiceThroughALinkIsRefused() throws IOException {
    Path data = dataDir("twice");
    Files.createSymbolicLink(data.resolve("again.txt"), data.resolve("part-0.txt"));
    assertRefused(train(data), "twice, as twice/again.txt and as twice/part-0.txt",
        "its rows would count twice");
  }

  @Test
  void aLinkToDataElsewhereIsRead() throws IOException {
    Path elsewhere = dataDir("elsewhere");
    Path data = Files.createDirectories(tmp.resolve("linked"));
    Files.createSymbolicLink(data.resolve("part"), elsewhere);
    CliRun r = train(data);
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("data: 60 rows"), r.out());
  }

  @Test
  void aFileNameWithAColonIsRefusedWithExitTwoNotRetried() throws IOException {
    Path data = dataDir("stamped");
    Files.move(data.resolve("part-0.txt"), data.resolve("part-2026-12-02T03:00:00.txt"));
    assertRefused(train(data), "stamped/part-2026-12-02T03:00:00.txt has a ':' in its name",
        "rename the file");
  }
}
