package io.descent.bench;

import io.descent.block.Block;
import io.descent.loss.BlockObjective;
import io.descent.loss.Loss;
import io.descent.loss.ParamLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The practical limit: the same loss-and-gradient kernel over plain in-memory blocks on
 * {@code threads} threads, one pass per call and no Spark at all.
 */
final class ArrayLoop implements AutoCloseable {
  private final List<List<Block>> shares = new ArrayList<>();
  private final Loss loss;
  private final ParamLayout layout;
  private final ExecutorService pool;

  ArrayLoop(List<Block> blocks, int threads, Loss loss, ParamLayout layout) {
    for (int t = 0; t < threads; t++) {
      shares.add(blocks.subList(blocks.size() * t / threads, blocks.size() * (t + 1) / threads));
    }
    this.loss = loss;
    this.layout = layout;
    this.pool = Executors.newFixedThreadPool(threads);
  }

  /** Σ ℓ and its gradient at w, thread partials added in thread order. */
  double valueAndGradient(double[] w, double[] grad) throws Exception {
    List<Future<double[]>> parts = new ArrayList<>();
    for (List<Block> share : shares) {
      parts.add(pool.submit(() -> {
        BlockObjective obj = new BlockObjective(loss, layout);
        double[] g = new double[layout.size() + 1];
        double s = 0;
        for (Block b : share) {
          s += obj.addLossAndGradient(b, w, g);
        }
        g[layout.size()] = s;
        return g;
      }));
    }
    double value = 0;
    java.util.Arrays.fill(grad, 0.0);
    for (Future<double[]> f : parts) {
      double[] g = f.get();
      for (int i = 0; i < grad.length; i++) {
        grad[i] += g[i];
      }
      value += g[layout.size()];
    }
    return value;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
