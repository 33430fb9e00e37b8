package io.descent.testing;

import io.descent.data.Block;
import io.descent.loss.BlockObjective;
import io.descent.loss.Loss;
import io.descent.loss.ParamLayout;
import io.descent.optim.Objective;
import java.util.List;

/** The data term over blocks held in memory: what the engine computes, without Spark. */
public final class InMemoryObjective implements Objective {
  private final List<Block> blocks;
  private final ParamLayout layout;
  private final BlockObjective kernel;
  private final double weightSum;
  private int passes;

  public InMemoryObjective(List<Block> blocks, Loss loss, ParamLayout layout) {
    this.blocks = blocks;
    this.layout = layout;
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

  @Override
  public int dimension() {
    return layout.size();
  }

  @Override
  public double valueAndGradient(double[] x, double[] grad) {
    passes++;
    java.util.Arrays.fill(grad, 0);
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
    for (int i = 0; i < out.length; i++) {
      out[i] /= weightSum;
    }
    return out;
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
    for (int i = 0; i < out.length; i++) {
      out[i] /= weightSum;
    }
    return out;
  }
}
