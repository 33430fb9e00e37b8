package io.descent.data;

import io.descent.block.Block;
import io.descent.data.labels.LabelMapping;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Rows in one comparable text form, "label weight | index:value …" with 0-based indices and
 * zeros left out: from loaded blocks, and from a plain sequential parse of the source files.
 */
final class ReferenceRows {
  private ReferenceRows() {}

  /** The rows of blocks in order, labels mapped back to their original values. */
  static List<String> ofBlocks(List<Block> blocks, LabelMapping labels) {
    List<String> rows = new ArrayList<>();
    for (Block b : blocks) {
      int d = b.numFeatures();
      for (int r = 0; r < b.numRows(); r++) {
        StringBuilder s = new StringBuilder(row(labels.toOriginal(b.label(r)), b.weight(r)));
        if (b.isSparse()) {
          for (int k = b.rowStart()[r]; k < b.rowStart()[r + 1]; k++) {
            s.append(entry(b.indices()[k], b.values()[k]));
          }
        } else {
          for (int j = 0; j < d; j++) {
            s.append(entry(j, b.values()[r * d + j]));
          }
        }
        rows.add(s.toString());
      }
    }
    return rows;
  }

  /** A LIBSVM file (gzip when its name ends in .gz), parsed line by line. */
  static List<String> libsvm(Path file) throws IOException {
    List<String> rows = new ArrayList<>();
    try (BufferedReader r = reader(file)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String t = line.trim();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        String[] items = t.split("\\s+");
        StringBuilder s = new StringBuilder(row(Double.parseDouble(items[0]), 1));
        for (int k = 1; k < items.length; k++) {
          String[] iv = items[k].split(":");
          s.append(entry(Integer.parseInt(iv[0]) - 1, Double.parseDouble(iv[1])));
        }
        rows.add(s.toString());
      }
    }
    return rows;
  }

  /** A CSV file with a header; the label is column {@code labelColumn}, the rest features. */
  static List<String> csv(Path file, int labelColumn) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<String> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      StringBuilder s = new StringBuilder(row(Double.parseDouble(cells[labelColumn]), 1));
      int j = 0;
      for (int c = 0; c < cells.length; c++) {
        if (c != labelColumn) {
          s.append(entry(j++, Double.parseDouble(cells[c])));
        }
      }
      rows.add(s.toString());
    }
    return rows;
  }

  private static BufferedReader reader(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private static String row(double label, double weight) {
    return label + " " + weight + " |";
  }

  private static String entry(int index, double value) {
    return value == 0 ? "" : " " + index + ":" + value;
  }
}
