package io.descent.engine;

import io.descent.block.Block;
import io.descent.loss.Loss;
import io.descent.loss.ParamLayout;
import io.descent.loss.BatchAccumulator;
import io.descent.loss.PassBatch;
import io.descent.loss.PassRequest;
import io.descent.reliability.FaultInjection;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;

/**
 * The work of one partition in any pass: one {@link BatchAccumulator} over its blocks (one
 * model's request, or several models' at once), one partial out. A static class, so that a task ships the loss, the layout and the request (or
 * its broadcast handle) and nothing of the driver.
 */
final class PassKernel implements Function2<Integer, Iterator<Block>, Iterator<double[]>> {
  private static final long serialVersionUID = 1L;
  private final Loss loss;
  private final ParamLayout layout;
  private final Payload<PassBatch> request;

  PassKernel(Loss loss, ParamLayout layout, Payload<PassBatch> request) {
    this.loss = loss;
    this.layout = layout;
    this.request = request;
  }

  @Override
  public Iterator<double[]> call(Integer partition, Iterator<Block> blocks) {
    PassBatch batch = request.value();
    if (batch.members().stream().anyMatch(m -> isGradientPass(m.request()))) {
      FaultInjection.beforePass();
    }
    BatchAccumulator acc = new BatchAccumulator(batch, loss, layout);
    acc.startPartition(partition);
    while (blocks.hasNext()) {
      acc.add(blocks.next());
    }
    return List.of(acc.partial()).iterator();
  }

  /** The plain value-and-gradient pass: the one the fault-injection test counts. */
  private static boolean isGradientPass(PassRequest r) {
    return r.points().length == 1 && r.gradients() && !r.hessian() && r.sample() == null
        && r.line() == null && r.moves() == null && r.probe() == null;
  }
}
