package io.descent.data.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.BadInputException;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.row.RowBuffer;
import io.descent.data.row.RowProblem;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class LineParsingTest {
  private final LibsvmLineParser real = new LibsvmLineParser(LabelPolicy.real(), null);

  private String libsvmProblem(LibsvmLineParser parser, String line) {
    RowProblem p = parser.parse(line, new RowBuffer());
    return p == null ? null : p.message();
  }

  @Test
  void libsvmLinesParseIntoZeroBasedSparseRows() {
    RowBuffer row = new RowBuffer();
    assertNull(real.parse("  -1.5 1:0.5  3:2 7:0 10:-1e-3 ", row));
    assertEquals(-1.5, row.label);
    assertEquals(3, row.nnz); // the explicit zero is not stored
    assertArrayEquals(new int[] {0, 2, 9}, Arrays.copyOf(row.indices, 3));
    assertArrayEquals(new double[] {0.5, 2, -1e-3}, Arrays.copyOf(row.values, 3));
    assertNull(real.parse("+1", row));
    assertEquals(0, row.nnz);
    assertTrue(LibsvmLineParser.isRow(" 1 2:3"));
    assertFalse(LibsvmLineParser.isRow("   "));
    assertFalse(LibsvmLineParser.isRow(" # a comment"));
  }

  @Test
  void libsvmProblemsNameTheToken() {
    assertEquals("feature index 0 is not a positive integer in token \"0:1\"", libsvmProblem(real, "1 0:1"));
    assertEquals("feature index -2 is not a positive integer in token \"-2:1\"", libsvmProblem(real, "1 -2:1"));
    assertEquals("feature index \"x\" is not a positive integer in token \"x:1\"", libsvmProblem(real, "1 x:1"));
    assertEquals("feature index 3 does not increase on the index 5 before it in token \"3:1\"",
        libsvmProblem(real, "1 5:1 3:1"));
    assertEquals("feature index 5 appears twice, again in token \"5:2\"",
        libsvmProblem(real, "1 5:1 5:2"));
    assertEquals("value \"abc\" is not a number in token \"3:abc\"", libsvmProblem(real, "1 3:abc"));
    assertEquals("value \"\" is not a number in token \"3:\"", libsvmProblem(real, "1 3:"));
    assertEquals("value \"NaN\" is not a finite number in token \"3:NaN\"", libsvmProblem(real, "1 3:NaN"));
    assertEquals("value \"1e999\" is not a finite number in token \"3:1e999\"", libsvmProblem(real, "1 3:1e999"));
    assertEquals("token \"7\" is not of the form index:value", libsvmProblem(real, "1 7"));
    assertEquals("token \"1:2:3\" is not of the form index:value", libsvmProblem(real, "1 1:2:3"));
    assertEquals("label \"yes\" is not a number", libsvmProblem(real, "yes 1:1"));
    assertEquals("label Infinity is not a finite number", libsvmProblem(real, "Infinity 1:1"));
    assertEquals("feature index 124 is above numFeatures 123 in token \"124:1\"",
        libsvmProblem(new LibsvmLineParser(LabelPolicy.real(), 123), "1 124:1"));
    assertEquals("label 2 is neither 0/1 nor -1/+1; pass --positive-label to name the positive class",
        libsvmProblem(new LibsvmLineParser(LabelPolicy.binary(null), null), "2 1:1"));
    assertEquals("label 1.5 is not an integer class",
        libsvmProblem(new LibsvmLineParser(LabelPolicy.classes(), null), "1.5 1:1"));
  }

  @Test
  void csvLinesSplitLikeSparksReader() {
    assertArrayEquals(new String[] {"1", "2", ""}, CsvLineSplitter.split("1,2,"));
    assertArrayEquals(new String[] {""}, CsvLineSplitter.split(""));
    assertArrayEquals(new String[] {"a,b", "say \"hi\"", "3"}, CsvLineSplitter.split("\"a,b\",\"say \\\"hi\\\"\",3"));
    assertArrayEquals(new String[] {"x\"y", " 2"}, CsvLineSplitter.split("\"x\"\"y\", 2"));
  }

  @Test
  void csvColumnsTakeTheLabelByNameOrLastAndParseByRole() {
    CsvColumns last = new CsvColumns(new String[] {"a", "b", "target"}, null, null, LabelPolicy.real(), "f.csv");
    assertEquals("target", last.labelName());
    assertEquals(2, last.numFeatureColumns());
    CsvColumns named = new CsvColumns(new String[] {"label", "w", "x"}, null, "w", LabelPolicy.real(), "f.csv");
    assertEquals("label", named.labelName());
    assertEquals(1, named.numFeatureColumns());

    RowBuffer row = new RowBuffer();
    assertNull(named.parse(new String[] {"3", "0.5", " 2 "}, row));
    assertEquals(3, row.label);
    assertEquals(0.5, row.weight);
    assertEquals(1, row.nnz);
    assertEquals(new RowProblem("x", "\"abc\" is not a number"), named.parse(new String[] {"3", "1", "abc"}, row));
    assertEquals(new RowProblem("x", "\"\" is not a number"), named.parse(new String[] {"3", "1", null}, row));
    assertEquals(new RowProblem("x", "\"NaN\" is not a finite number"), named.parse(new String[] {"3", "1", "NaN"}, row));
    assertEquals(new RowProblem("w", "weight -1 is negative"), named.parse(new String[] {"3", "-1", "1"}, row));
    assertEquals(new RowProblem("label", "label NaN is not a finite number"), named.parse(new String[] {"NaN", "1", "1"}, row));

    BadInputException missing = assertThrowsBad(() ->
        new CsvColumns(new String[] {"a", "b"}, "species", null, LabelPolicy.real(), "iris.csv"));
    assertEquals("iris.csv has no label column \"species\"; its columns are a, b", missing.getMessage());
  }

  private static BadInputException assertThrowsBad(Executable e) {
    return org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class, e);
  }
}
