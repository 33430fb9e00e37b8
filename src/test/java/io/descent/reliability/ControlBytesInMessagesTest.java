package io.descent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.PrintableText;
import io.descent.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bytes of a binary or hostile input quoted in a message are printed as escapes, never raw. */
class ControlBytesInMessagesTest {
  @TempDir Path tmp;

  @Test
  void controlCharactersAndBidiOverridesAreEscaped() {
    assertEquals("a\\x01b\\x1b[31m\\x7f\\x9b\\u202ez", PrintableText.of("a\u0001b\u001b[31m\u007f\u009b\u202ez", false));
    assertEquals("two\nlines\tkept", PrintableText.of("two\nlines\tkept", true));
    assertEquals("one\\x0aline", PrintableText.of("one\nline", false));
    String plain = "plain é 中 text";
    assertEquals(plain, PrintableText.of(plain, false));
  }

  @Test
  void aTerminalEscapeInTheDataIsPrintedEscaped() throws IOException {
    Path data = Files.write(tmp.resolve("ctl.svm"),
        "1 1:0.5\u0001\u0002\u001b[31m 2:1\n0 1:1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    CliRun r = CliRun.of("train", "--data", data.toString(), "--loss", "logistic", "--output",
        tmp.resolve("m").toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("ctl.svm, line 1: value \"0.5\\x01\\x02\\x1b[31m\" is not a number"),
        r.err());
    assertTrue(r.err().chars().noneMatch(c -> c < 0x20 && c != '\n'), "raw control bytes: " + r.err());
  }

  @Test
  void aBinaryFileGivenAsDataPrintsNoRawBytes() throws IOException {
    byte[] bytes = new byte[600];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 37 + 11);
    }
    Path data = Files.write(tmp.resolve("binary.svm"), bytes);
    CliRun r = CliRun.of("train", "--data", data.toString(), "--loss", "logistic", "--output",
        tmp.resolve("m").toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().startsWith("descent: binary.svm, line "), r.err());
    assertTrue(r.err().chars().noneMatch(c -> (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f)),
        "raw control bytes: " + r.err());
  }
}
