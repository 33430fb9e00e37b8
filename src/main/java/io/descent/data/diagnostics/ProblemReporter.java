package io.descent.data.diagnostics;

import io.descent.BadInputException;
import io.descent.DescentException;
import io.descent.ExitCodes;
import io.descent.data.row.RowPosition;
import io.descent.data.row.RowProblem;
import io.descent.data.source.InputFiles;
import io.descent.data.source.InputFiles.InputFile;
import io.descent.data.source.LineRules;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * Turns what went wrong into one located sentence. Text formats are located by re-reading the
 * file on the driver with the same rules (tasks do not know line numbers); Parquet rows by
 * their row number in the file.
 */
public final class ProblemReporter {
  private final InputFiles files;
  /** Null for Parquet, which has no lines. */
  private final LineRules rules;
  private final Configuration conf;

  public ProblemReporter(InputFiles files, LineRules rules, Configuration conf) {
    this.files = files;
    this.rules = rules;
    this.conf = conf;
  }

  /** A bad row the scan job found: the first bad line of its file, or the row itself. */
  public BadInputException rowProblem(RowProblem problem, RowPosition at, SegmentTable segments) {
    InputFile file = files.file(segments.fileIndex(at));
    long row = segments.rowInFile(at);
    if (rules == null) {
      return new BadInputException(Locations.sentence(file.display(), "row", row + 1, problem));
    }
    LineScanner.FileScan scan = new LineScanner(rules, conf, true).scan(file, row);
    if (scan.problem() != null) {
      return new BadInputException(Locations.sentence(file.display(), "line", scan.problemLine(), scan.problem()));
    }
    return new BadInputException(Locations.sentence(file.display(), "line", scan.targetLine(), problem));
  }

  /** Dropped rows as located sentences: "file, line N: …" (text) or "file, row N: …" (Parquet). */
  public SkippedRecords skipped(long count, List<PartitionScan.SkippedRow> examples, SegmentTable segments) {
    List<String> located = new ArrayList<>();
    for (PartitionScan.SkippedRow s : examples) {
      InputFile file = files.file(segments.fileIndex(s.at()));
      long row = segments.rowInFile(s.at());
      if (rules == null) {
        located.add(Locations.sentence(file.display(), "row", row + 1, s.problem()));
      } else {
        long line = new LineScanner(rules, conf, false).scan(file, row).targetLine();
        located.add(Locations.sentence(file.display(), "line", line, s.problem()));
      }
    }
    return new SkippedRecords(count, located);
  }

  /** Where a good row is: "file, line N" (text) or "file, row N" (Parquet). */
  public String where(RowPosition at, SegmentTable segments) {
    InputFile file = files.file(segments.fileIndex(at));
    long row = segments.rowInFile(at);
    if (rules == null) {
      return file.display() + ", row " + (row + 1);
    }
    return file.display() + ", line " + new LineScanner(rules, conf, false).scan(file, row).targetLine();
  }

  /** A label rule broken by the row at {@code at}, or by the labels as a whole (null). */
  public BadInputException labelProblem(String message, RowPosition at, String labelColumn,
      SegmentTable segments) {
    if (at == null) {
      return new BadInputException(files.display() + ": " + message);
    }
    InputFile file = files.file(segments.fileIndex(at));
    long row = segments.rowInFile(at);
    RowProblem problem = new RowProblem(labelColumn, message);
    if (rules == null) {
      return new BadInputException(Locations.sentence(file.display(), "row", row + 1, problem));
    }
    long line = new LineScanner(rules, conf, false).scan(file, row).targetLine();
    return new BadInputException(Locations.sentence(file.display(), "line", line, problem));
  }

  /**
   * Spark failed while reading (its LIBSVM parser throws on a malformed line): the first bad
   * line of the input, or "contains no rows", or, when the data is not to blame, the cause.
   */
  public DescentException readFailure(Throwable failure) {
    if (rules == null) {
      return new BadInputException(files.display() + " cannot be read as Parquet: "
          + rootMessage(failure), failure);
    }
    LineScanner scanner = new LineScanner(rules, conf, true);
    long rows = 0;
    for (InputFile file : files.files()) {
      LineScanner.FileScan scan = scanner.scan(file, -1);
      if (scan.problem() != null) {
        return new BadInputException(Locations.sentence(file.display(), "line", scan.problemLine(),
            scan.problem()), failure);
      }
      rows += scan.rows();
    }
    if (rows == 0) {
      return new BadInputException(files.display() + " contains no rows", failure);
    }
    return new DescentException(ExitCodes.FAILURE, "reading " + files.display() + " failed: "
        + rootMessage(failure), failure);
  }

  /** The packing job failed: the input changed under it, or something else broke. */
  public DescentException packFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InputChangedException) {
        return new DescentException(ExitCodes.FAILURE, files.display()
            + " changed while it was being loaded (" + t.getMessage() + "); load it again", failure);
      }
    }
    return new DescentException(ExitCodes.FAILURE, "packing " + files.display() + " failed: "
        + rootMessage(failure), failure);
  }

  /** The first line of the innermost cause's message: Spark's wrapping and stack trace dropped. */
  public static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    if (m == null || m.isBlank()) {
      return root.getClass().getSimpleName();
    }
    return m.strip().lines().findFirst().orElse(m);
  }
}
