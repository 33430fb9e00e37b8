package io.descent.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.BadInputException;
import io.descent.ExitCodes;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.source.InputSpec;
import io.descent.testing.Datasets;
import io.descent.testing.SharedSpark;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gives one sentence naming the file and the line (or row) at fault. */
class DataLoaderValidationTest {
  private static final SparkSession SPARK = SharedSpark.session();
  private static List<String> a9aHead;

  @TempDir
  Path tmp;

  @BeforeAll
  static void readSamples() throws IOException {
    a9aHead = Files.readAllLines(Datasets.shared("a9a")).subList(0, 3000);
  }

  private Path write(String name, String... lines) throws IOException {
    return Files.write(tmp.resolve(name), Arrays.asList(lines));
  }

  /** A LIBSVM file of 14 a9a rows, a comment and a blank line, then {@code line17}. */
  private Path a9aWithLine17(String name, String line17) throws IOException {
    List<String> lines = new ArrayList<>(a9aHead.subList(0, 14));
    lines.add("# a comment counts as a line");
    lines.add("");
    lines.add(line17);
    lines.addAll(a9aHead.subList(14, 40));
    return Files.write(tmp.resolve(name), lines);
  }

  private static String error(InputSpec spec, LabelPolicy policy) {
    BadInputException e = assertThrows(BadInputException.class,
        () -> new DataLoader(SPARK).load(spec, policy, 3, 0, StorageLevel.MEMORY_ONLY()).release());
    assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
    String m = e.getMessage();
    assertFalse(m.contains("\n") || m.contains("Exception") || m.contains("\tat "), "one clean sentence: " + m);
    return m;
  }

  private static String error(Path file, LabelPolicy policy) {
    return error(InputSpec.of(file.toString()), policy);
  }

  @Test
  void libsvmFeatureIndexZero() throws IOException {
    Path f = a9aWithLine17("a9a.bad", "+1 0:1 3:1");
    assertEquals("a9a.bad, line 17: feature index 0 is not a positive integer in token \"0:1\"",
        error(f, LabelPolicy.binary(null)));
  }

  @Test
  void libsvmIndicesNotIncreasing() throws IOException {
    Path f = a9aWithLine17("order.svm", "-1 3:1 9:1 5:1");
    assertEquals("order.svm, line 17: feature index 5 does not increase on the index 9 before it in token \"5:1\"",
        error(f, LabelPolicy.binary(null)));
  }

  @Test
  void libsvmValueNotANumber() throws IOException {
    Path f = a9aWithLine17("value.svm", "-1 3:1 9:x1");
    assertEquals("value.svm, line 17: value \"x1\" is not a number in token \"9:x1\"",
        error(f, LabelPolicy.binary(null)));
  }

  @Test
  void libsvmLabelNotANumber() throws IOException {
    Path f = a9aWithLine17("label.svm", "yes 3:1");
    assertEquals("label.svm, line 17: label \"yes\" is not a number", error(f, LabelPolicy.binary(null)));
  }

  @Test
  void libsvmTokenWithoutColon() throws IOException {
    Path f = a9aWithLine17("token.svm", "1 3:1 7");
    assertEquals("token.svm, line 17: token \"7\" is not of the form index:value", error(f, LabelPolicy.real()));
  }

  @Test
  void libsvmNanFeatureAndInfiniteLabel() throws IOException {
    // Spark's reader accepts these; the scan job's checks catch them.
    assertEquals("nan.svm, line 17: value \"NaN\" is not a finite number in token \"5:NaN\"",
        error(a9aWithLine17("nan.svm", "1 3:1 5:NaN"), LabelPolicy.real()));
    assertEquals("inf.svm, line 17: label Infinity is not a finite number",
        error(a9aWithLine17("inf.svm", "Infinity 3:1"), LabelPolicy.real()));
    assertEquals("nanlabel.svm, line 17: label NaN is not a finite number",
        error(a9aWithLine17("nanlabel.svm", "NaN 3:1"), LabelPolicy.binary(null)));
  }

  @Test
  void libsvmIndexAboveNumFeatures() throws IOException {
    Path f = a9aWithLine17("wide.svm", "1 3:1 124:1");
    assertEquals("wide.svm, line 17: feature index 124 is above numFeatures 123 in token \"124:1\"",
        error(InputSpec.of(f.toString()).withNumFeatures(123), LabelPolicy.binary(null)));
  }

  @Test
  void gzippedLibsvmIsLocatedToo() throws IOException {
    Path f = tmp.resolve("data.svm.gz");
    List<String> lines = new ArrayList<>(a9aHead.subList(0, 99));
    lines.add("1 2:1 2:1");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    assertEquals("data.svm.gz, line 100: feature index 2 appears twice, again in token \"2:1\"",
        error(f, LabelPolicy.binary(null)));
  }

