package io.descent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.testing.CliRun;
import io.descent.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output, checkpoint directory and configuration are checked before any data is read: the
 * data here is a named pipe nobody writes to, so a run that opened it would hang, and the
 * one that refuses first answers within seconds.
 */
class PreflightTest {
  /** Generous for a shared 2-core machine; reading the pipe would block forever. */
  private static final double SECONDS = 10;

  @TempDir Path tmp;
  private Path pipe;

  /** The shared session starts once per JVM; that is not the run's time. */
  @BeforeAll
  static void startSpark() {
    SharedSpark.session();
  }

  @BeforeEach
  void makePipe() throws Exception {
    pipe = tmp.resolve("never-written.svm");
    Process p = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
    assertEquals(0, p.waitFor());
  }

  @Test
  @Timeout(60)
  void anExistingOutputIsRefusedBeforeTheDataIsRead() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("model"));
    assertRefusedFast("--output: " + out + " already exists", "--output", out.toString());
  }

  @Test
  @Timeout(60)
  void anUnwritableOutputOrCheckpointDirectoryIsRefusedBeforeTheDataIsRead() throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
    assertRefusedFast("--output: cannot write to", "--output", file.resolve("model").toString());
    assertRefusedFast("--checkpoint-dir: cannot write to", "--output",
        tmp.resolve("m").toString(), "--checkpoint-dir", file.resolve("ckpt").toString());
  }

  @Test
  @Timeout(60)
  void aBadSettingIsRefusedBeforeTheDataIsRead() {
    assertRefusedFast("--hash-features: 1000 is not a power of two", "--output",
        tmp.resolve("m").toString(), "--hash-features", "1000");
    assertRefusedFast("--warm-start: " + tmp.resolve("nowhere"), "--output",
        tmp.resolve("m").toString(), "--warm-start", tmp.resolve("nowhere").toString());
  }

  @Test
  @Timeout(60)
  void aMissingInputComesAfterTheOutputCheck() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("model"));
    long started = System.nanoTime();
    CliRun r = CliRun.of("train", "--data", tmp.resolve("missing.svm").toString(), "--loss",
        "logistic", "--output", out.toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("already exists"), r.err());
    double seconds = (System.nanoTime() - started) / 1e9;
    assertTrue(seconds < SECONDS, "refused in " + seconds + " s");
  }

  private void assertRefusedFast(String message, String... flags) {
    List<String> args = new ArrayList<>(List.of("train", "--data", pipe.toString(), "--loss",
        "logistic"));
    args.addAll(List.of(flags));
    long started = System.nanoTime();
    CliRun r = CliRun.of(args.toArray(new String[0]));
    double seconds = (System.nanoTime() - started) / 1e9;
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains(message), "expected \"" + message + "\" in " + r.err());
    assertTrue(seconds < SECONDS, "refused in " + seconds + " s");
    System.out.printf("preflight: %s refused in %.2f s%n", flags[flags.length - 2], seconds);
  }
}
