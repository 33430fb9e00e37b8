package io.descent;

/**
 * Text from the input made safe to print on a terminal: control characters (C0, DEL, C1)
 * and the bidirectional overrides are written as escapes, so a binary file quoted in an error
 * cannot move the cursor, recolour the terminal or reorder the line it is printed in.
 */
public final class PrintableText {
  private PrintableText() {}

  /** {@code text} with every unsafe character escaped; line breaks kept when {@code lines}. */
  public static String of(String text, boolean lines) {
    StringBuilder s = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unsafe = (c < 0x20 && !(lines && (c == '\n' || c == '\t')))
          || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
          || (c >= 0x2066 && c <= 0x2069);
      if (unsafe && s == null) {
        s = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (s != null) {
        if (unsafe) {
          s.append(c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
        } else {
          s.append(c);
        }
      }
    }
    return s == null ? text : s.toString();
  }
}
