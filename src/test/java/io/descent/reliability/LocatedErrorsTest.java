package io.descent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.descent.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 8's list of bad inputs, each through the command line as a user meets it: exit 2 and
 * one sentence naming the file and the line (or the column) at fault, and no output.
 */
class LocatedErrorsTest {
  private static final String GOOD = "1 1:0.5 2:1|-1 1:0.25 3:2|";
  private static final String CSV = "a,b,label|1,2,0|3,4,1|";

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '~', value = {
    "bad token~        x.svm~  " + GOOD + "1 1:0.5 7~     ~   x.svm, line 3: token \"7\" is not of the form index:value",
    "index 0~          x.svm~  " + GOOD + "1 0:0.5~       ~   x.svm, line 3: feature index 0 is not a positive integer in token \"0:0.5\"",
    "negative index~   x.svm~  " + GOOD + "1 -4:0.5~      ~   x.svm, line 3: feature index -4 is not a positive integer in token \"-4:0.5\"",
    "not increasing~   x.svm~  " + GOOD + "1 4:1 2:1~     ~   x.svm, line 3: feature index 2 does not increase on the index 4 before it in token \"2:1\"",
    "duplicate index~  x.svm~  " + GOOD + "1 2:1 2:3~     ~   x.svm, line 3: feature index 2 appears twice, again in token \"2:3\"",
    "value not number~ x.svm~  " + GOOD + "1 2:abc~       ~   x.svm, line 3: value \"abc\" is not a number in token \"2:abc\"",
    "NaN value~        x.svm~  " + GOOD + "1 2:NaN~       ~   x.svm, line 3: value \"NaN\" is not a finite number in token \"2:NaN\"",
    "infinite label~   x.svm~  " + GOOD + "-Infinity 2:1~ ~   x.svm, line 3: label -Infinity is not a finite number",
    "label for loss~   x.svm~  " + GOOD + "3 2:1~         ~   x.svm, line 3: label 3 is neither 0/1 nor -1/+1; pass --positive-label to name the positive class",
    "above features~   x.svm~  " + GOOD + "1 2:1 9:1~     --num-features=8~ x.svm, line 3: feature index 9 is above numFeatures 8 in token \"9:1\"",
    "empty input~      e.svm~  ~                          ~   e.svm contains no rows",
    "only comments~    c.svm~  # nothing|~                ~   c.svm contains no rows",
    "csv cell~         x.csv~  " + CSV + "5,six,1~        ~   x.csv, line 4, column \"b\": \"six\" is not a number",
    "csv NaN~          x.csv~  " + CSV + "5,NaN,1~        ~   x.csv, line 4, column \"b\": \"NaN\" is not a finite number",
    "csv Infinity~     x.csv~  " + CSV + "Infinity,1,1~   ~   x.csv, line 4, column \"a\": \"Infinity\" is not a finite number",
    "csv ragged~       x.csv~  " + CSV + "5,6,1,7~        ~   x.csv, line 4: the line has 4 cells where the header has 3",
    "csv label~        x.csv~  " + CSV + "5,6,2~          ~   x.csv, line 4, column \"label\": label 2 is neither 0/1 nor -1/+1; pass --positive-label to name the positive class",
    "csv no label col~ x.csv~  " + CSV + "~               --label-col=y~ x.csv has no label column \"y\"; its columns are a, b, label",
    "csv header only~  h.csv~  a,b,label|~                ~   h.csv contains no rows",
  })
  void badInputExitsTwoWithItsLocation(String what, String file, String content, String flags,
      String message) throws IOException {
    Path data = tmp.resolve(file);
    Files.writeString(data, content == null ? "" : content.replace('|', '\n'));
    Path out = tmp.resolve("out");
    List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--loss",
        "logistic", "--output", out.toString()));
    if (flags != null) {
      String[] kv = flags.split("=", 2);
      args.addAll(List.of(kv[0], kv[1]));
    }
    CliRun r = CliRun.of(args.toArray(new String[0]));
    assertEquals(2, r.exitCode(), what + ": " + r);
    assertEquals("descent: " + message, r.err().strip(), what);
    assertFalse(Files.exists(out), what + ": no output");
  }
}
