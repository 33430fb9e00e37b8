package io.descent.loss;

/**
 * The row draws of a mini-batch: a SplitMix64 stream seeded from (seed, iteration,
 * partition) alone, so a task retry, a rerun or a resumed run draws exactly the same rows.
 * Written out here rather than taken from the JDK so that the stream is fixed by this code.
 */
public final class RowSampler {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private long state;

  private RowSampler(long state) {
    this.state = state;
  }

  /** The stream of one partition in one iteration. */
  public static RowSampler of(long seed, long iteration, int partition) {
    long h = mix(seed + GOLDEN_GAMMA);
    h = mix(h ^ (iteration + GOLDEN_GAMMA));
    h = mix(h ^ (partition + 2 * GOLDEN_GAMMA));
    return new RowSampler(h);
  }

  /** A uniform double in [0, 1). */
  public double nextDouble() {
    state += GOLDEN_GAMMA;
    return (mix(state) >>> 11) * 0x1.0p-53;
  }

  /** True for a row that joins the batch: one draw per row, in row order. */
  public boolean take(double fraction) {
    return nextDouble() < fraction;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
