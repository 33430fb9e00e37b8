package io.descent.data.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/** Opens an input file for reading lines on the driver, decompressing .gz and the like. */
public final class TextFiles {
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  private TextFiles() {}

  /** Lines of the file; a read error ends them early and is kept ({@link LineReader#readFailure}). */
  public static LineReader open(Path path, Configuration conf) throws IOException {
    InputStream in = path.getFileSystem(conf).open(path);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
    if (codec != null) {
      in = codec.createInputStream(in);
    }
    return LineReader.of(in);
  }

  /** A line's text and 1-based number. */
  record NumberedLine(String text, long number) {}

  /**
   * The first non-blank line (the CSV header), or null for a file without one. A UTF-8
   * byte-order mark, which spreadsheet tools write first, is not part of the text.
   */
  static NumberedLine firstNonBlankLine(Path path, Configuration conf) throws IOException {
    try (BufferedReader r = open(path, conf)) {
      long number = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        number++;
        if (number == 1 && line.startsWith(BYTE_ORDER_MARK)) {
          line = line.substring(1);
        }
        if (!CsvLineRules.isBlank(line)) {
          return new NumberedLine(line, number);
        }
      }
      return null;
    }
  }
}
