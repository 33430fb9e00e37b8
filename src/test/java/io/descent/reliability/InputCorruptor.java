package io.descent.reliability;

import java.util.List;
import java.util.Random;

/**
 * Damages a valid text input the ways upstream pipelines do: a character replaced, inserted
 * or deleted, a token dropped or duplicated, a line truncated or doubled, NaN and Inf
 * values, stray separators, a header mangled. Seeded, so every case can be replayed.
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

  private char randomChar() {
    String chars = "0123456789.-+eE:, \tabcxyz#\"";
    return chars.charAt(rnd.nextInt(chars.length()));
  }
}