  @Test
  void aTruncatedGzipIsBlamedOnTheLineWhereItIsCutNotOnLineOne() throws IOException {
    Path whole = tmp.resolve("whole.svm.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
      out.write((String.join("\n", a9aHead.subList(0, 400)) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    byte[] gz = Files.readAllBytes(whole);
    Path cut = Files.write(tmp.resolve("cut.svm.gz"), Arrays.copyOf(gz, gz.length / 2));
    // The lines that decompress before the cut, counted independently of the product.
    long complete = 0;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(cut))) {
      for (int b = in.read(); b >= 0; b = in.read()) {
        complete += b == '\n' ? 1 : 0;
      }
    } catch (EOFException expected) {
      // the cut
    }
    assertTrue(complete > 100, "the cut keeps many lines: " + complete);
    assertEquals("cut.svm.gz, line " + (complete + 1) + ": the file cannot be read: Unexpected end"
        + " of input stream", error(cut, LabelPolicy.binary(null)));
  }

  @Test
  void theFirstBadLineIsReportedWhateverPartitionsSparkUses() throws IOException {
    List<String> lines = new ArrayList<>(a9aHead);
    lines.set(2499, "1 3:NaN");
    lines.set(1199, "1 3:Infinity");
    lines.set(1999, "1 0:1");
    Path f = Files.write(tmp.resolve("many.svm"), lines);
    String key = "spark.sql.files.maxPartitionBytes";
    SPARK.conf().set(key, "20000"); // about 10 splits, read in parallel
    try {
      // A malformed line makes Spark's own parser fail; the driver scan finds the first bad line.
      assertEquals("many.svm, line 1200: value \"Infinity\" is not a finite number in token \"3:Infinity\"",
          error(f, LabelPolicy.binary(null)));
      lines.set(1999, a9aHead.get(1999));
      Files.write(f, lines);
      // Only value problems: the scan tasks find them, the earliest in input order wins.
      assertEquals("many.svm, line 1200: value \"Infinity\" is not a finite number in token \"3:Infinity\"",
          error(f, LabelPolicy.binary(null)));
    } finally {
      SPARK.conf().unset(key);
    }
  }

  @Test
  void csvCellThatIsNotANumberNamesTheColumn() throws IOException {
    Path f = write("data.csv", "age,bmi,target", "50,21.5,1", "", "61,30.1,0", "abc,22,1", "40,20,0");
    assertEquals("data.csv, line 5, column \"age\": \"abc\" is not a number", error(f, LabelPolicy.binary(null)));
  }

  @Test
  void csvNonFiniteAndEmptyCells() throws IOException {
    assertEquals("nan.csv, line 3, column \"bmi\": \"NaN\" is not a finite number",
        error(write("nan.csv", "age,bmi,target", "50,21.5,1", "61,NaN,0"), LabelPolicy.binary(null)));
    assertEquals("empty.csv, line 3, column \"target\": \"\" is not a number",
        error(write("empty.csv", "age,bmi,target", "50,21.5,1", "61,2,"), LabelPolicy.binary(null)));
    assertEquals("inf.csv, line 2, column \"target\": label -Infinity is not a finite number",
        error(write("inf.csv", "age,bmi,target", "50,21.5,-Infinity"), LabelPolicy.real()));
  }

  @Test
  void csvRaggedRows() throws IOException {
    assertEquals("short.csv, line 4: the line has 2 cells where the header has 3",
        error(write("short.csv", "a,b,label", "1,2,0", "3,4,1", "5,6", "7,8,1"), LabelPolicy.binary(null)));
    assertEquals("long.csv, line 3: the line has 4 cells where the header has 3",
        error(write("long.csv", "a,b,label", "1,2,0", "3,4,1,9"), LabelPolicy.binary(null)));
  }

  @Test
  void csvMissingColumnsNameTheAvailableOnes() throws IOException {
    Path iris = Datasets.shared("iris.csv");
    assertEquals("iris.csv has no label column \"species\"; its columns are sepal_length, sepal_width,"
        + " petal_length, petal_width, target",
        error(InputSpec.of(iris.toString()).withLabelCol("species"), LabelPolicy.classes()));
    assertEquals("iris.csv has no weight column \"w\"; its columns are sepal_length, sepal_width,"
        + " petal_length, petal_width, target",
        error(InputSpec.of(iris.toString()).withWeightCol("w"), LabelPolicy.classes()));
  }

  @Test
  void csvNegativeWeight() throws IOException {
    Path f = write("weights.csv", "x,w,label", "1,1,0", "2,-2,1");
    assertEquals("weights.csv, line 3, column \"w\": weight -2 is negative",
        error(InputSpec.of(f.toString()).withWeightCol("w"), LabelPolicy.binary(null)));
  }

  @Test
  void hugeWeightsAreRefusedWhereTheyAreNotBlamedOnTheFeaturesLater() throws IOException {
    Path f = write("huge.csv", "x,w,label", "1,1e100,0", "2,1e308,1", "3,1e308,0");
    assertEquals("huge.csv, line 3, column \"w\": weight 1.0E308 is above 1e100, where sums of"
        + " weighted losses overflow; weights count only relative to each other: divide them all"
        + " by one factor", error(InputSpec.of(f.toString()).withWeightCol("w"), LabelPolicy.binary(null)));
  }

  @Test
  void csvFilesInADirectoryMustShareTheHeader() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("parts"));
    Files.write(dir.resolve("a.csv"), List.of("x,label", "1,0"));
    Files.write(dir.resolve("b.csv"), List.of("", "y,label", "1,1"));
    assertEquals("parts/b.csv, line 2: the header differs from the header of parts/a.csv",
        error(InputSpec.of(dir.toString()), LabelPolicy.binary(null)));
  }

  @Test
  void parquetProblemsNameRowAndColumn() {
    StructType schema = new StructType().add("x", DataTypes.DoubleType).add("z", DataTypes.IntegerType)
        .add("label", DataTypes.DoubleType);
    Path bad = tmp.resolve("bad.parquet");
    SPARK.createDataFrame(List.of(RowFactory.create(1.0, 1, 0.0), RowFactory.create(2.0, 2, 1.0),
        RowFactory.create(Double.NaN, 3, 1.0)), schema).coalesce(1).write().parquet(bad.toString());
    String m = error(InputSpec.of(bad.toString()), LabelPolicy.binary(null));
    assertTrue(m.matches("bad\\.parquet/part-00000-.*\\.parquet, row 3, column \"x\": value NaN is not a finite number"), m);

    Path nulls = tmp.resolve("nulls.parquet");
    SPARK.createDataFrame(List.of(RowFactory.create(1.0, 1, 0.0), RowFactory.create(2.0, null, 1.0)), schema)
        .coalesce(1).write().parquet(nulls.toString());
    m = error(InputSpec.of(nulls.toString()), LabelPolicy.binary(null));
    assertTrue(m.matches("nulls\\.parquet/part-00000-.*\\.parquet, row 2, column \"z\": the value is missing"), m);

    m = error(InputSpec.of(nulls.toString()).withLabelCol("y"), LabelPolicy.binary(null));
    assertEquals("nulls.parquet has no label column \"y\"; its columns are x, z, label", m);
    m = error(InputSpec.of(nulls.toString()).withFeaturesCol("x"), LabelPolicy.binary(null));
    assertEquals("the features column \"x\" of nulls.parquet is double, not a Spark ML vector", m);
  }

  @Test
  void aMissingInputSaysSo() {
    Path f = tmp.resolve("nope.svm");
    assertEquals("the input " + f + " does not exist", error(f, LabelPolicy.real()));
  }

  @Test
  void emptyInputsContainNoRows() throws IOException {
    assertEquals("empty.svm contains no rows", error(write("empty.svm"), LabelPolicy.real()));
    assertEquals("comments.svm contains no rows", error(write("comments.svm", "# only", "", "  "), LabelPolicy.real()));
    assertEquals("header.csv contains no rows", error(write("header.csv", "a,b,label"), LabelPolicy.real()));
    assertEquals("blank.csv contains no rows", error(write("blank.csv", ""), LabelPolicy.real()));
    assertEquals("nothing contains no rows",
        error(Files.createDirectory(tmp.resolve("nothing")), LabelPolicy.real()));
  }

  @Test
  void optionsThatDoNotApplyAreRejected() throws IOException {
    Path f = write("x.svm", "1 1:1");
    assertEquals("labelCol \"y\" does not apply to x.svm, which is LIBSVM and has no named columns",
        error(InputSpec.of(f.toString()).withLabelCol("y"), LabelPolicy.real()));
    assertEquals("featuresCol \"v\" does not apply to x.csv, which is CSV: every column but the label"
        + " and weight is a feature",
        error(InputSpec.of(write("x.csv", "a,label", "1,1").toString()).withFeaturesCol("v"), LabelPolicy.real()));
    assertEquals("two.csv has 2 feature columns, more than numFeatures 1",
        error(InputSpec.of(write("two.csv", "a,b,label", "1,2,1").toString()).withNumFeatures(1), LabelPolicy.real()));
    assertEquals("numFeatures must be positive, not 0",
        assertThrows(BadInputException.class, () -> InputSpec.of("x.csv").withNumFeatures(0)).getMessage());
    assertEquals("format \"json\" is not one of libsvm, csv, parquet",
        assertThrows(BadInputException.class, () -> InputSpec.of("x").withFormat("json")).getMessage());
  }
}
