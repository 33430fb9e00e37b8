package io.descent.testing;

import io.descent.block.Block;
import io.descent.loss.Loss;
import io.descent.loss.ParamLayout;
import io.descent.loss.PassAccumulator;
import io.descent.loss.PassRequest;
import io.descent.loss.PassResult;
import io.descent.optim.Objective;
import java.util.List;

/**
 * The data term over blocks held in memory: the engine's accumulator without Spark, all
 * blocks into one partial. Each block plays the part of one partition (its index seeds the
 * mini-batch draws).
 */
public final class InMemoryObjective implements Objective {
  private final List<Block> blocks;
  private final ParamLayout layout;
  private final Loss loss;
  private final double weightSum;
  private int passes;

  public InMemoryObjective(List<Block> blocks, Loss loss, ParamLayout layout) {
    this.blocks = blocks;
    this.layout = layout;
    this.loss = loss;
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
  public PassResult run(PassRequest request) {
    PassAccumulator acc = new PassAccumulator(request, loss, layout);
    passes++;
    for (int p = 0; p < blocks.size(); p++) {
      acc.startPartition(p);
      acc.add(blocks.get(p));
    }
    return PassAccumulator.decode(request, loss, layout, acc.partial(), weightSum);
  }
}
