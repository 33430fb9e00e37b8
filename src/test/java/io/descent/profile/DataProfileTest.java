package io.descent.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.report.Json;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The profile's math without Spark: bins, the bounded top-k merge, PSI and drift. */
class DataProfileTest {

  @Test
  void binsAreQuarterBinadesWithSignAndAScaleOf1000MovesFortyBins() {
    assertEquals(ValueBins.ZERO, ValueBins.of(0.0));
    int half = ValueBins.of(0.5);
    assertEquals(half, ValueBins.of(0.6));
    assertEquals(half + 1, ValueBins.of(0.625));
    assertEquals("[0.5000, 0.6250)", ValueBins.describe(half));
    assertTrue(ValueBins.of(-0.5) > 256, "negatives have bins of their own");
    assertEquals(ValueBins.of(1e-300), ValueBins.of(1e-200), "tiny values share the lowest bin");
    assertEquals(ValueBins.of(1e300), ValueBins.of(1e200), "huge values share the highest bin");
    // 1000 is 2^9.97: the bin moves by 40 quarter binades (39 or 40 with the mantissa).
    int moved = ValueBins.of(0.7 * 1000) - ValueBins.of(0.7);
    assertTrue(moved >= 39 && moved <= 40, "moved " + moved);
  }

  @Test
  void mergeListsTheMostFrequentFeaturesExactlyAndSumsTheRest() {
    // Two partitions of 3 rows; features 0 (everywhere), 1 (twice), 2 (once), 3 (once).
    FeatureTally a = new FeatureTally(true);
    a.addRow(0, new int[] {0, 1}, new double[] {1.0, 2.0}, 0, 2);
    a.addRow(1, new int[] {0, 2}, new double[] {1.5, -3.0}, 0, 2);
    a.addRow(1, new int[] {0}, new double[] {2.0}, 0, 1);
    FeatureTally b = new FeatureTally(true);
    b.addRow(0, new int[] {0, 1}, new double[] {4.0, 2.0}, 0, 2);
    b.addRow(0, new int[] {0, 3}, new double[] {1.0, 8.0}, 0, 2);
    b.addRow(1, new int[] {}, new double[] {}, 0, 0);
    // Each partition reports its 2 most frequent features; 2 are listed.
    DataProfile p = DataProfile.merge(List.of(a.summarize(2, null), b.summarize(2, null)), true, 2);
    assertEquals(6, p.rows());
    assertEquals(3, p.labels().countOf(0));
    assertEquals(3, p.labels().countOf(1));
    assertEquals(List.of(0, 1), p.features().stream().map(FeatureSummary::index).toList());
    FeatureSummary f0 = p.feature(0);
    assertEquals(5, f0.nonzeros());
    assertEquals(9.5, f0.sum());
    assertEquals(1 + 2.25 + 4 + 16 + 1, f0.sumOfSquares());
    assertTrue(f0.exact(), "every partition reported feature 0");
    assertEquals(2, p.feature(1).nonzeros());
    assertTrue(p.feature(1).exact(), "both partitions had it in their top 2");
    assertEquals(2, p.others().nonzeros(), "features 2 and 3");
    assertEquals(5.0, p.others().sum());
    assertEquals(9.5 / 6, f0.mean(6), 1e-15);
  }

  @Test
  void aFeatureSomePartitionCutIsMarkedInexact() {
    FeatureTally a = new FeatureTally(false);
    a.addRow(1.5, new int[] {0, 1}, new double[] {1, 1}, 0, 2);
    a.addRow(2.5, new int[] {0}, new double[] {1}, 0, 1);
    FeatureTally b = new FeatureTally(false);
    b.addRow(3.5, new int[] {1, 2}, new double[] {1, 1}, 0, 2);
    b.addRow(4.5, new int[] {2}, new double[] {1}, 0, 1);
    // Partition a reports only feature 0 and cuts 1; b reports only 2 and cuts 1.
    DataProfile p = DataProfile.merge(List.of(a.summarize(1, null), b.summarize(1, null)), false, 3);
    // b cut a feature with one non-zero, which might have been feature 0: its count is a lower bound.
    assertFalse(p.feature(0).exact());
    assertFalse(p.feature(2).exact());
    assertEquals(List.of(0, 2), p.features().stream().map(FeatureSummary::index).toList());
    assertEquals(2, p.others().nonzeros(), "feature 1, cut by both, is among the others");
  }

