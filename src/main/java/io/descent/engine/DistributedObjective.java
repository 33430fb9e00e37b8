package io.descent.engine;

import io.descent.block.Block;
import io.descent.loss.Loss;
import io.descent.loss.ParamLayout;
import io.descent.loss.PassRequest;
import io.descent.loss.PassResult;
import io.descent.optim.Objective;
import org.apache.spark.api.java.JavaRDD;

/**
 * The data term (1/Σv) Σ vᵢ ℓ(yᵢ, mᵢ) over the cached training Blocks: every request is one
 * Spark job of the {@link PassRunner}, its sums divided by the training rows' Σv.
 */
public final class DistributedObjective implements Objective {
  private final PassRunner passes;
  private final double weightSum;

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
    this.passes = new PassRunner(blocks, loss, layout, reduction);
    this.weightSum = weightSum;
  }

  @Override
  public int dimension() {
    return passes.layout().size();
  }

  public ParamLayout layout() {
    return passes.layout();
  }

  /** Partials the driver receives per pass: its share of the reduction's memory. */
  public int partialsAtDriver() {
    return passes.partialsAtDriver();
  }

  @Override
  public PassResult run(PassRequest request) {
    return passes.run(request, weightSum);
  }
}
