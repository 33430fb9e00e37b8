package io.descent.data.source;

import io.descent.BadInputException;
import io.descent.data.row.RowChecks;
import io.descent.data.source.InputFiles.InputFile;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The header line that every non-empty file of a CSV input shares, as real tools write it,
 * checked before any job runs: a byte-order mark is dropped; names must be unique; unnamed
 * columns at the end (a separator closing every line) are kept for the cell count but are no
 * column; a header that is all numbers is data (the file has no header); and a header of one
 * column holding another separator names the separator the file probably uses.
 */
final class CsvHeader {
  /** Separators a one-column header may reveal, in the order a tie is resolved. */
  private static final String LIKELY_SEPARATORS = "\t;|,";

  private final String[] cells;
  private final int named;
  private final char separator;
  private final String fileName;

  private CsvHeader(String[] cells, int named, char separator, String fileName) {
    this.cells = cells;
    this.named = named;
    this.separator = separator;
    this.fileName = fileName;
  }

  /** Reads and checks the header of {@code files}; every problem names the file and line. */
  static CsvHeader read(InputFiles files, Configuration conf, char separator) {
    String[] header = null;
    InputFile first = null;
    long firstLine = 0;
    for (InputFile f : files.files()) {
      TextFiles.NumberedLine line;
      try {
        line = TextFiles.firstNonBlankLine(f.path(), conf);
      } catch (IOException e) {
        throw new BadInputException(f.display() + " cannot be read: " + e.getMessage(), e);
      }
      if (line == null) {
        continue;
      }
      String[] names = CsvLineSplitter.split(line.text(), separator);
      if (header == null) {
        header = names;
        first = f;
        firstLine = line.number();
      } else if (!Arrays.equals(header, names)) {
        throw new BadInputException(f.display() + ", line " + line.number()
            + ": the header differs from the header of " + first.display());
      }
    }
    if (header == null) {
      throw new BadInputException(files.display() + " contains no rows");
    }
    return check(header, separator, first.display() + ", line " + firstLine, first.display());
  }

  /** Names taken as they are, without the checks: for tests of the column roles. */
  static CsvHeader unchecked(String[] cells, String fileName) {
    return new CsvHeader(cells.clone(), cells.length, CsvSeparator.DEFAULT, fileName);
  }

  /** {@code where} is "file, line N": the header's place, for messages. */
  static CsvHeader check(String[] cells, char separator, String where, String fileName) {
    refuseOtherSeparator(cells, separator, where);
    int named = cells.length;
    while (named > 1 && cells[named - 1].isEmpty()) {
      named--;
    }
    refuseNumbers(cells, named, separator, where);
    refuseDuplicates(cells, named, where);
    return new CsvHeader(cells.clone(), named, separator, fileName);
  }

  /** One column whose name holds a likely separator: the file uses that one, not ours. */
  private static void refuseOtherSeparator(String[] cells, char separator, String where) {
    if (cells.length != 1) {
      return;
    }
    char likely = 0;
    long most = 0;
    for (char c : LIKELY_SEPARATORS.toCharArray()) {
      long count = cells[0].chars().filter(x -> x == c).count();
      if (c != separator && count > most) {
        likely = c;
        most = count;
      }
    }
    if (likely != 0) {
      String flag = likely == '\t' ? "'\\t'" : "'" + likely + "'";
      throw new BadInputException(where + ": the header is one column, " + quote(cells[0])
          + ", which holds " + (likely == '\t' ? "tabs" : "'" + likely + "'") + " and no '"
          + CsvSeparator.display(separator) + "': the file is probably separated by "
          + (likely == '\t' ? "tabs" : "'" + likely + "'") + "; pass --csv-separator " + flag);
    }
  }

  /** A header whose every cell is a number is almost surely the first row of data. */
  private static void refuseNumbers(String[] cells, int named, char separator, String where) {
    for (int j = 0; j < named; j++) {
      if (cells[j].isBlank() || RowChecks.parse(cells[j].trim()) == null) {
        return;
      }
    }
    throw new BadInputException(where + ": the header " + quote(String.join(
        String.valueOf(separator), Arrays.copyOf(cells, named))) + " is all numbers, so the"
        + " file seems to have no header line; a CSV's first line names its columns: add one"
        + " (the label column named \"label\", or passed with --label-col)");
  }

  private static void refuseDuplicates(String[] cells, int named, String where) {
    Map<String, Integer> seen = new HashMap<>();
    for (int j = 0; j < named; j++) {
      Integer before = seen.putIfAbsent(cells[j], j);
      if (before == null) {
        continue;
      }
      String columns = "columns " + (before + 1) + " and " + (j + 1);
      if (cells[j].isEmpty()) {
        throw new BadInputException(where + ": " + columns + " have no name; name every"
            + " column but empty ones at the end of the line");
      }
      throw new BadInputException(where + ": column " + quote(cells[j]) + " appears twice, as "
          + columns + "; rename one: with two, which one is meant"
          + " (the label or a feature) would be a guess");
    }
  }

  private static String quote(String text) {
    String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
    return "\"" + shown.replace("\t", "\\t") + "\"";
  }

  /** Every cell of the header line, unnamed ones at the end included: the cells of a row. */
  String[] cells() {
    return cells.clone();
  }

  /** How many columns have names: those before the unnamed ones at the end. */
  int named() {
    return named;
  }

  char separator() {
    return separator;
  }

  /** The first file with a header, as messages name it. */
  String fileName() {
    return fileName;
  }

  /** What the reader says once when it ignores unnamed columns at the end, else null. */
  String notice() {
    int unnamed = cells.length - named;
    if (unnamed == 0) {
      return null;
    }
    return fileName + ": " + (unnamed == 1 ? "the last column has" : "the last " + unnamed
        + " columns have") + " no name (a '" + CsvSeparator.display(separator) + "' at the end"
        + " of every line?); ignored";
  }
}
