package io.descent.reliability;

import java.util.List;
import java.util.Random;

/**
 * Damages a valid text input the ways upstream pipelines do: a character replaced, inserted
 * or deleted, a token dropped or duplicated, a line truncated or doubled, NaN and Inf
 * values, stray separators, a header mangled. For CSV, also the dialects of real tools
 * ({@link #csvDialect}). Seeded, so every case can be replayed.
 */
final class InputCorruptor {
  private static final String[] JUNK = {"NaN", "nan", "Infinity", "-Inf", "1e999", "abc", "",
      " ", ":", "::", "0:1", "-3:2", "1:", ":5", ",", ",,", "\"", "\t", "#", "2", "-1", "1.5",
      "1e-320", "0x1F", "+", "999999999999:1"};

  private final Random rnd;

  InputCorruptor(long seed) {
    this.rnd = new Random(seed);
  }

  /** One corruption of {@code lines} (a copy); returns a short description in {@code what[0]}. */
  List<String> corrupt(List<String> lines, String[] what) {
    List<String> out = new java.util.ArrayList<>(lines);
    int i = rnd.nextInt(out.size());
    String line = out.get(i);
    switch (rnd.nextInt(9)) {
      case 0: {
        int p = line.isEmpty() ? 0 : rnd.nextInt(line.length());
        out.set(i, line.substring(0, p) + randomChar() + (line.isEmpty() ? "" : line.substring(p + 1)));
        what[0] = "replace char on line " + (i + 1);
        break;
      }
      case 1: {
        int p = rnd.nextInt(line.length() + 1);
        out.set(i, line.substring(0, p) + randomChar() + line.substring(p));
        what[0] = "insert char on line " + (i + 1);
        break;
      }
      case 2: {
        String[] tok = line.split("[ ,]", -1);
        int t = rnd.nextInt(tok.length);
        tok[t] = JUNK[rnd.nextInt(JUNK.length)];
        out.set(i, String.join(line.contains(",") ? "," : " ", tok));
        what[0] = "junk token on line " + (i + 1);
        break;
      }
      case 3:
        out.set(i, line.substring(0, rnd.nextInt(line.length() + 1)));
        what[0] = "truncate line " + (i + 1);
        break;
      case 4:
        out.add(i, line);
        what[0] = "duplicate line " + (i + 1);
        break;
      case 5:
        out.remove(i);
        if (out.isEmpty()) {
          out.add("");
        }
        what[0] = "delete line " + (i + 1);
        break;
      case 6:
        out.set(i, line + (line.contains(",") ? ",7" : " 1:1"));
        what[0] = "extra field on line " + (i + 1);
        break;
      case 7:
        out.subList(rnd.nextInt(out.size()), out.size()).clear();
        if (out.isEmpty()) {
          out.add("");
        }
        what[0] = "file cut short";
        break;
      default:
        out.set(i, line.replaceFirst("[0-9.]+", JUNK[rnd.nextInt(JUNK.length)]));
        what[0] = "junk number on line " + (i + 1);
    }
    return out;
  }

  /** A CSV file's text as a tool wrote it, the separator it uses, and what was done. */
  record Dialect(String text, char separator, String what) {}

  private static final char[] SEPARATORS = {',', ',', ';', '\t', '|'};

  /**
   * {@code lines} (a valid CSV with a header, commas between cells, no quotes), sometimes
   * corrupted first, then written as some tool might: another separator, cells in quotes
   * (a separator or a stray quote inside some), a separator closing every line, no header,
   * a header name twice, a byte-order mark, CRLF line ends.
   */
  Dialect csvDialect(List<String> lines, String[] what) {
    List<String> done = new java.util.ArrayList<>();
    List<String> out;
    if (rnd.nextInt(3) == 0) {
      out = corrupt(lines, what);
      done.add(what[0]);
    } else {
      out = new java.util.ArrayList<>(lines);
    }
    char sep = SEPARATORS[rnd.nextInt(SEPARATORS.length)];
    if (sep != ',') {
      out.replaceAll(l -> l.replace(',', sep));
      done.add("separator " + (sep == '\t' ? "tab" : String.valueOf(sep)));
    }
    if (rnd.nextInt(4) == 0) {
      out.replaceAll(l -> quoteSome(l, sep));
      done.add("quoted cells");
    }
    if (rnd.nextInt(10) == 0 && !out.isEmpty()) {
      int i = rnd.nextInt(out.size());
      String l = out.get(i);
      int p = rnd.nextInt(l.length() + 1);
      out.set(i, l.substring(0, p) + '"' + l.substring(p));
      done.add("stray quote on line " + (i + 1));
    }
    if (rnd.nextInt(4) == 0) {
      int skip = rnd.nextInt(5) == 0 ? rnd.nextInt(out.size()) : -1;
      for (int i = 0; i < out.size(); i++) {
        if (i != skip) {
          out.set(i, out.get(i) + sep);
        }
      }
      done.add(skip < 0 ? "trailing separator" : "trailing separator but on line " + (skip + 1));
    }
    if (rnd.nextInt(8) == 0 && out.size() > 1) {
      out.remove(0);
      done.add("no header");
    } else if (rnd.nextInt(10) == 0) {
      String[] names = out.get(0).split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1);
      names[rnd.nextInt(names.length)] = names[rnd.nextInt(names.length)];
      out.set(0, String.join(String.valueOf(sep), names));
      done.add("a header name twice");
    }
    StringBuilder text = new StringBuilder();
    if (rnd.nextInt(5) == 0) {
      text.append('\uFEFF');
      done.add("BOM");
    }
    String eol = rnd.nextInt(3) == 0 ? "\r\n" : "\n";
    if (eol.length() == 2) {
      done.add("CRLF");
    }
    out.forEach(l -> text.append(l).append(eol));
    return new Dialect(text.toString(), sep, done.isEmpty() ? "plain" : String.join(", ", done));
  }

  /** Some cells of a line in double quotes; now and then one holding the separator too. */
  private String quoteSome(String line, char sep) {
    String[] cells = line.split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1);
    for (int j = 0; j < cells.length; j++) {
      if (rnd.nextBoolean()) {
        cells[j] = "\"" + cells[j] + (rnd.nextInt(20) == 0 ? sep + "1" : "") + "\"";
      }
    }
    return String.join(String.valueOf(sep), cells);
  }

  private char randomChar() {
    String chars = "0123456789.-+eE:, \tabcxyz#\"";
    return chars.charAt(rnd.nextInt(chars.length()));
  }
}
