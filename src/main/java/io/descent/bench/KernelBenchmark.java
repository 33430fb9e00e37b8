package io.descent.bench;

import dev.ludovic.netlib.blas.BLAS;
import io.descent.block.Block;
import io.descent.loss.BlockObjective;
import io.descent.loss.Loss;
import io.descent.loss.LossKind;
import io.descent.loss.ParamLayout;
import io.descent.loss.PassAccumulator;
import io.descent.loss.PassRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * One thread, no Spark: seconds per pass of the logistic loss-and-gradient kernels over
 * blocks that do not fit in cache. Dense: two BLAS dgemv sweeps per block against the fused
 * one-sweep loop. CSR: the block kernels against a per-row loop over one small array pair
 * per row (the layout of an RDD of sparse vectors). Then, over the same blocks, what tron's
 * passes cost against the gradient pass: the Hessian-vector product (logistic and softmax)
 * and the gradient with the Hessian's diagonal. Prints which BLAS netlib picked.
 *
 * <pre>java [flags] -cp ... io.descent.bench.KernelBenchmark [DENSE_ROWS] [SPARSE_ROWS]</pre>
 */
public final class KernelBenchmark {
  private static final Loss LOSS = LossKind.LOGISTIC.create(1);
  private static final int REPEATS = 7;

  private KernelBenchmark() {}

  public static void main(String[] args) {
    int denseRows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int sparseRows = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    System.out.println("BLAS: " + BLAS.getInstance().getClass().getName());
    dense(denseRows, 100);
    sparse(sparseRows, 50_000, 50);
  }

  private static void dense(int rows, int d) {
    Random rnd = new Random(1);
    ParamLayout layout = new ParamLayout(d, 1, true);
    int perBlock = (1 << 20) / (8 * d);
    List<Block> blocks = new ArrayList<>();
    for (int done = 0; done < rows; done += perBlock) {
      int n = Math.min(perBlock, rows - done);
      double[] x = new double[n * d];
      double[] y = new double[n];
      for (int i = 0; i < x.length; i++) {
        x[i] = rnd.nextGaussian();
      }
      for (int r = 0; r < n; r++) {
        y[r] = rnd.nextBoolean() ? 1 : 0;
      }
      blocks.add(Block.dense(d, y, null, x));
    }
    double[] w = weights(layout.size());
    BlockObjective twoPass = new BlockObjective(LOSS, layout);
    passCosts("dense " + rows + "x" + d, blocks, d);
    report("dense " + rows + "x" + d, 8.0 * rows * d,
        time(() -> {
          double[] g = new double[layout.size()];
          for (Block b : blocks) {
            twoPass.addLossAndGradient(b, w, g);
          }
        }), "BLAS dgemv x2",
        time(() -> {
          double[] g = new double[layout.size()];
          for (Block b : blocks) {
            FusedKernel.lossAndGradient(b, layout, LOSS, w, g);
          }
        }), "fused loop");
  }

  private static void sparse(int rows, int d, int nnz) {
    Random rnd = new Random(2);
    ParamLayout layout = new ParamLayout(d, 1, true);
    int[][] rowIdx = new int[rows][];
    double[][] rowVal = new double[rows][];
    double[] labels = new double[rows];
    for (int r = 0; r < rows; r++) {
      int[] idx = rnd.ints(nnz, 0, d).distinct().sorted().toArray();
      rowIdx[r] = idx;
      rowVal[r] = rnd.doubles(idx.length).toArray();
      labels[r] = rnd.nextBoolean() ? 1 : 0;
    }
    int perBlock = (1 << 20) / (12 * nnz + 12);
    List<Block> blocks = new ArrayList<>();
    for (int from = 0; from < rows; from += perBlock) {
      int to = Math.min(rows, from + perBlock);
      int[] start = new int[to - from + 1];
      for (int r = from; r < to; r++) {
        start[r - from + 1] = start[r - from] + rowIdx[r].length;
      }
      int[] idx = new int[start[to - from]];
      double[] val = new double[idx.length];
      for (int r = from; r < to; r++) {
        System.arraycopy(rowIdx[r], 0, idx, start[r - from], rowIdx[r].length);
        System.arraycopy(rowVal[r], 0, val, start[r - from], rowVal[r].length);
      }
      blocks.add(Block.sparse(d, Arrays.copyOfRange(labels, from, to), null, start, idx, val));
    }
    double[] w = weights(layout.size());
    BlockObjective twoPass = new BlockObjective(LOSS, layout);
    passCosts("sparse " + rows + "x" + d + " (" + nnz + " nnz/row)", blocks, d);
    double[] m = new double[1];
    double[] deriv = new double[1];
    report("sparse " + rows + "x" + d + " (" + nnz + " nnz/row)", 12.0 * rows * nnz,
        time(() -> {
          double[] g = new double[layout.size()];
          for (int r = 0; r < rows; r++) {
            int[] idx = rowIdx[r];
            double[] val = rowVal[r];
            double s = w[d];
            for (int p = 0; p < idx.length; p++) {
              s += val[p] * w[idx[p]];
            }
            m[0] = s;
            LOSS.valueAndDerivative(labels[r], m, 0, deriv);
            for (int p = 0; p < idx.length; p++) {
              g[idx[p]] += deriv[0] * val[p];
            }
            g[d] += deriv[0];
          }
        }), "per-row loop",
        time(() -> {
          double[] g = new double[layout.size()];
          for (Block b : blocks) {
            twoPass.addLossAndGradient(b, w, g);
          }
        }), "CSR block, two sweeps",
        time(() -> {
          double[] g = new double[layout.size()];
          for (Block b : blocks) {
            FusedKernel.lossAndGradient(b, layout, LOSS, w, g);
          }
        }), "CSR block, fused");
  }

