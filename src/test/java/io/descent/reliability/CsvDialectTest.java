package io.descent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.descent.testing.CliRun;
import io.descent.testing.ModelFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV as real tools write it: a byte-order mark, a separator at the end of every line, tabs or
 * semicolons, no header, the same name twice. Each is read as meant or refused with exit 2
 * and a message naming the file and line.
 */
class CsvDialectTest {
  @TempDir Path tmp;

  private Path file(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, text.getBytes(StandardCharsets.UTF_8));
    return p;
  }

  private CliRun train(Path data, String... flags) {
    List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--loss",
        "logistic", "--max-iter", "0", "--output", tmp.resolve("model").toString()));
    args.addAll(List.of(flags));
    return CliRun.of(args.toArray(new String[0]));
  }

  private void assertRefused(CliRun r, String message) {
    assertEquals(2, r.exitCode(), r.toString());
    assertEquals("descent: " + message, r.err().strip());
    assertFalse(Files.exists(tmp.resolve("model")), "no output");
  }

  private JsonNode columns() {
    return ModelFiles.model(tmp.resolve("model")).get("columns");
  }

  @Test
  void bomIsStripped() throws IOException {
    Path data = file("bom.csv", "\uFEFFage,bmi,y\n0,22,5\n1,30,6\n1,27,7\n");
    CliRun r = train(data, "--label-col", "age");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("age", columns().get("label").asText());
    assertEquals("[\"bmi\",\"y\"]", columns().get("features").toString());
  }

  @Test
  void duplicateColumnNamesAreRefusedWithTheirColumns() throws IOException {
    Path data = file("dup.csv", "a,b,a,label\n1,2,3,0\n4,5,6,1\n");
    assertRefused(train(data), "dup.csv, line 1: column \"a\" appears twice, as columns 1 and 3;"
        + " rename one: with two, which one is meant (the label or a feature) would be a guess");
  }

  @Test
  void twoLabelColumnsAreRefused() throws IOException {
    Path data = file("labels.csv", "label,a,b,label\n0,1,2,0\n1,3,4,1\n");
    assertRefused(train(data), "labels.csv, line 1: column \"label\" appears twice, as columns 1"
        + " and 4; rename one: with two, which one is meant (the label or a feature) would be a guess");
  }

  @Test
  void trailingEmptyColumnIsIgnoredWithOneNotice() throws IOException {
    Path data = file("trailing.csv", "a,b,label,\n1,2,0,\n3,4,1,\n5,6,1,\n");
    CliRun r = train(data);
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(List.of("note: trailing.csv: the last column has no name (a ',' at the end of"
        + " every line?); ignored"), r.out().lines().filter(l -> l.startsWith("note:")).toList());
    assertEquals("[\"a\",\"b\"]", columns().get("features").toString());
  }

  @Test
  void valueInTheUnnamedLastColumnIsRefusedWithItsLine() throws IOException {
    Path data = file("trailing.csv", "a,b,label,\n1,2,0,\n3,4,1,9\n");
    assertRefused(train(data), "trailing.csv, line 3: column 4, which the header leaves unnamed,"
        + " holds \"9\"");
  }

  @Test
  void tabSeparatedFileNamesTheSeparator() throws IOException {
    Path data = file("tabs.csv", "a\tb\tlabel\n1\t2\t0\n3\t4\t1\n");
    assertRefused(train(data), "tabs.csv, line 1: the header is one column, \"a\\tb\\tlabel\","
        + " which holds tabs and no ',': the file is probably separated by tabs; pass"
        + " --csv-separator '\\t'");
  }

  @Test
  void semicolonSeparatedFileNamesTheSeparator() throws IOException {
    Path data = file("semi.csv", "a;b;label\n1;2;0\n3;4;1\n");
    assertRefused(train(data), "semi.csv, line 1: the header is one column, \"a;b;label\","
        + " which holds ';' and no ',': the file is probably separated by ';'; pass"
        + " --csv-separator ';'");
  }

  @Test
  void csvSeparatorFlagReadsSemicolons() throws IOException {
    Path data = file("semi.csv", "a;b;label\n1;2,5;0\n3;4;1\n");
    CliRun bad = train(data, "--csv-separator", ";");
    assertRefused(bad, "semi.csv, line 2, column \"b\": \"2,5\" is not a number");
    Files.writeString(data, "a;b;label\n1;2.5;0\n3;4;1\n");
    CliRun r = train(data, "--csv-separator", ";");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode config = ModelFiles.model(tmp.resolve("model")).get("training").get("config");
    assertEquals(";", config.get("csvSeparator").asText());
    assertEquals("[\"a\",\"b\"]", columns().get("features").toString());
  }

  @Test
  void csvSeparatorFlagReadsTabsForTrainPredictAndEvaluate() throws IOException {
    Path data = file("tabs.tsv", "a\tb\tlabel\n1\t2\t0\n3\t4\t1\n");
    CliRun r = train(data, "--format", "csv", "--csv-separator", "\\t");
    assertEquals(0, r.exitCode(), r.toString());
    String model = tmp.resolve("model").toString();
    CliRun predicted = CliRun.of("predict", "--model", model, "--data", data.toString(),
        "--format", "csv", "--csv-separator", "tab", "--output", tmp.resolve("pred").toString());
    assertEquals(0, predicted.exitCode(), predicted.toString());
    CliRun evaluated = CliRun.of("evaluate", "--model", model, "--data", data.toString(),
        "--format", "csv", "--csv-separator", "\t");
    assertEquals(0, evaluated.exitCode(), evaluated.toString());
    assertTrue(evaluated.out().contains("\"rows\" : 2"), evaluated.toString());
  }

  @Test
  void badCsvSeparatorIsRefused() throws IOException {
    Path data = file("x.csv", "a,b,label\n1,2,0\n3,4,1\n");
    assertRefused(train(data, "--csv-separator", "ab"), "--csv-separator: \"ab\" is not a CSV"
        + " separator: give one character other than a quote, a backslash or a line end (\\t or"
        + " tab for a tab).");
  }

  @Test
  void headerlessCsvIsRefused() throws IOException {
    Path data = file("nohead.csv", "0.5,22.1,0\n0.25,30.5,1\n0.75,27,1\n");
    assertRefused(train(data), "nohead.csv, line 1: the header \"0.5,22.1,0\" is all numbers, so"
        + " the file seems to have no header line; a CSV's first line names its columns: add one"
        + " (the label column named \"label\", or passed with --label-col)");
  }

  @Test
  void crlfLineEndsAreRead() throws IOException {
    Path data = file("crlf.csv", "a,b,label\r\n1,2,0\r\n3,4,1\r\n");
    CliRun r = train(data);
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("label", columns().get("label").asText());
  }
}
