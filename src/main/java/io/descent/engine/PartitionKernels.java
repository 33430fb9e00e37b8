package io.descent.engine;

import io.descent.block.Block;
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
 * layout and the parameters (or their broadcast handle) and nothing of the driver. Each emits
 * exactly one vector.
 */
final class PartitionKernels {
  private PartitionKernels() {}

  /**
   * A sweep over a partition's blocks with one {@link BlockObjective}, reading its payload
   * once per task: the subclasses say only what they add up.
   */
  abstract static class BlockSweep<P> implements FlatMapFunction<Iterator<Block>, double[]> {
    private static final long serialVersionUID = 1L;
    final Loss loss;
    final ParamLayout layout;
    private final Payload<P> payload;

    BlockSweep(Loss loss, ParamLayout layout, Payload<P> payload) {
      this.loss = loss;
      this.layout = layout;
      this.payload = payload;
    }

    @Override
    public final Iterator<double[]> call(Iterator<Block> blocks) {
      return List.of(sweep(new BlockObjective(loss, layout), payload.value(), blocks)).iterator();
    }

    abstract double[] sweep(BlockObjective obj, P value, Iterator<Block> blocks);
  }

  /**
   * [∇ Σ v ℓ …, Σ v ℓ] over the blocks of a partition; the gradient is accumulated in place
   * in the emitted vector, so a task holds one parameter-sized array, not two.
   */
  static final class LossAndGradient extends BlockSweep<double[]> {
    private static final long serialVersionUID = 1L;

    LossAndGradient(Loss loss, ParamLayout layout, Payload<double[]> params) {
      super(loss, layout, params);
    }

    @Override
    double[] sweep(BlockObjective obj, double[] x, Iterator<Block> blocks) {
      io.descent.reliability.FaultInjection.beforePass();
      int size = layout.size();
      // The kernels add into [0, size) only.
      double[] out = new double[size + 1];
      double sum = 0;
      while (blocks.hasNext()) {
        sum += obj.addLossAndGradient(blocks.next(), x, out);
      }
      out[size] = sum;
      return out;
    }
  }

  /** Σ v ℓ at x + t·d for each trial step t. */
  static final class LossesAlong extends BlockSweep<double[][]> {
    private static final long serialVersionUID = 1L;
    private final double[] steps;

    LossesAlong(Loss loss, ParamLayout layout, Payload<double[][]> pointAndDirection,
        double[] steps) {
      super(loss, layout, pointAndDirection);
      this.steps = steps;
    }

    @Override
    double[] sweep(BlockObjective obj, double[][] xd, Iterator<Block> blocks) {
      double[] out = new double[steps.length];
      while (blocks.hasNext()) {
        obj.addLossesAlong(blocks.next(), xd[0], xd[1], steps, out);
      }
      return out;
    }
  }

  /** Σ v ℓ at each of several points, every block visited once. */
  static final class LossesAt extends BlockSweep<double[][]> {
    private static final long serialVersionUID = 1L;

    LossesAt(Loss loss, ParamLayout layout, Payload<double[][]> points) {
      super(loss, layout, points);
    }

    @Override
    double[] sweep(BlockObjective obj, double[][] p, Iterator<Block> blocks) {
      double[] out = new double[p.length];
      while (blocks.hasNext()) {
        Block b = blocks.next();
        for (int i = 0; i < p.length; i++) {
          out[i] += obj.loss(b, p[i]);
        }
      }
      return out;
    }
  }

  /**
   * [Δ(t₁) … Δ(tₛ), slope(t₁) … slope(tₛ)] along x + t·d (per-row differences), preceded,
   * when asked, by ∇ Σ v ℓ at x + t₁·d: the line search's values and its first trial point's
   * gradient in one sweep.
   */
  static final class LineValuesAlong extends BlockSweep<double[][]> {
    private static final long serialVersionUID = 1L;
    private final double[] steps;
    private final boolean withGradient;

    LineValuesAlong(Loss loss, ParamLayout layout, Payload<double[][]> pointAndDirection,
        double[] steps, boolean withGradient) {
      super(loss, layout, pointAndDirection);
      this.steps = steps;
      this.withGradient = withGradient;
    }

    @Override
    double[] sweep(BlockObjective obj, double[][] xd, Iterator<Block> blocks) {
      int n = steps.length;
      int size = withGradient ? layout.size() : 0;
      double[] diffs = new double[n];
      double[] slopes = new double[n];
      // The gradient kernels add into [0, size) only.
      double[] out = new double[size + 2 * n];
      while (blocks.hasNext()) {
        Block b = blocks.next();
        if (withGradient) {
          obj.addLineValuesAndGradient(b, xd[0], xd[1], steps, diffs, slopes, out);
        } else {
          obj.addLineValues(b, xd[0], xd[1], steps, diffs, slopes);
        }
      }
      System.arraycopy(diffs, 0, out, size, n);
      System.arraycopy(slopes, 0, out, size + n, n);
      return out;
    }
  }

  /** [Σ v (ℓ(x + Δⱼ) − ℓ(x)) …]; the payload holds x then the displacements. */
  static final class Differences extends BlockSweep<double[][]> {
    private static final long serialVersionUID = 1L;

    Differences(Loss loss, ParamLayout layout, Payload<double[][]> pointAndMoves) {
      super(loss, layout, pointAndMoves);
    }

    @Override
    double[] sweep(BlockObjective obj, double[][] all, Iterator<Block> blocks) {
      double[][] moves = java.util.Arrays.copyOfRange(all, 1, all.length);
      double[] out = new double[moves.length];
      while (blocks.hasNext()) {
        obj.addDifferences(blocks.next(), all[0], moves, out);
      }
      return out;
    }
  }

  /** [Σ v ℓ, ∇ …] at each of several points, concatenated; every block visited once. */
  static final class LossesAndGradients extends BlockSweep<double[][]> {
    private static final long serialVersionUID = 1L;

    LossesAndGradients(Loss loss, ParamLayout layout, Payload<double[][]> points) {
      super(loss, layout, points);
    }

    @Override
    double[] sweep(BlockObjective obj, double[][] p, Iterator<Block> blocks) {
      int size = layout.size();
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
      return out;
    }
  }

  /** [Σ v ℓ, ∇ (n), Hessian upper triangle column-major (n·n)]. */
  static final class LossGradientAndHessian extends BlockSweep<double[]> {
    private static final long serialVersionUID = 1L;

    LossGradientAndHessian(Loss loss, ParamLayout layout, Payload<double[]> params) {
      super(loss, layout, params);
    }

    @Override
    double[] sweep(BlockObjective obj, double[] x, Iterator<Block> blocks) {
      int n = layout.size();
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
      return out;
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
  static final class CurvatureBoundTimes extends BlockSweep<double[]> {
    private static final long serialVersionUID = 1L;

    CurvatureBoundTimes(Loss loss, ParamLayout layout, Payload<double[]> vector) {
      super(loss, layout, vector);
    }

    @Override
    double[] sweep(BlockObjective obj, double[] u, Iterator<Block> blocks) {
      double[] out = new double[layout.size()];
      while (blocks.hasNext()) {
        obj.addCurvatureBoundTimes(blocks.next(), u, out);
      }
      return out;
    }
  }
}
