package io.descent.optim;

import io.descent.loss.PassRequest;
import io.descent.loss.PassResult;

/**
 * The smooth data term f of the objective, as the optimizers see it: {@link #run} is one
 * pass over the training data, computing whatever the request asks in one sweep, its sums
 * divided by the training Σv. The engine implements it on the cluster; tests implement it in
 * memory, with the same accumulator.
 */
public interface Objective {
  /** Number of parameters. */
  int dimension();

  /** One pass. */
  PassResult run(PassRequest request);
}
