package io.descent.testing;

import io.descent.block.Block;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Blocks for pure tests: random ones, and real LIBSVM files parsed plainly (no Spark). */
public final class TestBlocks {
  private TestBlocks() {}

  /** A random dense block with labels from {@code labelOf}. */
  public static Block randomDense(Random rnd, int n, int d, double[] labels, boolean weighted) {
    double[] v = new double[n * d];
    for (int i = 0; i < v.length; i++) {
      v[i] = rnd.nextGaussian();
    }
    return Block.dense(d, labels, weighted ? weights(rnd, n) : null, v);
  }

  /** The same rows as a dense block, stored as CSR (zeros dropped). */
  public static Block toSparse(Block dense) {
    int n = dense.numRows();
    int d = dense.numFeatures();
    int[] start = new int[n + 1];
    List<Integer> idx = new ArrayList<>();
    List<Double> val = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < d; j++) {
        double x = dense.values()[r * d + j];
        if (x != 0) {
          idx.add(j);
          val.add(x);
        }
      }
      start[r + 1] = idx.size();
    }
    return Block.sparse(d, dense.labels(), dense.weights(), start,
        idx.stream().mapToInt(Integer::intValue).toArray(),
        val.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** A dense block with about half of its entries zero, so CSR differs from dense. */
  public static Block randomHalfZero(Random rnd, int n, int d, double[] labels, boolean weighted) {
    Block b = randomDense(rnd, n, d, labels, weighted);
    double[] v = b.values();
    for (int i = 0; i < v.length; i++) {
      if (rnd.nextBoolean()) {
        v[i] = 0;
      }
    }
    return b;
  }

  /** The same rows stored as floats (each value rounded to the nearest float). */
  public static Block toFloat(Block b) {
    double[] v = b.values();
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return b.isSparse()
        ? Block.sparseFloat(b.numFeatures(), b.labels(), b.weights(), b.rowStart(), b.indices(), f)
        : Block.denseFloat(b.numFeatures(), b.labels(), b.weights(), f);
  }

  /** The double block of a float block's values: what the float kernels must agree with. */
  public static Block widened(Block f) {
    double[] v = new double[f.storedValues()];
    for (int i = 0; i < v.length; i++) {
      v[i] = f.floatValues()[i];
    }
    return f.isSparse()
        ? Block.sparse(f.numFeatures(), f.labels(), f.weights(), f.rowStart(), f.indices(), v)
        : Block.dense(f.numFeatures(), f.labels(), f.weights(), v);
  }

  private static double[] weights(Random rnd, int n) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = 0.5 + rnd.nextDouble();
    }
    return w;
  }

  /**
   * Reads a LIBSVM file into CSR blocks of at most {@code rowsPerBlock} rows, with labels
   * passed through {@code mapLabel}; d is the largest index seen unless larger is given.
   */
  public static List<Block> libsvm(Path file, int rowsPerBlock, java.util.function.DoubleUnaryOperator mapLabel) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<double[]> labels = new ArrayList<>();
    List<int[]> idx = new ArrayList<>();
    List<double[]> val = new ArrayList<>();
    int d = 0;
    for (String line : lines) {
      String t = line.trim();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String[] tok = t.split("\\s+");
      int[] ii = new int[tok.length - 1];
      double[] vv = new double[tok.length - 1];
      for (int k = 1; k < tok.length; k++) {
        String[] kv = tok[k].split(":");
        ii[k - 1] = Integer.parseInt(kv[0]) - 1;
        vv[k - 1] = Double.parseDouble(kv[1]);
        d = Math.max(d, ii[k - 1] + 1);
      }
      labels.add(new double[] {mapLabel.applyAsDouble(Double.parseDouble(tok[0]))});
      idx.add(ii);
      val.add(vv);
    }
    List<Block> blocks = new ArrayList<>();
    for (int from = 0; from < labels.size(); from += rowsPerBlock) {
      int to = Math.min(labels.size(), from + rowsPerBlock);
      int n = to - from;
      int nnz = 0;
      for (int r = from; r < to; r++) {
        nnz += idx.get(r).length;
      }
      int[] start = new int[n + 1];
      int[] ii = new int[nnz];
      double[] vv = new double[nnz];
      double[] y = new double[n];
      int p = 0;
      for (int r = from; r < to; r++) {
        y[r - from] = labels.get(r)[0];
        System.arraycopy(idx.get(r), 0, ii, p, idx.get(r).length);
        System.arraycopy(val.get(r), 0, vv, p, val.get(r).length);
        p += idx.get(r).length;
        start[r - from + 1] = p;
      }
      blocks.add(Block.sparse(d, y, null, start, ii, vv));
    }
    return blocks;
  }
}
