package io.descent.engine;

import io.descent.data.Block;
import io.descent.loss.BlockObjective;
import io.descent.loss.Loss;
import io.descent.loss.ParamLayout;
import io.descent.loss.RowSampler;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function2;

/**
 * The per-partition work of one pass, as static classes so that a task ships the loss, the
 * layout and the parameters (or their broadcast handle) and nothing of the driver. Each emits exactly one vector.
 */
final class PartitionKernels {
  private PartitionKernels() {}

  /** [Σ v ℓ, ∇ Σ v ℓ …] over the blocks of a partition. */
  static final class LossAndGradient implements FlatMapFunction<Iterator<Block>, double[]> {
    private static final long serialVersionUID = 1L;
    private final Loss loss;
    private final ParamLayout layout;
    private final Payload<double[]> params;

    LossAndGradient(Loss loss, ParamLayout layout, Payload<double[]> params) {
      this.loss = loss;
      this.layout = layout;
      this.params = params;
    }

    @Override
    public Iterator<double[]> call(Iterator<Block> blocks) {
      io.descent.reliability.FaultInjection.beforePass();
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
    private final Payload<double[][]> pointAndDirection;
    private final double[] steps;

    LossesAlong(Loss loss, ParamLayout layout, Payload<double[][]> pointAndDirection,
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
    private final Payload<double[][]> points;

    LossesAt(Loss loss, ParamLayout layout, Payload<double[][]> points) {
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

  /** [Δ(t₁) … Δ(tₛ), slope(t₁) … slope(tₛ)] along x + t·d (per-row differences). */
  static final class LineValuesAlong implements FlatMapFunction<Iterator<Block>, double[]> {
    private static final long serialVersionUID = 1L;
    private final Loss loss;
    private final ParamLayout layout;
    private final Payload<double[][]> pointAndDirection;
    private final double[] steps;

    LineValuesAlong(Loss loss, ParamLayout layout, Payload<double[][]> pointAndDirection,
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
      int n = steps.length;
      double[] diffs = new double[n];
      double[] slopes = new double[n];
      while (blocks.hasNext()) {
        obj.addLineValues(blocks.next(), xd[0], xd[1], steps, diffs, slopes);
      }
      double[] out = new double[2 * n];
      System.arraycopy(diffs, 0, out, 0, n);
      System.arraycopy(slopes, 0, out, n, n);
      return List.of(out).iterator();
    }
  }

  /** [Σ v (ℓ(x + Δⱼ) − ℓ(x)) …]; the broadcast holds x then the displacements. */
  static final class Differences implements FlatMapFunction<Iterator<Block>, double[]> {
    private static final long serialVersionUID = 1L;
    private final Loss loss;
    private final ParamLayout layout;
    private final Payload<double[][]> pointAndMoves;

    Differences(Loss loss, ParamLayout layout, Payload<double[][]> pointAndMoves) {
      this.loss = loss;
      this.layout = layout;
      this.pointAndMoves = pointAndMoves;
    }

    @Override
    public Iterator<double[]> call(Iterator<Block> blocks) {
      double[][] all = pointAndMoves.value();
      double[][] moves = java.util.Arrays.copyOfRange(all, 1, all.length);
      BlockObjective obj = new BlockObjective(loss, layout);
      double[] out = new double[moves.length];
      while (blocks.hasNext()) {
        obj.addDifferences(blocks.next(), all[0], moves, out);
      }
      return List.of(out).iterator();
    }
  }

  /** [Σ v ℓ, ∇ …] at each of several points, concatenated; every block visited once. */
  static final class LossesAndGradients implements FlatMapFunction<Iterator<Block>, double[]> {
    private static final long serialVersionUID = 1L;
    private final Loss loss;
    private final ParamLayout layout;
    private final Payload<double[][]> points;

    LossesAndGradients(Loss loss, ParamLayout layout, Payload<double[][]> points) {
      this.loss = loss;
      this.layout = layout;
      this.points = points;
    }

    @Override
    public Iterator<double[]> call(Iterator<Block> blocks) {
      double[][] p = points.value();
      int size = layout.size();
      BlockObjective obj = new BlockObjective(loss, layout);
      double[] sums = new double[p.length];
      double[][] grads = new double[p.length][size];
      while (blocks.hasNext()) {
        Block b = blocks.next();
        for (int j = 0; j < p.length; j++) {
          sums[j] += obj.addLossAndGradient(b, p[j], grads[j]);
        }
      }
      double[] out = new double[p.length * (1 + size)];
      for (int j = 0; j < p.length; j++) {
        out[j * (1 + size)] = sums[j];
        System.arraycopy(grads[j], 0, out, j * (1 + size) + 1, size);
      }
      return List.of(out).iterator();
    }
  }

  /** [Σ v ℓ, ∇ (n), Hessian upper triangle column-major (n·n)]. */
  static final class LossGradientAndHessian
      implements FlatMapFunction<Iterator<Block>, double[]> {
    private static final long serialVersionUID = 1L;
    private final Loss loss;
    private final ParamLayout layout;
    private final Payload<double[]> params;

    LossGradientAndHessian(Loss loss, ParamLayout layout, Payload<double[]> params) {
      this.loss = loss;
      this.layout = layout;
      this.params = params;
    }

    @Override
    public Iterator<double[]> call(Iterator<Block> blocks) {
      double[] x = params.value();
      int n = layout.size();
      BlockObjective obj = new BlockObjective(loss, layout);
      double[] grad = new double[n];
      double[] hessian = new double[n * n];
      double sum = 0;
      while (blocks.hasNext()) {
        sum += obj.addLossGradientAndHessian(blocks.next(), x, grad, hessian);
      }
      double[] out = new double[1 + n + n * n];
      out[0] = sum;
      System.arraycopy(grad, 0, out, 1, n);
      System.arraycopy(hessian, 0, out, 1 + n, n * n);
      return List.of(out).iterator();
    }
  }

  /**
   * [Σ v ℓ over all rows, Σ v ℓ over the batch, Σ v over the batch, batch gradient …]; the
   * rows are drawn by a generator seeded with (seed, iteration, partition index), so a
   * retried task draws the same batch.
   */
  static final class SampledLossAndGradient
      implements Function2<Integer, Iterator<Block>, Iterator<double[]>> {
    private static final long serialVersionUID = 1L;
    private final Loss loss;
    private final ParamLayout layout;
    private final Payload<double[]> params;
    private final double fraction;
    private final long seed;
    private final int iteration;

    SampledLossAndGradient(Loss loss, ParamLayout layout, Payload<double[]> params,
        double fraction, long seed, int iteration) {
      this.loss = loss;
      this.layout = layout;
      this.params = params;
      this.fraction = fraction;
      this.seed = seed;
      this.iteration = iteration;
    }

    @Override
    public Iterator<double[]> call(Integer partition, Iterator<Block> blocks) {
      double[] x = params.value();
      int n = layout.size();
      BlockObjective obj = new BlockObjective(loss, layout);
      RowSampler sampler = RowSampler.of(seed, iteration, partition);
      double[] grad = new double[n];
      double[] sums = new double[3];
      while (blocks.hasNext()) {
        obj.addSampledLossAndGradient(blocks.next(), x, sampler, fraction, grad, sums);
      }
      double[] out = new double[3 + n];
      System.arraycopy(sums, 0, out, 0, 3);
      System.arraycopy(grad, 0, out, 3, n);
      return List.of(out).iterator();
    }
  }

  /** [B·u …]: the curvature bound applied to u (power iteration for 1/L). */
  static final class CurvatureBoundTimes implements FlatMapFunction<Iterator<Block>, double[]> {
    private static final long serialVersionUID = 1L;
    private final Loss loss;
    private final ParamLayout layout;
    private final Payload<double[]> vector;

    CurvatureBoundTimes(Loss loss, ParamLayout layout, Payload<double[]> vector) {
      this.loss = loss;
      this.layout = layout;
      this.vector = vector;
    }

    @Override
    public Iterator<double[]> call(Iterator<Block> blocks) {
      double[] u = vector.value();
      BlockObjective obj = new BlockObjective(loss, layout);
      double[] out = new double[layout.size()];
      while (blocks.hasNext()) {
        obj.addCurvatureBoundTimes(blocks.next(), u, out);
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
