package io.descent.data.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.BadInputException;
import io.descent.DescentException;
import io.descent.ExitCodes;
import io.descent.data.labels.LabelPolicy;
import io.descent.data.source.InputFiles;
import io.descent.data.source.LibsvmLineRules;
import io.descent.testing.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a failure becomes when no task could say where it happened. */
class ProblemReporterTest {
  private final Configuration conf = new Configuration();

  @TempDir
  Path tmp;

  private ProblemReporter libsvm(Path file) {
    return new ProblemReporter(InputFiles.resolve(file.toString(), conf),
        new LibsvmLineRules(LabelPolicy.real(), null), conf);
  }

  @Test
  void aFailureOnGoodDataKeepsOnlyTheRootCauseSentence() {
    DescentException e = libsvm(Datasets.sample("heart_scale"))
        .readFailure(new RuntimeException("job aborted", new IllegalStateException("disk gone\n\tat x.y(Z)")));
    assertEquals(ExitCodes.FAILURE, e.exitCode());
    assertEquals("reading heart_scale failed: disk gone", e.getMessage());
  }

  @Test
  void aFailureOnBadDataIsLocatedByScanningTheFiles() throws IOException {
    Path f = Files.write(tmp.resolve("x.svm"), List.of("1 1:1", "", "1 2:1 1:1"));
    DescentException e = libsvm(f).readFailure(new RuntimeException("task failed"));
    assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
    assertEquals(BadInputException.class, e.getClass());
    assertEquals("x.svm, line 3: feature index 1 does not increase on the index 2 before it in token \"1:1\"",
        e.getMessage());
  }

  @Test
  void anUnreadableCompressedFileIsReportedAtTheLineWhereReadingStopped() throws IOException {
    Path f = Files.write(tmp.resolve("broken.gz"), new byte[] {31, -117, 8, 0, 1, 2, 3});
    DescentException e = libsvm(f).readFailure(new RuntimeException("task failed"));
    assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
    assertTrue(e.getMessage().startsWith("broken.gz, line 1: the file cannot be read: "), e.getMessage());
  }

  @Test
  void inputChangedDuringPackingSaysSo() {
    DescentException e = libsvm(Datasets.sample("heart_scale"))
        .packFailure(new RuntimeException("stage failed", new InputChangedException("rows 5 to 9 are missing")));
    assertEquals(ExitCodes.FAILURE, e.exitCode());
    assertEquals("heart_scale changed while it was being loaded (rows 5 to 9 are missing); load it again",
        e.getMessage());
  }
}
