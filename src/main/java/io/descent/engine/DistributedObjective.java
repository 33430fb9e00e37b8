package io.descent.engine;

import io.descent.block.Block;
import io.descent.loss.Loss;
import io.descent.loss.ParamLayout;
import io.descent.optim.BatchSpec;
import io.descent.optim.LineValues;
import io.descent.optim.Objective;
import io.descent.optim.SymmetricMatrix;
import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The data term (1/Σv) Σ vᵢ ℓ(yᵢ, mᵢ) over cached Blocks: every call is one Spark job that
 * ships the parameters once ({@link Payload}), computes one partial per partition and adds
 * the partials in a fixed partition order ({@link TreeSum}), so the result is the same bit
 * for bit on every run.
 */
public final class DistributedObjective implements Objective {
  private final JavaRDD<Block> blocks;
  private final Loss loss;
  private final ParamLayout layout;
  private final double weightSum;
  private final JavaSparkContext jsc;
  private final TreeSum reduction;

  public DistributedObjective(JavaRDD<Block> blocks, double weightSum, Loss loss,
      ParamLayout layout) {
    this(blocks, weightSum, loss, layout, AggregationPlan.DEFAULT_DEPTH);
  }

  /** With the depth of the reduction tree (see {@link AggregationPlan}). */
  public DistributedObjective(JavaRDD<Block> blocks, double weightSum, Loss loss,
      ParamLayout layout, int aggregationDepth) {
    this(blocks, weightSum, loss, layout, new TreeSum(aggregationDepth, TreeSum.SPARSE_BELOW));
  }

  DistributedObjective(JavaRDD<Block> blocks, double weightSum, Loss loss, ParamLayout layout,
      TreeSum reduction) {
    if (!(weightSum > 0)) {
      throw new IllegalArgumentException("the instance weights must have a positive sum");
    }
    this.blocks = blocks;
    this.loss = loss;
    this.layout = layout;
    this.weightSum = weightSum;
    this.jsc = JavaSparkContext.fromSparkContext(blocks.context());
    this.reduction = reduction;
  }

  @Override
  public int dimension() {
    return layout.size();
  }

  public ParamLayout layout() {
    return layout;
  }

  /** Partials the driver receives per pass: its share of the reduction's memory. */
  public int partialsAtDriver() {
    return reduction.partialsAtDriver(blocks.getNumPartitions());
  }

  @Override
  public double valueAndGradient(double[] x, double[] grad) {
    Payload<double[]> bx = Payload.of(jsc, x);
    try {
      JavaRDD<double[]> partials =
          blocks.mapPartitions(new PartitionKernels.LossAndGradient(loss, layout, bx));
      double[] total = reduction.sum(partials, x.length + 1);
      for (int i = 0; i < grad.length; i++) {
        grad[i] = total[i] / weightSum;
      }
      return total[x.length] / weightSum;
    } finally {
      bx.release();
    }
  }

  @Override
  public double value(double[] x) {
    return values(new double[][] {x})[0];
  }

  @Override
  public double[] valuesAlong(double[] x, double[] direction, double[] steps) {
    Payload<double[][]> b = Payload.of(jsc, new double[][] {x, direction});
    try {
      JavaRDD<double[]> partials =
          blocks.mapPartitions(
          new PartitionKernels.LossesAlong(loss, layout, b, steps.clone()));
      return scaled(reduction.sum(partials, steps.length));
    } finally {
      b.release();
    }
  }

  @Override
  public double[] values(double[][] points) {
    Payload<double[][]> b = Payload.of(jsc, points);
    try {
      JavaRDD<double[]> partials =
          blocks.mapPartitions(new PartitionKernels.LossesAt(loss, layout, b));
      return scaled(reduction.sum(partials, points.length));
    } finally {
      b.release();
    }
  }

  @Override
  public LineValues valuesAndSlopesAlong(double[] x, double[] direction, double[] steps) {
    return lineValues(x, direction, steps, null);
  }

  @Override
  public LineValues valuesAndSlopesAlongWithGradient(double[] x, double[] direction,
      double[] steps, double[] gradientAtFirst) {
    return lineValues(x, direction, steps, gradientAtFirst);
  }

