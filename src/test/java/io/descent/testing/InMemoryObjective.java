package io.descent.testing;

import io.descent.block.Block;
import io.descent.loss.BlockObjective;
import io.descent.loss.Loss;
import io.descent.loss.ParamLayout;
import io.descent.loss.RowSampler;
import io.descent.optim.BatchSpec;
import io.descent.optim.LineValues;
import io.descent.optim.Objective;
import io.descent.optim.SymmetricMatrix;
import java.util.Arrays;
import java.util.List;

/**
 * The data term over blocks held in memory: what the engine computes, without Spark. Each
 * block plays the part of one partition (its index seeds the mini-batch draws).
 */
public final class InMemoryObjective implements Objective {
  private final List<Block> blocks;
  private final ParamLayout layout;
  private final Loss loss;
  private final BlockObjective kernel;
  private final double weightSum;
  private int passes;

  public InMemoryObjective(List<Block> blocks, Loss loss, ParamLayout layout) {
    this.blocks = blocks;
    this.layout = layout;
    this.loss = loss;
    this.kernel = new BlockObjective(loss, layout);
    double s = 0;
    for (Block b : blocks) {
      s += b.weightSum();
    }
    this.weightSum = s;
  }

  public int passes() {
    return passes;
  }

  public ParamLayout layout() {
    return layout;
  }

  @Override
  public int dimension() {
    return layout.size();
  }

  @Override
  public double valueAndGradient(double[] x, double[] grad) {
    passes++;
    Arrays.fill(grad, 0);
    double sum = 0;
    for (Block b : blocks) {
      sum += kernel.addLossAndGradient(b, x, grad);
    }
    for (int i = 0; i < grad.length; i++) {
      grad[i] /= weightSum;
    }
    return sum / weightSum;
  }

  @Override
  public double value(double[] x) {
    return values(new double[][] {x})[0];
  }

  @Override
  public double[] valuesAlong(double[] x, double[] direction, double[] steps) {
    passes++;
    double[] out = new double[steps.length];
    for (Block b : blocks) {
      kernel.addLossesAlong(b, x, direction, steps, out);
    }
    return scaled(out);
  }

  @Override
  public double[] values(double[][] points) {
    passes++;
    double[] out = new double[points.length];
    for (Block b : blocks) {
      for (int i = 0; i < points.length; i++) {
        out[i] += kernel.loss(b, points[i]);
      }
    }
    return scaled(out);
  }

  @Override
  public LineValues valuesAndSlopesAlong(double[] x, double[] direction, double[] steps) {
    passes++;
    double[] diffs = new double[steps.length];
    double[] slopes = new double[steps.length];
    for (Block b : blocks) {
      kernel.addLineValues(b, x, direction, steps, diffs, slopes);
    }
    return new LineValues(steps.clone(), scaled(diffs), scaled(slopes));
  }

  @Override
  public double[] differences(double[] x, double[][] displacements) {
    passes++;
    double[] out = new double[displacements.length];
    for (Block b : blocks) {
      kernel.addDifferences(b, x, displacements, out);
    }
    return scaled(out);
  }

  @Override
  public double[] valuesAndGradients(double[][] points, double[][] grads) {
    passes++;
    double[] out = new double[points.length];
    for (double[] g : grads) {
      Arrays.fill(g, 0);
    }
    for (Block b : blocks) {
      for (int j = 0; j < points.length; j++) {
        out[j] += kernel.addLossAndGradient(b, points[j], grads[j]);
      }
    }
    for (double[] g : grads) {
      scaled(g);
    }
    return scaled(out);
  }

  @Override
  public double[] curvatureBoundTimes(double[] u) {
    passes++;
    double[] out = new double[layout.size()];
    for (Block b : blocks) {
      kernel.addCurvatureBoundTimes(b, u, out);
    }
    return scaled(out);
  }

  @Override
  public double valueGradientAndHessian(double[] x, double[] grad, double[] hessian) {
    if (layout.numOutputs() != 1 || !loss.hasSecondDerivative()) {
      throw new UnsupportedOperationException("no Hessian for the " + loss.name() + " loss");
    }
    passes++;
    int n = layout.size();
    Arrays.fill(grad, 0);
    double[] upper = new double[n * n];
    double sum = 0;
    for (Block b : blocks) {
      sum += kernel.addLossGradientAndHessian(b, x, grad, upper);
    }
    scaled(grad);
    SymmetricMatrix.fillFromUpper(scaled(upper), 0, n, hessian);
    return sum / weightSum;
  }

  @Override
  public double valueAndSampledGradient(double[] x, BatchSpec batch, double[] grad) {
    passes++;
    Arrays.fill(grad, 0);
    double[] sums = new double[3];
    for (int p = 0; p < blocks.size(); p++) {
      RowSampler sampler = RowSampler.of(batch.seed(), batch.iteration(), p);
      kernel.addSampledLossAndGradient(blocks.get(p), x, sampler, batch.fraction(), grad, sums);
    }
    for (int i = 0; i < grad.length; i++) {
      grad[i] = sums[2] > 0 ? grad[i] / sums[2] : 0.0;
    }
    return sums[0] / weightSum;
  }

  private double[] scaled(double[] sums) {
    for (int i = 0; i < sums.length; i++) {
      sums[i] /= weightSum;
    }
    return sums;
  }
}
