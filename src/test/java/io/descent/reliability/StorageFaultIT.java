package io.descent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.descent.testing.Datasets;
import io.descent.testing.DescentProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint directory's storage fails in the middle of a run, for real: a small tmpfs
 * (mounted by the test; skipped where mounting is not allowed) is filled up, or remounted
 * read-only. The run stops with the path, the operation, the cause in plain words and
 * whether another try helps, with the exit code that says the same (4 retry, 2 fix first);
 * the older checkpoints stay intact, and once the fault is gone the run resumes.
 */
class StorageFaultIT {
  private static final Pattern ITER = Pattern.compile("^iter\\s+(\\d+)\\s");
  @TempDir Path tmp;
  private Path tiny;

  @BeforeEach
  void mountSmallDisk() throws Exception {
    tiny = Files.createDirectories(tmp.resolve("tiny"));
    int code = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", tiny.toString());
    assumeTrue(code == 0, "cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN): skipped");
  }

  @AfterEach
  void unmount() throws Exception {
    run("umount", "-l", tiny.toString());
  }

  private String[] args(Path ck, int maxIter) {
    return new String[] {"train", "--data", Datasets.shared("a9a").toString(), "--loss",
        "logistic", "--optimizer", "gd", "--max-iter", String.valueOf(maxIter), "--tol", "0",
        "--grad-tol", "0", "--partitions", "2", "--output", tmp.resolve("model").toString(),
        "--checkpoint-dir", ck.toString(), "--master", "local[2]"};
  }

  @Test
  @Timeout(300)
  void aFullDiskStopsTheRunWithExit4AndTheRunResumesOnceSpaceIsFreed() throws Exception {
    Path ck = tiny.resolve("ck");
    Path filler = tiny.resolve("filler");
    int filledAfter;
    try (DescentProcess run = DescentProcess.start(args(ck, 100000))) {
      assertTrue(run.awaitLine(l -> iteration(l) >= 3, 120), run.output());
      fill(filler);
      filledAfter = lastIteration(run.output());
      assertEquals(4, run.waitFor(120), run.output());
      String out = run.output();
      // The fault hits whichever file of the checkpoint is being written: a step or a history segment.
      assertTrue(out.contains("Cannot write " + ck + "/"), out);
      assertTrue(out.contains("the storage is full or over its quota. Another try can help once "
          + "space is freed."), out);
    }
    List<Path> steps = steps(ck);
    assertTrue(!steps.isEmpty(), "the older checkpoints are intact");
    for (Path step : steps) {
      assertTrue(Files.exists(step.resolve("_SUCCESS")), step + " is complete");
    }
    Files.delete(filler);
    try (DescentProcess again = DescentProcess.start(args(ck, filledAfter + 3))) {
      assertEquals(0, again.waitFor(180), again.output());
      assertTrue(again.output().contains("resuming from checkpoint"), again.output());
    }
  }

  @Test
  @Timeout(300)
  void aCheckpointDirectoryTurnedReadOnlyStopsTheRunWithExit2() throws Exception {
    Path ck = tiny.resolve("ck");
    try (DescentProcess run = DescentProcess.start(args(ck, 100000))) {
      assertTrue(run.awaitLine(l -> iteration(l) >= 3, 120), run.output());
      // The remount is refused while a file is open for writing: try between checkpoints.
      int remount = -1;
      for (int i = 0; i < 100 && remount != 0; i++) {
        remount = run("mount", "-o", "remount,ro", tiny.toString());
        Thread.sleep(remount == 0 ? 0 : 50);
      }
      assertEquals(0, remount, "remounted read-only");
      assertEquals(2, run.waitFor(120), run.output());
      assertTrue(run.output().contains("the file system is read-only. Another try will not help "
          + "until it is writable again."), run.output());
    }
    assertTrue(!steps(ck).isEmpty(), "the older checkpoints are intact");
  }

  private static void fill(Path filler) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(chunk);
      }
    } catch (IOException full) {
      // The disk is full: that is the point.
    }
  }

  private static List<Path> steps(Path ck) throws IOException {
    try (Stream<Path> s = Files.list(ck)) {
      return s.filter(p -> p.getFileName().toString().startsWith("step-")).sorted().toList();
    }
  }

  private static int run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor();
  }

  private static int iteration(String line) {
    Matcher m = ITER.matcher(line);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static int lastIteration(String output) {
    return output.lines().mapToInt(StorageFaultIT::iteration).max().orElse(-1);
  }
}