  /** One pass along the line; with {@code gradientAtFirst} non-null, also the gradient at steps[0]. */
  private LineValues lineValues(double[] x, double[] direction, double[] steps,
      double[] gradientAtFirst) {
    Payload<double[][]> b = Payload.of(jsc, new double[][] {x, direction});
    try {
      boolean withGradient = gradientAtFirst != null;
      JavaRDD<double[]> partials = blocks.mapPartitions(new PartitionKernels.LineValuesAlong(
          loss, layout, b, steps.clone(), withGradient));
      int size = withGradient ? layout.size() : 0;
      int n = steps.length;
      double[] sums = scaled(reduction.sum(partials, size + 2 * n));
      if (withGradient) {
        System.arraycopy(sums, 0, gradientAtFirst, 0, size);
      }
      return new LineValues(steps.clone(), Arrays.copyOfRange(sums, size, size + n),
          Arrays.copyOfRange(sums, size + n, size + 2 * n));
    } finally {
      b.release();
    }
  }

  @Override
  public double[] differences(double[] x, double[][] displacements) {
    double[][] all = new double[displacements.length + 1][];
    all[0] = x;
    System.arraycopy(displacements, 0, all, 1, displacements.length);
    Payload<double[][]> b = Payload.of(jsc, all);
    try {
      JavaRDD<double[]> partials =
          blocks.mapPartitions(new PartitionKernels.Differences(loss, layout, b));
      return scaled(reduction.sum(partials, displacements.length));
    } finally {
      b.release();
    }
  }

  @Override
  public double[] valuesAndGradients(double[][] points, double[][] grads) {
    Payload<double[][]> b = Payload.of(jsc, points);
    try {
      JavaRDD<double[]> partials =
          blocks.mapPartitions(
          new PartitionKernels.LossesAndGradients(loss, layout, b));
      int size = layout.size();
      double[] total = scaled(reduction.sum(partials, points.length * (1 + size)));
      double[] values = new double[points.length];
      for (int j = 0; j < points.length; j++) {
        values[j] = total[j * (1 + size)];
        System.arraycopy(total, j * (1 + size) + 1, grads[j], 0, size);
      }
      return values;
    } finally {
      b.release();
    }
  }

  @Override
  public double[] curvatureBoundTimes(double[] u) {
    Payload<double[]> b = Payload.of(jsc, u);
    try {
      JavaRDD<double[]> partials =
          blocks.mapPartitions(
          new PartitionKernels.CurvatureBoundTimes(loss, layout, b));
      return scaled(reduction.sum(partials, layout.size()));
    } finally {
      b.release();
    }
  }

  /** Dense symmetric Hessian from the partitions' upper triangles; one job. */
  @Override
  public double valueGradientAndHessian(double[] x, double[] grad, double[] hessian) {
    if (layout.numOutputs() != 1 || !loss.hasSecondDerivative()) {
      throw new UnsupportedOperationException("no Hessian for the " + loss.name() + " loss");
    }
    Payload<double[]> b = Payload.of(jsc, x);
    try {
      int n = layout.size();
      JavaRDD<double[]> partials =
          blocks.mapPartitions(
          new PartitionKernels.LossGradientAndHessian(loss, layout, b));
      double[] total = scaled(reduction.sum(partials, 1 + n + n * n));
      System.arraycopy(total, 1, grad, 0, n);
      SymmetricMatrix.fillFromUpper(total, 1 + n, n, hessian);
      return total[0];
    } finally {
      b.release();
    }
  }

  /** Full value, mini-batch gradient (mean over the batch's weight); one job. */
  @Override
  public double valueAndSampledGradient(double[] x, BatchSpec batch, double[] grad) {
    Payload<double[]> b = Payload.of(jsc, x);
    try {
      int n = layout.size();
      JavaRDD<double[]> partials =
          blocks.mapPartitionsWithIndex(
          new PartitionKernels.SampledLossAndGradient(loss, layout, b, batch.fraction(),
              batch.seed(), batch.iteration()), false);
      double[] total = reduction.sum(partials, 3 + n);
      double batchWeight = total[2];
      for (int i = 0; i < n; i++) {
        grad[i] = batchWeight > 0 ? total[3 + i] / batchWeight : 0.0;
      }
      return total[0] / weightSum;
    } finally {
      b.release();
    }
  }

  private double[] scaled(double[] sums) {
    for (int i = 0; i < sums.length; i++) {
      sums[i] /= weightSum;
    }
    return sums;
  }
}
