package io.descent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a run can fail leaves the directory holding an existing model and a checkpoint
 * directory byte for byte as it was: no partial output, no temporary directory, no
 * half-written checkpoint. The snapshot is every path below it with the SHA-256 of each file.
 */
class FailureLeavesNoTraceTest {
  @TempDir Path tmp;

  @Test
  void failuresChangeNothingOnDisk() throws IOException {
    Path work = Files.createDirectories(tmp.resolve("work"));
    Path model = work.resolve("model");
    Path ckpt = work.resolve("ckpt");
    String heart = Datasets.sample("heart_scale").toString();
    CliRun setup = CliRun.of("train", "--data", heart, "--loss", "logistic", "--max-iter", "3",
        "--output", model.toString(), "--checkpoint-dir", ckpt.toString());
    assertEquals(0, setup.exitCode(), setup.toString());
    Path bad = Files.writeString(tmp.resolve("bad.svm"), "1 1:0.5 2:1\n-1 1:x\n");
    Map<String, String> before = snapshot(work);
    assertTrue(before.keySet().stream().anyMatch(p -> p.startsWith("ckpt/step-")), before.toString());

    String out = work.resolve("new").toString();
    String[][] failures = {
      {"2", "bad data", "--data", bad.toString(), "--output", out, "--checkpoint-dir", ckpt.toString()},
      {"2", "bad data over an existing model", "--data", bad.toString(), "--output", model.toString(),
          "--overwrite", "--checkpoint-dir", ckpt.toString()},
      {"2", "bad config", "--data", heart, "--output", out, "--reg", "-1", "--checkpoint-dir", ckpt.toString()},
      {"2", "existing output", "--data", heart, "--output", model.toString(), "--checkpoint-dir", ckpt.toString()},
      {"2", "checkpoint of another run", "--data", heart, "--output", out, "--reg", "0.5",
          "--checkpoint-dir", ckpt.toString()},
      {"3", "divergence", "--data", heart, "--output", out, "--loss", "squared",
          "--optimizer", "gd", "--step", "100", "--max-iter", "2000"},
    };
    for (String[] f : failures) {
      List<String> args = new ArrayList<>(List.of("train", "--loss", "logistic"));
      args.addAll(List.of(f).subList(2, f.length));
      CliRun r = CliRun.of(args.toArray(new String[0]));
      assertEquals(Integer.parseInt(f[0]), r.exitCode(), f[1] + ": " + r);
      assertEquals(before, snapshot(work), f[1] + " changed " + work);
    }
  }

  @Test
  void divergenceLeavesOnlyCompleteCheckpoints() throws IOException {
    Path ckpt = Files.createDirectories(tmp.resolve("ckpt"));
    // gd with a step far above 2/L on least squares grows the error geometrically until overflow.
    CliRun r = CliRun.of("train", "--loss", "squared", "--data",
        Datasets.sample("heart_scale").toString(), "--output", tmp.resolve("m").toString(),
        "--optimizer", "gd", "--step", "100", "--max-iter", "2000", "--checkpoint-dir", ckpt.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(!Files.exists(tmp.resolve("m")));
    try (Stream<Path> steps = Files.list(ckpt)) {
      for (Path step : steps.toList()) {
        assertTrue(step.getFileName().toString().startsWith("step-")
            && Files.exists(step.resolve("_SUCCESS")), "complete checkpoint: " + step);
      }
    }
    try (Stream<Path> left = Files.list(tmp)) {
      assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary directory");
    }
  }

  /** Relative path → "dir" or the file's SHA-256, hidden files included. */
  static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      all.filter(p -> !p.equals(root)).forEach(p -> m.put(root.relativize(p).toString(),
          Files.isDirectory(p) ? "dir" : sha256(p)));
    }
    return m;
  }

  private static String sha256(Path p) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
