package io.descent.data.source;

import io.descent.BadInputException;
import java.util.Locale;

/** The three input formats, and the rule that picks one from a file name. */
public enum InputFormat {
  LIBSVM, CSV, PARQUET;

  public static InputFormat named(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("format \"" + name + "\" is not one of libsvm, csv, parquet");
    }
  }

  /**
   * .csv is CSV and .parquet is Parquet, after dropping a compression suffix (so x.csv.gz is
   * CSV); anything else, a9a or a9a.gz included, is LIBSVM.
   */
  static InputFormat ofFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    for (String compressed : new String[] {".gz", ".bz2", ".deflate", ".lz4", ".snappy", ".zst"}) {
      if (name.endsWith(compressed)) {
        name = name.substring(0, name.length() - compressed.length());
        break;
      }
    }
    if (name.endsWith(".csv")) {
      return CSV;
    }
    if (name.endsWith(".parquet")) {
      return PARQUET;
    }
    return LIBSVM;
  }

  String lowerName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
