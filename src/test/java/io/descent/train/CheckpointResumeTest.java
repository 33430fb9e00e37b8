package io.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import io.descent.testing.ModelFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resume from checkpoints in one JVM: damaged checkpoints, foreign runs, warm start. */
class CheckpointResumeTest {
  @TempDir Path tmp;

  private CliRun train(Path data, String out, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--loss",
        "logistic", "--reg", "0.05", "--optimizer", "armijo", "--partitions", "3", "--tol", "0", "--grad-tol", "0",
        "--output", tmp.resolve(out).toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(new String[0]));
  }

  @Test
  void aDamagedNewestCheckpointIsSkippedAndTheRunStillEndsIdentical() throws IOException {
    Path data = Datasets.shared("a9a");
    CliRun whole = train(data, "whole", "--max-iter", "12");
    assertEquals(0, whole.exitCode(), whole.toString());

    String ck = tmp.resolve("ck").toString();
    CliRun first = train(data, "part", "--max-iter", "7", "--checkpoint-dir", ck);
    assertEquals(0, first.exitCode(), first.toString());
    assertEquals(List.of("step-00000004", "step-00000005", "step-00000006"), stepNames());
    try (RandomAccessFile f = new RandomAccessFile(tmp.resolve("ck/step-00000006/vectors.bin").toFile(), "rw")) {
      f.seek(100);
      int b = f.read();
      f.seek(100);
      f.write(b ^ 0x01);
    }
    CliRun resumed = train(data, "resumed", "--max-iter", "12", "--checkpoint-dir", ck);
    assertEquals(0, resumed.exitCode(), resumed.toString());
    assertTrue(resumed.out().contains("step-00000006") && resumed.out().contains("damaged"), resumed.out());
    assertTrue(resumed.out().contains("resuming from checkpoint at iteration 5"), resumed.out());
    assertEquals(ModelFiles.weightsText(tmp.resolve("whole")), ModelFiles.weightsText(tmp.resolve("resumed")));
    assertEquals(13, ModelFiles.metrics(tmp.resolve("resumed")).get("history").size(),
        "the history is whole across the resume");
  }

  @Test
  void aChangedSettingOrInputIsRefusedWithExitTwo() throws IOException {
    Path data = Files.copy(Datasets.sample("heart_scale"), tmp.resolve("heart"));
    String ck = tmp.resolve("ck").toString();
    assertEquals(0, train(data, "m1", "--max-iter", "4", "--checkpoint-dir", ck).exitCode());

    CliRun reg = train(data, "m2", "--max-iter", "8", "--checkpoint-dir", ck, "--reg", "0.5");
    assertEquals(2, reg.exitCode(), reg.toString());
    assertTrue(reg.err().contains("reg") && reg.err().contains("0.05") && reg.err().contains("0.5"), reg.err());

    Files.writeString(data, Files.readString(data) + "+1 1:0.5\n");
    CliRun input = train(data, "m3", "--max-iter", "8", "--checkpoint-dir", ck);
    assertEquals(2, input.exitCode(), input.toString());
    assertTrue(input.err().contains("heart"), input.err());
    assertTrue(!Files.exists(tmp.resolve("m2")) && !Files.exists(tmp.resolve("m3")));

    CliRun forced = train(data, "m4", "--max-iter", "8", "--checkpoint-dir", ck, "--resume", "force");
    assertEquals(0, forced.exitCode(), forced.toString());
    CliRun fresh = train(data, "m5", "--max-iter", "8", "--checkpoint-dir", ck, "--resume", "never");
    assertEquals(0, fresh.exitCode(), fresh.toString());
    assertTrue(!fresh.out().contains("resuming"), fresh.out());
  }

  @Test
  void warmStartFromASubsetModelNeedsFewerIterationsThanAColdStart() throws IOException {
    Path full = Datasets.shared("a9a");
    List<String> lines = Files.readAllLines(full);
    Path subset = tmp.resolve("a9a-subset");
    Files.write(subset, lines.subList(0, 8000));
    String[] common = {"--tol", "1e-9", "--max-iter", "500"};
    // The subset misses some features; every model must have the full data's 123.
    CliRun small = train(subset, "small", concat(common, "--num-features", "123"));
    assertEquals(0, small.exitCode(), small.toString());
    CliRun cold = train(full, "cold", concat(common, "--num-features", "123"));
    CliRun warm = train(full, "warm", concat(common, "--num-features", "123", "--warm-start",
        tmp.resolve("small").toString()));
    assertEquals(0, cold.exitCode(), cold.toString());
    assertEquals(0, warm.exitCode(), warm.toString());
    int coldIters = ModelFiles.model(tmp.resolve("cold")).get("training").get("iterations").asInt();
    int warmIters = ModelFiles.model(tmp.resolve("warm")).get("training").get("iterations").asInt();
    System.out.printf("warm start: %d iterations, cold start: %d iterations%n", warmIters, coldIters);
    assertTrue(warmIters < coldIters, "warm " + warmIters + " vs cold " + coldIters);
    assertEquals(tmp.resolve("small").toString(),
        ModelFiles.model(tmp.resolve("warm")).get("training").get("warmStartFrom").asText());
    double coldF = ModelFiles.model(tmp.resolve("cold")).get("training").get("objective").asDouble();
    double warmF = ModelFiles.model(tmp.resolve("warm")).get("training").get("objective").asDouble();
    assertEquals(coldF, warmF, 1e-6 * coldF);
  }

  @Test
  void aWarmStartModelOfAnotherShapeIsRefused() {
    Path heart = Datasets.sample("heart_scale");
    assertEquals(0, train(heart, "heart", "--max-iter", "2").exitCode());
    CliRun r = train(Datasets.shared("a9a"), "x", "--warm-start", tmp.resolve("heart").toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("13 features") && r.err().contains("123"), r.err());
  }

  private List<String> stepNames() throws IOException {
    try (Stream<Path> s = Files.list(tmp.resolve("ck"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("step-")).sorted()
          .collect(Collectors.toList());
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
