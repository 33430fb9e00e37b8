package io.descent.engine;

import io.descent.data.Block;
import io.descent.loss.Loss;
import io.descent.loss.ParamLayout;
import io.descent.optim.BatchSpec;
import io.descent.optim.LineValues;
import io.descent.optim.Objective;
import io.descent.optim.SymmetricMatrix;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The data term (1/Σv) Σ vᵢ ℓ(yᵢ, mᵢ) over cached Blocks: every call is one Spark job that
 * broadcasts the parameters once, computes one partial per partition and adds the partials
 * in partition order on the driver, so the result is the same bit for bit on every run.
 */
public final class DistributedObjective implements Objective {
  private final JavaRDD<Block> blocks;
  private final Loss loss;
  private final ParamLayout layout;
  private final double weightSum;
  private final JavaSparkContext jsc;

  public DistributedObjective(JavaRDD<Block> blocks, double weightSum, Loss loss,
      ParamLayout layout) {
    if (!(weightSum > 0)) {
      throw new IllegalArgumentException("the instance weights must have a positive sum");
    }
    this.blocks = blocks;
    this.loss = loss;
    this.layout = layout;
    this.weightSum = weightSum;
    this.jsc = JavaSparkContext.fromSparkContext(blocks.context());
  }

  @Override
  public int dimension() {
    return layout.size();
  }

  public ParamLayout layout() {
    return layout;
  }

  @Override
  public double valueAndGradient(double[] x, double[] grad) {
    Broadcast<double[]> bx = jsc.broadcast(x);
    try {
      List<double[]> partials =
          blocks.mapPartitions(new PartitionKernels.LossAndGradient(loss, layout, bx)).collect();
      double[] total = PartitionOrderSum.sum(partials, 1 + x.length);
      for (int i = 0; i < grad.length; i++) {
        grad[i] = total[i + 1] / weightSum;
      }
      return total[0] / weightSum;
    } finally {
      bx.destroy();
    }
  }

  @Override
  public double value(double[] x) {
    return values(new double[][] {x})[0];
  }

  @Override
  public double[] valuesAlong(double[] x, double[] direction, double[] steps) {
    Broadcast<double[][]> b = jsc.broadcast(new double[][] {x, direction});
    try {
      List<double[]> partials = blocks.mapPartitions(
          new PartitionKernels.LossesAlong(loss, layout, b, steps.clone())).collect();
      return scaled(PartitionOrderSum.sum(partials, steps.length));
    } finally {
      b.destroy();
    }
  }

  @Override
  public double[] values(double[][] points) {
    Broadcast<double[][]> b = jsc.broadcast(points);
    try {
      List<double[]> partials =
          blocks.mapPartitions(new PartitionKernels.LossesAt(loss, layout, b)).collect();
      return scaled(PartitionOrderSum.sum(partials, points.length));
    } finally {
      b.destroy();
    }
  }

  @Override
  public LineValues valuesAndSlopesAlong(double[] x, double[] direction, double[] steps) {
    Broadcast<double[][]> b = jsc.broadcast(new double[][] {x, direction});
    try {
      List<double[]> partials = blocks.mapPartitions(
          new PartitionKernels.LineValuesAlong(loss, layout, b, steps.clone())).collect();
      double[] sums = scaled(PartitionOrderSum.sum(partials, 2 * steps.length));
      int n = steps.length;
      return new LineValues(steps.clone(), Arrays.copyOfRange(sums, 0, n),
          Arrays.copyOfRange(sums, n, 2 * n));
    } finally {
      b.destroy();
    }
  }

  @Override
  public double[] differences(double[] x, double[][] displacements) {
    double[][] all = new double[displacements.length + 1][];
    all[0] = x;
    System.arraycopy(displacements, 0, all, 1, displacements.length);
    Broadcast<double[][]> b = jsc.broadcast(all);
    try {
      List<double[]> partials =
          blocks.mapPartitions(new PartitionKernels.Differences(loss, layout, b)).collect();
      return scaled(PartitionOrderSum.sum(partials, displacements.length));
    } finally {
      b.destroy();
    }
  }

  @Override
  public double[] valuesAndGradients(double[][] points, double[][] grads) {
    Broadcast<double[][]> b = jsc.broadcast(points);
    try {
      List<double[]> partials = blocks.mapPartitions(
          new PartitionKernels.LossesAndGradients(loss, layout, b)).collect();
      int size = layout.size();
      double[] total = scaled(PartitionOrderSum.sum(partials, points.length * (1 + size)));
      double[] values = new double[points.length];
      for (int j = 0; j < points.length; j++) {
        values[j] = total[j * (1 + size)];
        System.arraycopy(total, j * (1 + size) + 1, grads[j], 0, size);
      }
      return values;
    } finally {
      b.destroy();
    }
  }

  @Override
  public double[] curvatureBoundTimes(double[] u) {
    Broadcast<double[]> b = jsc.broadcast(u);
    try {
      List<double[]> partials = blocks.mapPartitions(
          new PartitionKernels.CurvatureBoundTimes(loss, layout, b)).collect();
      return scaled(PartitionOrderSum.sum(partials, layout.size()));
    } finally {
      b.destroy();
    }
  }

  /** Dense symmetric Hessian from the partitions' upper triangles; one job. */
  @Override
  public double valueGradientAndHessian(double[] x, double[] grad, double[] hessian) {
    if (layout.numOutputs() != 1 || !loss.hasSecondDerivative()) {
      throw new UnsupportedOperationException("no Hessian for the " + loss.name() + " loss");
    }
    Broadcast<double[]> b = jsc.broadcast(x);
    try {
      int n = layout.size();
      List<double[]> partials = blocks.mapPartitions(
          new PartitionKernels.LossGradientAndHessian(loss, layout, b)).collect();
      double[] total = scaled(PartitionOrderSum.sum(partials, 1 + n + n * n));
      System.arraycopy(total, 1, grad, 0, n);
      SymmetricMatrix.fillFromUpper(total, 1 + n, n, hessian);
      return total[0];
    } finally {
      b.destroy();
    }
  }

  /** Full value, mini-batch gradient (mean over the batch's weight); one job. */
  @Override
  public double valueAndSampledGradient(double[] x, BatchSpec batch, double[] grad) {
    Broadcast<double[]> b = jsc.broadcast(x);
    try {
      int n = layout.size();
      List<double[]> partials = blocks.mapPartitionsWithIndex(
          new PartitionKernels.SampledLossAndGradient(loss, layout, b, batch.fraction(),
              batch.seed(), batch.iteration()), false).collect();
      double[] total = PartitionOrderSum.sum(partials, 3 + n);
      double batchWeight = total[2];
      for (int i = 0; i < n; i++) {
        grad[i] = batchWeight > 0 ? total[3 + i] / batchWeight : 0.0;
      }
      return total[0] / weightSum;
    } finally {
      b.destroy();
    }
  }

  /**
   * An upper bound of the Lipschitz constant of ∇(data term): curvature bound of the loss
   * times the largest ‖x‖² (+1 for the intercept's constant feature). One job.
   */
  public double lipschitzBound() {
    List<double[]> partials = blocks.mapPartitions(new PartitionKernels.MaxRowNormSquared()).collect();
    double max = 0;
    for (double[] p : partials) {
      max = Math.max(max, p[0]);
    }
    return loss.curvatureBound() * (max + (layout.hasIntercept() ? 1 : 0));
  }

  private double[] scaled(double[] sums) {
    for (int i = 0; i < sums.length; i++) {
      sums[i] /= weightSum;
    }
    return sums;
  }
}
