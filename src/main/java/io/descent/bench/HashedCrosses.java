package io.descent.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;

/**
 * A high-dimensional LIBSVM file built from a small one: every pair (i, j), i ≤ j, of a row's
 * features becomes one feature x_i·x_j hashed into 2^bits buckets (the pairs i = j are the
 * squares, which for binary features are the original features), values of colliding pairs
 * added. The hash is a fixed 64-bit mix of (i, j), so the file is the same on every run and
 * machine. From a9a (123 binary features, about 14 a row) and 20 bits: about 103 non-zeros a
 * row, d = 2^20, of which only the buckets of pairs that occur (5,424) are ever non-zero —
 * the shape of hashed feature crosses in click data. The output is a generated file (target/
 * or /tmp), never committed.
 *
 * <pre>
 * java -cp target/classes io.descent.bench.HashedCrosses IN OUT [BITS]
 * </pre>
 */
public final class HashedCrosses {
  private HashedCrosses() {}

  /** What was written: rows, the dimension 2^bits, and the buckets that are ever non-zero. */
  public record Summary(long rows, int dimension, int occupiedBuckets, long nonZeros) {}

  public static void main(String[] args) throws IOException {
    int bits = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    System.out.println(write(Path.of(args[0]), Path.of(args[1]), bits));
  }

  /** Writes OUT from IN (LIBSVM, 1-based indices); replaces OUT. */
  public static Summary write(Path in, Path out, int bits) {
    if (bits < 1 || bits > 30) {
      throw new IllegalArgumentException("bits must be in 1..30, not " + bits);
    }
    int dim = 1 << bits;
    BitSet occupied = new BitSet(dim);
    long rows = 0;
    long nnz = 0;
    try {
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
      try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.US_ASCII);
          BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
        StringBuilder line = new StringBuilder();
        String s;
        while ((s = r.readLine()) != null) {
          String[] tok = s.trim().split("\\s+");
          if (tok.length == 0 || tok[0].isEmpty()) {
            continue;
          }
          int n = tok.length - 1;
          long[] idx = new long[n];
          double[] val = new double[n];
          for (int k = 0; k < n; k++) {
            int colon = tok[k + 1].indexOf(':');
            idx[k] = Long.parseLong(tok[k + 1].substring(0, colon));
            val[k] = Double.parseDouble(tok[k + 1].substring(colon + 1));
          }
          int pairs = n * (n + 1) / 2;
          long[] keyed = new long[pairs];
          double[] pv = new double[pairs];
          int p = 0;
          for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
              int bucket = bucket(Math.min(idx[a], idx[b]), Math.max(idx[a], idx[b]), bits);
              // Sort by bucket, keep the pair's position as a tie-break: a fixed order of sums.
              keyed[p] = ((long) bucket << 32) | p;
              pv[p] = val[a] * val[b];
              p++;
            }
          }
          Arrays.sort(keyed);
          line.setLength(0);
          line.append(tok[0]);
          int k = 0;
          while (k < pairs) {
            int bucket = (int) (keyed[k] >>> 32);
            double sum = 0;
            while (k < pairs && (int) (keyed[k] >>> 32) == bucket) {
              sum += pv[(int) keyed[k]];
              k++;
            }
            if (sum != 0) {
              line.append(' ').append(bucket + 1).append(':').append(sum);
              occupied.set(bucket);
              nnz++;
            }
          }
          w.write(line.toString());
          w.newLine();
          rows++;
        }
      }
      Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Summary(rows, dim, occupied.cardinality(), nnz);
  }

  /** The bucket of the pair (i, j), i ≤ j: a 64-bit finalizer (MurmurHash3's fmix64) of both. */
  static int bucket(long i, long j, int bits) {
    long h = (i << 32) ^ j ^ 0x9E3779B97F4A7C15L;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB93E1A85EC53L;
    h ^= h >>> 33;
    return (int) (h >>> (64 - bits));
  }
}
