package io.descent.store;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * Doubles as little-endian bytes, streamed in chunks so that a 10⁷-long vector never has a
 * second copy in memory, with a CRC32C of everything written or read.
 */
final class DoubleArrays {
  private static final int CHUNK = 8192;

  private DoubleArrays() {}

  static void write(double[] v, OutputStream out, Checksum crc) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(CHUNK * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (int from = 0; from < v.length; from += CHUNK) {
      buf.clear();
      int to = Math.min(v.length, from + CHUNK);
      for (int i = from; i < to; i++) {
        buf.putDouble(v[i]);
      }
      out.write(buf.array(), 0, buf.position());
      crc.update(buf.array(), 0, buf.position());
    }
  }

  static double[] read(DataInputStream in, int length, Checksum crc) throws IOException {
    double[] v = new double[length];
    byte[] bytes = new byte[CHUNK * 8];
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int from = 0; from < length; from += CHUNK) {
      int to = Math.min(length, from + CHUNK);
      int n = (to - from) * 8;
      in.readFully(bytes, 0, n);
      crc.update(bytes, 0, n);
      buf.clear();
      for (int i = from; i < to; i++) {
        v[i] = buf.getDouble();
      }
    }
    return v;
  }

  /** True when the stream has no byte left (a longer file than declared is corrupt too). */
  static boolean atEnd(InputStream in) throws IOException {
    return in.read() < 0;
  }

  static CRC32C crc() {
    return new CRC32C();
  }

  static void requireEnd(InputStream in) throws IOException {
    if (!atEnd(in)) {
      throw new EOFException("trailing bytes after the declared vectors");
    }
  }
}