  /**
   * Seconds per pass (the fastest run) of the gradient, the Hessian-vector product and the
   * gradient with the diagonal, through {@link PassAccumulator} as a task runs them; logistic, and softmax over
   * 10 classes on the same rows (labels taken as 10·label).
   */
  private static void passCosts(String what, List<Block> blocks, int d) {
    System.out.println(what + ": tron's passes against the gradient pass");
    for (int k : new int[] {1, 10}) {
      Loss loss = k == 1 ? LOSS : LossKind.SOFTMAX.create(k);
      List<Block> labelled = k == 1 ? blocks : relabelled(blocks, k);
      ParamLayout layout = new ParamLayout(d, k, true);
      double[] w = weights(layout.size());
      double[] v = weights(layout.size());
      for (int i = 0; i < v.length; i++) {
        v[i] = Math.cos(i);
      }
      double[] fastest = fastestInterleaved(
          () -> run(PassRequest.gradientAt(w), loss, layout, labelled),
          () -> run(PassRequest.hessianTimes(w, v), loss, layout, labelled),
          () -> run(PassRequest.gradientAndDiagonalAt(w), loss, layout, labelled));
      double gradient = fastest[0];
      double product = fastest[1];
      double diagonal = fastest[2];
      System.out.printf(Locale.ROOT, "  %-8s gradient %8.4f s  Hv %8.4f s (%.2fx)  "
          + "gradient+diagonal %8.4f s (%.2fx)%n", loss.name(), gradient, product,
          product / gradient, diagonal, diagonal / gradient);
    }
  }

  /**
   * The fastest of 15 runs of each pass, the passes taken in turn so that a machine whose
   * load changes slows them alike: the ratios are what is compared.
   */
  private static double[] fastestInterleaved(Runnable... passes) {
    double[] best = new double[passes.length];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    for (int round = -2; round < 15; round++) {
      for (int i = 0; i < passes.length; i++) {
        long start = System.nanoTime();
        passes[i].run();
        if (round >= 0) {
          best[i] = Math.min(best[i], (System.nanoTime() - start) / 1e9);
        }
      }
    }
    return best;
  }

  private static void run(PassRequest request, Loss loss, ParamLayout layout,
      List<Block> blocks) {
    PassAccumulator acc = new PassAccumulator(request, loss, layout);
    acc.startPartition(0);
    for (Block b : blocks) {
      acc.add(b);
    }
    acc.partial();
  }

  /** The same rows with labels in 0 … k−1, for softmax. */
  private static List<Block> relabelled(List<Block> blocks, int k) {
    List<Block> out = new ArrayList<>();
    int row = 0;
    for (Block b : blocks) {
      double[] y = new double[b.numRows()];
      for (int r = 0; r < y.length; r++) {
        y[r] = (row++ * 7 + (int) b.label(r)) % k;
      }
      out.add(b.isSparse()
          ? Block.sparse(b.numFeatures(), y, null, b.rowStart(), b.indices(), b.values())
          : Block.dense(b.numFeatures(), y, null, b.values()));
    }
    return out;
  }

  private static double[] weights(int n) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = 0.01 * Math.sin(i);
    }
    return w;
  }

  /** Median seconds of {@link #REPEATS} runs after two warm-up runs. */
  private static double time(Runnable pass) {
    double[] t = new double[REPEATS];
    for (int i = -2; i < REPEATS; i++) {
      long start = System.nanoTime();
      pass.run();
      if (i >= 0) {
        t[i] = (System.nanoTime() - start) / 1e9;
      }
    }
    Arrays.sort(t);
    return t[REPEATS / 2];
  }

  private static void report(String what, double bytes, Object... timesAndNames) {
    System.out.println(what + String.format(Locale.ROOT, ", %.0f MB of feature arrays", bytes / 1e6));
    for (int i = 0; i < timesAndNames.length; i += 2) {
      double s = (Double) timesAndNames[i];
      System.out.printf(Locale.ROOT, "  %-24s %8.4f s/pass  %6.2f GB/s%n", timesAndNames[i + 1], s,
          bytes / s / 1e9);
    }
  }
}
