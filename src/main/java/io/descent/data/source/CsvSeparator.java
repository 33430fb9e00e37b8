package io.descent.data.source;

import io.descent.BadInputException;

/**
 * The --csv-separator flag: one character between the cells of a CSV line, "," unless told.
 * Written as the character itself, or as {@code \t} or {@code tab}, since a tab is hard to
 * pass on a command line. Quotes, backslashes and line ends are refused: they already mean
 * something to the CSV reader.
 */
public final class CsvSeparator {
  public static final char DEFAULT = ',';

  private CsvSeparator() {}

  /** The separator {@code text} names; {@code origin} (flag or file and key) is for the error. */
  public static char parse(String text, String origin) {
    if (text == null || text.isEmpty()) {
      return DEFAULT;
    }
    if (text.equals("\\t") || text.equalsIgnoreCase("tab")) {
      return '\t';
    }
    if (text.length() != 1 || "\"\\\r\n".indexOf(text.charAt(0)) >= 0) {
      throw new BadInputException(origin + ": \"" + text + "\" is not a CSV separator: give one"
          + " character other than a quote, a backslash or a line end (\\t or tab for a tab).");
    }
    return text.charAt(0);
  }

  /** How messages and model.json write it back: a tab as \t, anything else as itself. */
  public static String display(char separator) {
    return separator == '\t' ? "\\t" : String.valueOf(separator);
  }
}
