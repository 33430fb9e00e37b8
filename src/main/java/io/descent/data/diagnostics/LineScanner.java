package io.descent.data.diagnostics;

import io.descent.data.row.RowProblem;
import io.descent.data.source.InputFiles;
import io.descent.data.source.InputFiles.InputFile;
import io.descent.data.source.LineRules;
import io.descent.data.source.LineReader;
import io.descent.data.source.TextFiles;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's sequential reading of a text input file, the one place that knows physical
 * line numbers (1-based; blank, comment and header lines count). Used only after something
 * went wrong, to say where.
 */
final class LineScanner {
  /**
   * What a scan found: the row lines read, the first bad line (0 and null when none) and the
   * line of the row asked for (0 when the file has fewer rows).
   */
  record FileScan(long rows, long problemLine, RowProblem problem, long targetLine) {}

  private final LineRules rules;
  private final Configuration conf;
  private final boolean check;

  /** {@code check} false only counts rows, for finding the line of a row known to be good. */
  LineScanner(LineRules rules, Configuration conf, boolean check) {
    this.rules = rules;
    this.conf = conf;
    this.check = check;
  }

  /**
   * Reads {@code file} until its first bad row line, or until 0-based row {@code targetRow}
   * has been checked ({@code -1}: to the end). A read error counts as a problem at the line
   * being read.
   */
  FileScan scan(InputFile file, long targetRow) {
    rules.startFile();
    long line = 0;
    long rows = 0;
    try (LineReader r = TextFiles.open(file.path(), conf)) {
      for (String text = r.readLine(); text != null; text = r.readLine()) {
        line++;
        if (!rules.isRow(text)) {
          continue;
        }
        RowProblem p = check ? rules.problem(text) : null;
        if (p != null) {
          if (r.readFailure() != null && r.readLine() == null) {
            // The last line before a cut is a fragment: the cut is the problem, not its text.
            return new FileScan(rows, line, unreadable(r.readFailure()), 0);
          }
          return new FileScan(rows, line, p, 0);
        }
        if (rows == targetRow) {
          return new FileScan(rows + 1, 0, null, line);
        }
        rows++;
      }
      if (r.readFailure() != null) {
        return new FileScan(rows, line + 1, unreadable(r.readFailure()), 0);
      }
      return new FileScan(rows, 0, null, 0);
    } catch (IOException | java.io.UncheckedIOException e) {
      return new FileScan(rows, line + 1, unreadable(e), 0);
    }
  }

  private static RowProblem unreadable(Exception e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new RowProblem(null, "the file cannot be read: " + why);
  }
}
