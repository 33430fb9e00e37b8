package io.descent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.descent.testing.CliRun;
import io.descent.testing.Datasets;
import io.descent.testing.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --bad-records skip}: every kind of bad row is dropped, counted and located, and the
 * model is the one trained on the file without those rows, bit for bit.
 */
class BadRecordsTest {
  @TempDir Path tmp;

  private static final List<String> BAD_LIBSVM = List.of(
      "+1 3:1 7",            // token without a colon
      "-1 0:1 3:1",          // index 0
      "+1 -2:1",             // negative index
      "-1 5:1 3:1",          // not increasing
      "+1 3:1 3:1",          // duplicate index
      "-1 3:x",              // value not a number
      "+1 3:NaN",            // NaN value
      "Infinity 3:1",        // infinite label
      "2 3:1",               // a label logistic cannot use
      "+1 3:1 200:1");       // above --num-features 123

  @Test
  void libsvmBadLinesAreSkippedAndTheModelIsTheCleanFilesModel() throws IOException {
    List<String> clean = Files.readAllLines(Datasets.shared("a9a")).subList(0, 400);
    List<String> dirty = new ArrayList<>(clean);
    // Bad lines spread over the file, the first at line 11 (after 10 good rows).
    for (int k = 0; k < BAD_LIBSVM.size(); k++) {
      dirty.add(10 + 31 * k + k, BAD_LIBSVM.get(k));
    }
    Path dirtyFile = Files.write(tmp.resolve("dirty.svm"), dirty);
    Path cleanFile = Files.write(tmp.resolve("clean.svm"), clean);

    CliRun skipped = train(dirtyFile, "skipped", "--bad-records", "skip");
    assertEquals(0, skipped.exitCode(), skipped.toString());
    assertTrue(skipped.out().contains("bad records: skipped 10 rows; first: dirty.svm, line 11: "
        + "token \"7\" is not of the form index:value"), skipped.out());
    JsonNode bad = ModelFiles.model(tmp.resolve("skipped")).get("training").get("badRecords");
    assertEquals(10, bad.get("skipped").asLong());
    assertEquals(5, bad.get("examples").size());
    assertEquals("dirty.svm, line 43: feature index 0 is not a positive integer in token \"0:1\"",
        bad.get("examples").get(1).asText());
    assertEquals(400, ModelFiles.model(tmp.resolve("skipped")).get("training").get("rows").asLong());

    CliRun reference = train(cleanFile, "clean");
    assertEquals(0, reference.exitCode(), reference.toString());
    assertFalse(ModelFiles.model(tmp.resolve("clean")).get("training").has("badRecords"));
    assertEquals(ModelFiles.weightsText(tmp.resolve("clean")),
        ModelFiles.weightsText(tmp.resolve("skipped")), "skipping keeps the clean rows' model");

    CliRun failed = train(dirtyFile, "failed");
    assertEquals(2, failed.exitCode(), failed.toString());
    assertTrue(failed.err().contains("dirty.svm, line 11: token \"7\""), failed.err());
    assertFalse(Files.exists(tmp.resolve("failed")));
  }

  @Test
  void csvBadCellsAndRaggedRowsAreSkipped() throws IOException {
    List<String> clean = List.of("a,b,label", "1,2,0", "3,4,1", "0.5,1,0", "2,2.5,1", "1,1,0");
    List<String> dirty = new ArrayList<>(clean);
    dirty.add(2, "1,oops,1");
    dirty.add(4, "1,2");
    dirty.add(6, "NaN,1,0");
    dirty.add(7, "1,1,7");
    Path dirtyFile = Files.write(tmp.resolve("dirty.csv"), dirty);
    Path cleanFile = Files.write(tmp.resolve("clean.csv"), clean);
    CliRun skipped = train(dirtyFile, "csv-skipped", "--bad-records", "skip");
    assertEquals(0, skipped.exitCode(), skipped.toString());
    JsonNode bad = ModelFiles.model(tmp.resolve("csv-skipped")).get("training").get("badRecords");
    assertEquals(4, bad.get("skipped").asLong(), bad.toString());
    assertEquals("dirty.csv, line 3, column \"b\": \"oops\" is not a number",
        bad.get("examples").get(0).asText());
    assertTrue(bad.get("examples").get(1).asText().startsWith("dirty.csv, line 5: "), bad.toString());
    assertEquals(0, train(cleanFile, "csv-clean").exitCode());
    assertEquals(ModelFiles.weightsText(tmp.resolve("csv-clean")),
        ModelFiles.weightsText(tmp.resolve("csv-skipped")));
  }

  @Test
  void anInputWhoseEveryRowIsBadStillContainsNoRows() throws IOException {
    Path f = Files.write(tmp.resolve("allbad.svm"), BAD_LIBSVM);
    CliRun r = train(f, "none", "--bad-records", "skip");
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("allbad.svm contains no rows"), r.err());
    assertFalse(Files.exists(tmp.resolve("none")));
  }

  @Test
  void anUnknownModeIsRefused() {
    CliRun r = CliRun.of("train", "--data", "x.svm", "--loss", "logistic", "--output",
        tmp.resolve("o").toString(), "--bad-records", "ignore");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("--bad-records: \"ignore\" is not one of fail, skip"), r.err());
  }

  private CliRun train(Path data, String out, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--loss",
        "logistic", "--num-features", "123", "--partitions", "3", "--max-iter", "5",
        "--optimizer", "gd", "--step", "0.5", "--output", tmp.resolve(out).toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(new String[0]));
  }
}
