package io.descent.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The paired bootstrap's interval: coverage of a known difference, pairing, determinism. */
class PairedBootstrapTest {

  /**
   * 400 synthetic comparisons, each of 300 rows: row i has a shared difficulty z_i ~ N(0, 1)
   * (what pairing cancels), model b scores z_i and model a z_i + 0.05 + e_i with e_i ~ N(0, 0.3):
   * the true mean difference is 0.05. A 90% interval must hold it in about 90% of them:
   * binomial noise over 400 trials is ±1.5 points, so [0.85, 0.95] fails a biased method.
   */
  @Test
  void ninetyPercentIntervalsCoverAKnownDifferenceNinetyPercentOfTheTime() {
    Random rnd = new Random(2024);
    int covered = 0;
    int trials = 400;
    for (int t = 0; t < trials; t++) {
      List<PairedBootstrap.Partial> parts = new ArrayList<>();
      for (int part = 0; part < 3; part++) {
        PairedBootstrap.Accumulator acc = new PairedBootstrap.Accumulator(t, part, 400);
        for (int i = 0; i < 100; i++) {
          double z = rnd.nextGaussian();
          acc.add(z + 0.05 + 0.3 * rnd.nextGaussian(), z);
        }
        parts.add(acc.finish());
      }
      PairedBootstrap.Interval ci = PairedBootstrap.interval(parts, x -> x, 0.90);
      if (ci.lower() <= 0.05 && 0.05 <= ci.upper()) {
        covered++;
      }
    }
    double coverage = (double) covered / trials;
    assertTrue(coverage >= 0.85 && coverage <= 0.95, "coverage " + coverage);
  }

  /** Pairing: the interval's width follows the noise of the difference (0.3), not of z (1). */
  @Test
  void thePairedIntervalIsAsNarrowAsTheDifferenceIsNoisy() {
    Random rnd = new Random(5);
    PairedBootstrap.Accumulator acc = new PairedBootstrap.Accumulator(1, 0, 1000);
    for (int i = 0; i < 2000; i++) {
      double z = rnd.nextGaussian();
      acc.add(z + 0.3 * rnd.nextGaussian(), z);
    }
    PairedBootstrap.Interval ci = PairedBootstrap.interval(List.of(acc.finish()), x -> x, 0.95);
    double expected = 2 * 1.96 * 0.3 / Math.sqrt(2000);
    assertEquals(expected, ci.upper() - ci.lower(), 0.2 * expected);
    assertEquals(1000, ci.replicates());
    assertEquals(2000, ci.rows());
  }

  @Test
  void theSameRowsAndSeedGiveTheSameBitsAndAnotherSeedAnotherInterval() {
    PairedBootstrap.Interval a = once(11);
    PairedBootstrap.Interval b = once(11);
    assertEquals(a, b);
    assertTrue(a.lower() != once(12).lower());
  }

  @Test
  void poissonCountsHaveMeanAndVarianceOne() {
    Random rnd = new Random(3);
    double sum = 0;
    double sq = 0;
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      int k = PairedBootstrap.poissonOne(rnd.nextDouble());
      sum += k;
      sq += k * k;
    }
    double mean = sum / n;
    assertEquals(1, mean, 0.01);
    assertEquals(1, sq / n - mean * mean, 0.02);
  }

  private static PairedBootstrap.Interval once(long seed) {
    Random rnd = new Random(9);
    PairedBootstrap.Accumulator acc = new PairedBootstrap.Accumulator(seed, 0, 200);
    for (int i = 0; i < 500; i++) {
      acc.add(rnd.nextDouble(), rnd.nextDouble());
    }
    return PairedBootstrap.interval(List.of(acc.finish()), Math::sqrt, 0.9);
  }
}