  @Test
  void jsonRoundTripKeepsEveryFigure() throws Exception {
    DataProfile p = randomProfile(new Random(7), 1.0, 4);
    Map<String, Object> json = Json.readMap(Json.write(p.toJson(List.of("a", "b", "c", "d", "e"))));
    DataProfile back = DataProfile.fromJson(json);
    assertEquals(p.rows(), back.rows());
    assertEquals(p.labels(), back.labels());
    assertEquals(p.features(), back.features());
    assertEquals("a", ((Map<?, ?>) ((List<?>) json.get("features")).get(0)).get("name"));
  }

  @Test
  void psiIsZeroForTheSameDataAndLargeForAScaledFeature() {
    DataProfile before = randomProfile(new Random(1), 1.0, 4);
    DataProfile same = randomProfile(new Random(2), 1.0, 4);
    DriftReport quiet = DriftReport.compare(before, same, null, DriftThresholds.DEFAULT);
    assertFalse(quiet.drifted(), quiet.summary());
    assertTrue(quiet.features().get(0).psi() < 0.03, quiet.summary());
    DataProfile scaled = randomProfile(new Random(3), 1000.0, 4);
    DriftReport moved = DriftReport.compare(before, scaled, null, DriftThresholds.DEFAULT);
    assertTrue(moved.drifted());
    assertEquals(List.of(2), moved.driftedFeatures().stream().map(DriftReport.FeatureDrift::index).toList(),
        moved.summary());
    assertTrue(moved.driftedFeatures().get(0).psi() > 5, moved.summary());
    assertFalse(moved.labelDrifted());
  }

  @Test
  void psiOfKnownSharesAndALabelShift() {
    Histogram p = Histogram.of(Map.of(0, 50L, 1, 50L));
    Histogram q = Histogram.of(Map.of(0, 80L, 1, 20L));
    double expected = (0.8 - 0.5) * Math.log(0.8 / 0.5) + (0.2 - 0.5) * Math.log(0.2 / 0.5);
    assertEquals(expected, Psi.of(p, q), 1e-15);
    assertEquals(0, Psi.of(p, p));
    // A bin only one side has counts is taken at the floor share.
    Histogram r = Histogram.of(Map.of(0, 100L));
    assertEquals((1 - 0.5) * Math.log(1 / 0.5) + (Psi.FLOOR - 0.5) * Math.log(Psi.FLOOR / 0.5),
        Psi.of(p, r), 1e-15);
  }

  @Test
  void valuePsiComparesDecilesOfTheReference() {
    // Reference: 10 bins of 10% each; the same shares give 0, all mass in the top range a lot.
    Map<Integer, Long> ten = new java.util.HashMap<>();
    for (int b = 1; b <= 10; b++) {
      ten.put(40 + b, 100L);
    }
    Histogram reference = Histogram.of(ten);
    assertEquals(0, Psi.ofValues(reference, reference), 1e-15);
    Histogram shifted = Histogram.of(Map.of(200, 1000L));
    double expected = 9 * (Psi.FLOOR - 0.1) * Math.log(Psi.FLOOR / 0.1) + (1 - 0.1) * Math.log(1 / 0.1);
    assertEquals(expected, Psi.ofValues(reference, shifted), 1e-12);
    // A value below every reference bin falls in the first range, a negative one too.
    assertEquals(Psi.ofValues(reference, Histogram.of(Map.of(41, 1000L))),
        Psi.ofValues(reference, Histogram.of(Map.of(300, 1000L))), 1e-15);
  }

  /** 2000 rows, 5 features ~ N(0,1) (feature 2 times {@code scale}), labels 0/1 at random. */
  private static DataProfile randomProfile(Random rnd, double scale, int partitions) {
    List<PartitionProfile> parts = new java.util.ArrayList<>();
    for (int part = 0; part < partitions; part++) {
      FeatureTally t = new FeatureTally(true);
      for (int i = 0; i < 2000 / partitions; i++) {
        double[] x = new double[5];
        for (int j = 0; j < 5; j++) {
          x[j] = rnd.nextGaussian() * (j == 2 ? scale : 1);
        }
        t.addRow(rnd.nextBoolean() ? 1 : 0, new int[] {0, 1, 2, 3, 4}, x, 0, 5);
      }
      parts.add(t.summarize(DataProfile.PARTITION_FEATURES, null));
    }
    return DataProfile.merge(parts, true, DataProfile.LISTED_FEATURES);
  }
}
