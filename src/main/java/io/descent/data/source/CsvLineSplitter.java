package io.descent.data.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into cells as Spark's CSV reader does: cells separated by one
 * character (a comma unless --csv-separator says otherwise), '"' quotes, and '\' or a doubled
 * quote escaping a quote inside quotes. The header line is split the same way.
 */
final class CsvLineSplitter {
  private CsvLineSplitter() {}

  static String[] split(String line) {
    return split(line, CsvSeparator.DEFAULT);
  }

  static String[] split(String line, char separator) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = 0;
    int n = line.length();
    while (true) {
      cell.setLength(0);
      if (i < n && line.charAt(i) == '"') {
        i++;
        while (i < n) {
          char c = line.charAt(i);
          if ((c == '\\' || c == '"') && i + 1 < n && line.charAt(i + 1) == '"') {
            cell.append('"');
            i += 2;
          } else if (c == '"') {
            i++;
            break;
          } else {
            cell.append(c);
            i++;
          }
        }
        while (i < n && line.charAt(i) != separator) {
          cell.append(line.charAt(i++)); // text after the closing quote stays in the cell
        }
      } else {
        while (i < n && line.charAt(i) != separator) {
          cell.append(line.charAt(i++));
        }
      }
      cells.add(cell.toString());
      if (i >= n) {
        return cells.toArray(new String[0]);
      }
      i++; // the separator
    }
  }
}
