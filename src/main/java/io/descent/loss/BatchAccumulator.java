package io.descent.loss;

import io.descent.block.Block;

/**
 * Adds up a {@link PassBatch}: one {@link PassAccumulator} per member, each fed the blocks its
 * rows admit, in the order they come; the batch's partial is the members' partials one after
 * the other (a batch of one: that member's partial itself, so an ordinary pass is unchanged).
 */
public final class BatchAccumulator {
  private final PassBatch batch;
  private final PassAccumulator[] members;

  public BatchAccumulator(PassBatch batch, Loss loss, ParamLayout layout) {
    this.batch = batch;
    this.members = new PassAccumulator[batch.size()];
    for (int m = 0; m < members.length; m++) {
      members[m] = new PassAccumulator(batch.members().get(m).request(), loss, layout);
    }
  }

  /** The partial's length: the members' lengths added. */
  public static int length(PassBatch batch, Loss loss, ParamLayout layout) {
    long n = 0;
    for (PassBatch.Member m : batch.members()) {
      n += PassAccumulator.length(m.request(), loss, layout);
    }
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("a pass batch of " + n + " doubles is too large for one"
          + " partial; fewer models per pass");
    }
    return (int) n;
  }

  public void startPartition(int partition) {
    for (PassAccumulator a : members) {
      a.startPartition(partition);
    }
  }

  public void add(Block b) {
    for (int m = 0; m < members.length; m++) {
      if (batch.members().get(m).rows().admits(b)) {
        members[m].add(b);
      }
    }
  }

  /** The finished partial. Call once, at the end. */
  public double[] partial() {
    if (members.length == 1) {
      return members[0].partial();
    }
    double[][] parts = new double[members.length][];
    int length = 0;
    for (int m = 0; m < members.length; m++) {
      parts[m] = members[m].partial();
      length += parts[m].length;
    }
    double[] out = new double[length];
    int at = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /**
   * Each member's result from the sum of every partial of the pass, {@code totals}: member m's
   * sums divided by {@code weightSums[m]}, the Σv of the rows it trains on.
   */
  public static PassResult[] decode(PassBatch batch, Loss loss, ParamLayout layout,
      double[] totals, double[] weightSums) {
    if (weightSums.length != batch.size()) {
      throw new IllegalArgumentException("one weight sum per member of the batch");
    }
    PassResult[] out = new PassResult[batch.size()];
    if (out.length == 1) {
      out[0] = PassAccumulator.decode(batch.members().get(0).request(), loss, layout, totals,
          weightSums[0]);
      return out;
    }
    int at = 0;
    for (int m = 0; m < out.length; m++) {
      PassRequest r = batch.members().get(m).request();
      int length = PassAccumulator.length(r, loss, layout);
      double[] part = new double[length];
      System.arraycopy(totals, at, part, 0, length);
      at += length;
      out[m] = PassAccumulator.decode(r, loss, layout, part, weightSums[m]);
    }
    return out;
  }
}
