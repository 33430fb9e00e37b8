package io.descent.engine;

import io.descent.data.Block;
import io.descent.loss.BlockObjective;
import io.descent.loss.Loss;
import io.descent.loss.ParamLayout;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * The per-partition work of one pass, as static classes so that a task ships the loss, the
 * layout and the broadcast handle and nothing of the driver. Each emits exactly one vector.
 */
final class PartitionKernels {
  private PartitionKernels() {}

  /** [Σ v ℓ, ∇ Σ v ℓ …] over the blocks of a partition. */
  static final class LossAndGradient implements FlatMapFunction<Iterator<Block>, double[]> {
    private static final long serialVersionUID = 1L;
    private final Loss loss;
    private final ParamLayout layout;
    private final Broadcast<double[]> params;

    LossAndGradient(Loss loss, ParamLayout layout, Broadcast<double[]> params) {
      this.loss = loss;
      this.layout = layout;
      this.params = params;
    }

    @Override
    public Iterator<double[]> call(Iterator<Block> blocks) {
      double[] x = params.value();
      BlockObjective obj = new BlockObjective(loss, layout);
      double[] out = new double[1 + layout.size()];
      double[] grad = new double[layout.size()];
      double sum = 0;
      while (blocks.hasNext()) {
        sum += obj.addLossAndGradient(blocks.next(), x, grad);
      }
      out[0] = sum;
      System.arraycopy(grad, 0, out, 1, grad.length);
      return List.of(out).iterator();
    }
  }

  /** Σ v ℓ at x + t·d for each trial step t. */
  static final class LossesAlong implements FlatMapFunction<Iterator<Block>, double[]> {
    private static final long serialVersionUID = 1L;
    private final Loss loss;
    private final ParamLayout layout;
    private final Broadcast<double[][]> pointAndDirection;
    private final double[] steps;

    LossesAlong(Loss loss, ParamLayout layout, Broadcast<double[][]> pointAndDirection,
        double[] steps) {
      this.loss = loss;
      this.layout = layout;
      this.pointAndDirection = pointAndDirection;
      this.steps = steps;
    }

    @Override
    public Iterator<double[]> call(Iterator<Block> blocks) {
      double[][] xd = pointAndDirection.value();
      BlockObjective obj = new BlockObjective(loss, layout);
      double[] out = new double[steps.length];
      while (blocks.hasNext()) {
        obj.addLossesAlong(blocks.next(), xd[0], xd[1], steps, out);
      }
      return List.of(out).iterator();
    }
  }

  /** Σ v ℓ at each of several points, every block visited once. */
  static final class LossesAt implements FlatMapFunction<Iterator<Block>, double[]> {
    private static final long serialVersionUID = 1L;
    private final Loss loss;
    private final ParamLayout layout;
    private final Broadcast<double[][]> points;

    LossesAt(Loss loss, ParamLayout layout, Broadcast<double[][]> points) {
      this.loss = loss;
      this.layout = layout;
      this.points = points;
    }

    @Override
    public Iterator<double[]> call(Iterator<Block> blocks) {
      double[][] p = points.value();
      BlockObjective obj = new BlockObjective(loss, layout);
      double[] out = new double[p.length];
      while (blocks.hasNext()) {
        Block b = blocks.next();
        for (int i = 0; i < p.length; i++) {
          out[i] += obj.loss(b, p[i]);
        }
      }
      return List.of(out).iterator();
    }
  }

  /** [max over rows of ‖x‖²]: bounds the curvature of the data term. */
  static final class MaxRowNormSquared implements FlatMapFunction<Iterator<Block>, double[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<double[]> call(Iterator<Block> blocks) {
      double max = 0;
      while (blocks.hasNext()) {
        Block b = blocks.next();
        double[] v = b.values();
        int d = b.numFeatures();
        for (int r = 0; r < b.numRows(); r++) {
          int from = b.isSparse() ? b.rowStart()[r] : r * d;
          int to = b.isSparse() ? b.rowStart()[r + 1] : (r + 1) * d;
          double s = 0;
          for (int p = from; p < to; p++) {
            s += v[p] * v[p];
          }
          max = Math.max(max, s);
        }
      }
      return List.of(new double[] {max}).iterator();
    }
  }
}
