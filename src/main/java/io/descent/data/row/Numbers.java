package io.descent.data.row;

import io.descent.PrintableText;

/** How numbers and cell texts are written into error messages. */
public final class Numbers {
  private static final int MAX_QUOTED = 60;

  private Numbers() {}

  /** 2.0 as "2", 0.5 as "0.5": labels read as the user wrote them. */
  public static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /** The text in double quotes, shortened when long so the message stays one line. */
  public static String quote(String text) {
    String t = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED - 3) + "..." : text;
    return "\"" + PrintableText.of(t, false) + "\"";
  }
}
