package io.descent.engine;

import io.descent.block.Block;
import io.descent.loss.Loss;
import io.descent.loss.ParamLayout;
import io.descent.loss.BatchAccumulator;
import io.descent.loss.PassAccumulator;
import io.descent.loss.PassBatch;
import io.descent.loss.PassRequest;
import io.descent.loss.PassResult;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The engine's one entry: runs any {@link PassRequest}, or a {@link PassBatch} of several
 * models' requests, over cached blocks as one Spark job.
 * The request is shipped once ({@link Payload}), every partition emits one partial
 * ({@link PassKernel}), the partials are added in a fixed partition order ({@link TreeSum}),
 * so the result is the same bit for bit on every run.
 */
public final class PassRunner {
  private final JavaRDD<Block> blocks;
  private final Loss loss;
  private final ParamLayout layout;
  private final JavaSparkContext jsc;
  private final TreeSum reduction;

  /** With the depth of the reduction tree (see {@link AggregationPlan}). */
  public PassRunner(JavaRDD<Block> blocks, Loss loss, ParamLayout layout, int aggregationDepth) {
    this(blocks, loss, layout, new TreeSum(aggregationDepth, TreeSum.SPARSE_BELOW));
  }

  PassRunner(JavaRDD<Block> blocks, Loss loss, ParamLayout layout, TreeSum reduction) {
    this.blocks = blocks;
    this.loss = loss;
    this.layout = layout;
    this.jsc = JavaSparkContext.fromSparkContext(blocks.context());
    this.reduction = reduction;
  }

  public ParamLayout layout() {
    return layout;
  }

  /** Partials the driver receives per pass: its share of the reduction's memory. */
  public int partialsAtDriver() {
    return reduction.partialsAtDriver(blocks.getNumPartitions());
  }

  /** One pass; sums divided by {@code weightSum} as {@link PassAccumulator#decode} says. */
  public PassResult run(PassRequest request, double weightSum) {
    return run(PassBatch.of(request), new double[] {weightSum})[0];
  }

  /**
   * Several models' passes in one job: member m's sums over the rows it selects, divided by
   * {@code weightSums[m]}.
   */
  public PassResult[] run(PassBatch batch, double[] weightSums) {
    int length = BatchAccumulator.length(batch, loss, layout);
    Payload<PassBatch> shipped = Payload.of(jsc, batch, batch.doubles());
    try {
      JavaRDD<double[]> partials =
          blocks.mapPartitionsWithIndex(new PassKernel(loss, layout, shipped), false);
      return BatchAccumulator.decode(batch, loss, layout, reduction.sum(partials, length),
          weightSums);
    } finally {
      shipped.release();
    }
  }
}
