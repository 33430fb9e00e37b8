package io.descent.optim;

/**
 * Which rows form a mini-batch: each row joins with probability {@code fraction}, drawn
 * from a generator seeded by (seed, iteration, partition), so the batch of an iteration is
 * the same on every run, retry and resume.
 */
public record BatchSpec(double fraction, long seed, int iteration) {
  public BatchSpec {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("batch fraction must be in (0, 1]");
    }
  }
}
