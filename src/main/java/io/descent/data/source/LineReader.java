package io.descent.data.source;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads the lines of a possibly truncated file up to the point of failure. A decoder reads
 * ahead by thousands of bytes, and a read error in that read-ahead would discard every line
 * it had already decoded (a cut .gz was blamed on line 1 though 101 lines came before the
 * cut). Here a failed read ends the stream instead; {@link #readFailure()} says it was cut.
 */
public final class LineReader extends BufferedReader {
  private final FailureLatch latch;

  private LineReader(FailureLatch latch) {
    super(new InputStreamReader(latch, StandardCharsets.UTF_8), 1 << 16);
    this.latch = latch;
  }

  static LineReader of(InputStream in) {
    return new LineReader(new FailureLatch(in));
  }

  /** The error that ended the stream early, or null when it ended normally (so far). */
  public IOException readFailure() {
    return latch.failure;
  }

  /** Turns the first read error into the end of the stream, and remembers it. */
  private static final class FailureLatch extends FilterInputStream {
    private IOException failure;

    FailureLatch(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (failure != null) {
        return -1;
      }
      try {
        return in.read(b, off, len);
      } catch (IOException e) {
        failure = e;
        return -1;
      }
    }

    @Override
    public int available() throws IOException {
      return failure != null ? 0 : in.available();
    }
  }
}
