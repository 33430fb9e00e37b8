package io.descent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.store.DirectoryLock;
import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue "data loss first": no flag combination deletes or hides the input, another
 * directory, or another run's work. Every refusal comes before the data is read and leaves
 * the disk exactly as it was.
 */
class DataLossTest {
  @TempDir Path tmp;
  private Path data;
  private Path heartFile;

  @BeforeEach
  void copyTheInput() throws IOException {
    data = Files.createDirectories(tmp.resolve("data"));
    heartFile = Files.copy(Datasets.sample("heart_scale"), data.resolve("part-0.svm"));
  }

  private CliRun train(String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--loss",
        "logistic", "--max-iter", "3"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(new String[0]));
  }

  private void assertRefused(int code, String message, CliRun r, Map<String, String> before)
      throws IOException {
    assertEquals(code, r.exitCode(), r.toString());
    assertTrue(r.err().contains(message), "expected \"" + message + "\" in " + r.err());
    assertEquals(before, snapshot(tmp), "the refusal changed nothing on disk");
  }

  @Test
  void overwriteNeverDeletesTheInput() throws IOException {
    Map<String, String> before = snapshot(tmp);
    assertRefused(2, "--output " + data + " is the same directory as --data", train(
        "--output", data.toString(), "--overwrite"), before);
    assertRefused(2, "--output " + tmp + " contains --data", train(
        "--output", tmp.toString(), "--overwrite"), before);
    assertRefused(2, "is the same directory as --data", train(
        "--output", tmp.resolve("data/../data").toString(), "--overwrite"), before);
  }

  @Test
  void overwriteReplacesOnlyADescentModel() throws IOException {
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(notes.resolve("todo.txt"), "keep me");
    Map<String, String> before = snapshot(tmp);
    assertRefused(2, "--output: " + notes + " exists and is not a Descent model directory",
        train("--output", notes.toString(), "--overwrite"), before);

    Path model = tmp.resolve("model");
    assertEquals(0, train("--output", model.toString()).exitCode());
    assertTrue(Files.exists(model.resolve("_DESCENT")));
    CliRun again = train("--output", model.toString(), "--overwrite", "--reg", "0.1");
    assertEquals(0, again.exitCode(), again.toString());
    assertTrue(Files.readString(model.resolve("model.json")).contains("\"reg\" : 0.1")
        || Files.readString(model.resolve("model.json")).contains("\"reg\":0.1"),
        "the model was replaced");
  }

  @Test
  void outputAndCheckpointsMayNotNestWithTheInputOrEachOther() throws IOException {
    Map<String, String> before = snapshot(tmp);
    assertRefused(2, "--output " + data.resolve("model") + " lies inside --data " + data,
        train("--output", data.resolve("model").toString()), before);
    assertRefused(2, "--checkpoint-dir " + data.resolve("ck") + " lies inside --data",
        train("--output", tmp.resolve("m").toString(), "--checkpoint-dir",
            data.resolve("ck").toString()), before);
    assertRefused(2, "--checkpoint-dir " + tmp.resolve("m") + " is the same directory as --output",
        train("--output", tmp.resolve("m").toString(), "--checkpoint-dir",
            tmp.resolve("m").toString()), before);
    assertRefused(2, "--checkpoint-dir " + tmp.resolve("m/ck") + " lies inside --output",
        train("--output", tmp.resolve("m").toString(), "--checkpoint-dir",
            tmp.resolve("m/ck").toString()), before);
    Path link = Files.createSymbolicLink(tmp.resolve("link"), data);
    before = snapshot(tmp);
    assertRefused(2, "lies inside --data", train("--output", link.resolve("model").toString()),
        before);
  }

  @Test
  void aRunIsRefusedWhileAnotherHoldsItsOutputOrCheckpoints() throws IOException {
    Configuration conf = new Configuration();
    Path model = tmp.resolve("model");
    Path ck = tmp.resolve("ck");
    try (DirectoryLock other = DirectoryLock.acquire(conf, model.toString(), "--output",
        "descent train", w -> {})) {
      Map<String, String> before = snapshot(tmp);
      assertRefused(4, "--output: " + model + " is in use by another run (descent train on host",
          train("--output", model.toString()), before);
    }
    try (DirectoryLock other = DirectoryLock.acquire(conf, ck.toString(), "--checkpoint-dir",
        "descent train", w -> {})) {
      CliRun r = train("--output", model.toString(), "--checkpoint-dir", ck.toString());
      assertEquals(4, r.exitCode(), r.toString());
      assertTrue(r.err().contains("--checkpoint-dir: " + ck + " is in use by another run"), r.err());
      assertFalse(Files.exists(model), "no model from a refused run");
      assertFalse(Files.exists(tmp.resolve(".model.lock")), "its output lock released");
    }
  }

  @Test
  void predictNeverWritesOverItsInputOrItsModel() throws IOException {
    Path model = tmp.resolve("model");
    assertEquals(0, train("--output", model.toString()).exitCode());
    Map<String, String> before = snapshot(tmp);
    assertRefused(2, "--output " + data + " is the same directory as --data", CliRun.of("predict",
        "--model", model.toString(), "--data", data.toString(), "--output", data.toString(),
        "--overwrite"), before);
    assertRefused(2, "--output " + model + " is the same directory as --model", CliRun.of("predict",
        "--model", model.toString(), "--data", data.toString(), "--output", model.toString(),
        "--overwrite"), before);
    Path other = tmp.resolve("other-model");
    assertEquals(0, train("--output", other.toString()).exitCode());
    before = snapshot(tmp);
    assertRefused(2, "--output: " + other + " exists and is not a Descent predictions directory",
        CliRun.of("predict", "--model", model.toString(), "--data", heartFile.toString(),
            "--output", other.toString(), "--overwrite"), before);
    Path predictions = tmp.resolve("predictions");
    for (int i = 0; i < 2; i++) {
      CliRun r = CliRun.of("predict", "--model", model.toString(), "--data", heartFile.toString(),
          "--output", predictions.toString(), "--overwrite");
      assertEquals(0, r.exitCode(), "predictions replace predictions: " + r);
    }
  }

  @Test
  void anAlteredModelIsRefusedOnLoad() throws IOException {
    Path model = tmp.resolve("model");
    assertEquals(0, train("--output", model.toString(), "--max-iter", "5").exitCode());
    Path file = model.resolve("model.json");
    String json = Files.readString(file);
    int at = json.indexOf("\"weights\"");
    int digit = at;
    while (!Character.isDigit(json.charAt(digit))) {
      digit++;
    }
    char changed = json.charAt(digit) == '1' ? '2' : '1';
    Files.writeString(file, json.substring(0, digit) + changed + json.substring(digit + 1));
    Files.deleteIfExists(model.resolve(".model.json.crc"));
    CliRun predict = CliRun.of("predict", "--model", model.toString(), "--data", data.toString(),
        "--output", tmp.resolve("p").toString());
    assertEquals(2, predict.exitCode(), predict.toString());
    assertTrue(predict.err().contains("model.json does not match its checksum"), predict.err());
    CliRun warm = train("--output", tmp.resolve("m2").toString(), "--warm-start", model.toString());
    assertEquals(2, warm.exitCode(), warm.toString());
    assertTrue(warm.err().contains("--warm-start: cannot read"), warm.err());
  }

  @Test
  void whatAKilledRunLeftIsCleanedByTheNextRun() throws IOException {
    Path model = tmp.resolve("model");
    Path ck = Files.createDirectories(tmp.resolve("ck"));
    Files.createDirectories(tmp.resolve(".model.tmp-0c0ffee"));
    Files.createDirectories(ck.resolve(".step-00000002.tmp-0c0ffee"));
    CliRun r = train("--output", model.toString(), "--checkpoint-dir", ck.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertFalse(Files.exists(tmp.resolve(".model.tmp-0c0ffee")), r.out());
    assertFalse(Files.exists(ck.resolve(".step-00000002.tmp-0c0ffee")), r.out());
    assertTrue(r.out().contains("left by a killed run"), r.out());
    assertFalse(Files.exists(tmp.resolve(".model.lock")), "locks released");
    assertFalse(Files.exists(tmp.resolve(".ck.lock")), "locks released");
  }

  /** Every file and directory under {@code root} (lock files included) with its content. */
  static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String rel = root.relativize(p).toString();
        files.put(rel, Files.isRegularFile(p) && !Files.isSymbolicLink(p)
            ? Integer.toHexString(Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1).hashCode())
            : "dir");
      }
    }
    return files;
  }
}
