package io.descent.optim;

import java.util.function.Function;

/**
 * Backtracking in batches: the trial steps t₀, t₀/2, t₀/4, … are tested {@value
 * #TRIALS_PER_PASS} at a time, each batch in one pass over the data, and the first
 * acceptable one in that order is taken. What "acceptable" means (Armijo on the gradient
 * mapping, OWL-QN's orthant model, sufficient decrease along a direction) is the caller's.
 */
final class BacktrackingSearch {
  static final int TRIALS_PER_PASS = 4;
  private static final double SHRINK = 0.5;

  /** The trial steps of one pass, evaluated together. */
  interface Batch {
    /** Whether the i-th step of this batch is acceptable. */
    boolean accepts(int i);
  }

  /** The accepted step: the batch it came from, its index there, and the trials spent. */
  record Accepted<B extends Batch>(B batch, int index, double step, int trials) {}

  private BacktrackingSearch() {}

  /** The trials of a search that found nothing in {@code maxPasses} passes. */
  static int trials(int maxPasses) {
    return maxPasses * TRIALS_PER_PASS;
  }

  /**
   * The first acceptable step t₀·½^k, k = 0, 1, …, within {@code maxPasses} batches, or
   * null. {@code pass} evaluates one batch of steps.
   */
  static <B extends Batch> Accepted<B> search(double t0, int maxPasses,
      Function<double[], B> pass) {
    for (int p = 0; p < maxPasses; p++) {
      double[] steps = new double[TRIALS_PER_PASS];
      for (int i = 0; i < steps.length; i++) {
        steps[i] = t0 * Math.pow(SHRINK, p * TRIALS_PER_PASS + i);
      }
      B batch = pass.apply(steps);
      for (int i = 0; i < steps.length; i++) {
        if (batch.accepts(i)) {
          return new Accepted<>(batch, i, steps[i], p * TRIALS_PER_PASS + i + 1);
        }
      }
    }
    return null;
  }
}
