package io.descent.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.descent.BadInputException;
import org.junit.jupiter.api.Test;

/** The driver-heap check at issue 9's size: 2·10⁷ parameters, a 4 GB driver, local[2]. */
class DriverMemoryBudgetTest {
  private static final long D = 20_000_001;
  private static final long FOUR_GB = 4L << 30;
  private static final long CACHED = 122_400_000;

  @Test
  void lbfgsHistoryIsCountedAsTwoVectorsPerPair() {
    DriverMemoryBudget.Need m1 = DriverMemoryBudget.need("lbfgs", 1, 4096, 100, D, 2, 2, 0);
    DriverMemoryBudget.Need m10 = DriverMemoryBudget.need("lbfgs", 10, 4096, 100, D, 2, 2, 0);
    assertEquals(18L * 8 * D, m10.bytes() - m1.bytes());
    assertEquals(0, DriverMemoryBudget.need("gd", 10, 4096, 100, D, 2, 2, 0).historyVectors());
  }

  @Test
  void gdFitsInFourGigabytesAtTwentyMillionFeatures() {
    assertDoesNotThrow(() -> DriverMemoryBudget.check(
        DriverMemoryBudget.need("gd", 10, 4096, 100, D, 2, 2, CACHED), "gd", 10, FOUR_GB));
  }

  @Test
  void lbfgsWithTenPairsIsRefusedWithTheLargestMemoryThatFits() {
    BadInputException e = assertThrows(BadInputException.class, () -> DriverMemoryBudget.check(
        DriverMemoryBudget.need("lbfgs", 10, 4096, 100, D, 2, 2, CACHED), "lbfgs", 10, FOUR_GB));
    assertTrue(e.getMessage().contains("20 of them the lbfgs-memory 10 pairs"), e.getMessage());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("--lbfgs-memory (\\d+) or less")
        .matcher(e.getMessage());
    assertTrue(m.find(), e.getMessage());
    int fits = Integer.parseInt(m.group(1));
    assertTrue(fits >= 1 && fits < 10, e.getMessage());
    assertDoesNotThrow(() -> DriverMemoryBudget.check(
        DriverMemoryBudget.need("lbfgs", fits, 4096, 100, D, 2, 2, CACHED), "lbfgs", fits, FOUR_GB));
    assertThrows(BadInputException.class, () -> DriverMemoryBudget.check(
        DriverMemoryBudget.need("lbfgs", fits + 1, 4096, 100, D, 2, 2, CACHED), "lbfgs", fits + 1, FOUR_GB));
  }

  /** Without --lbfgs-memory a run keeps the most pairs that fit: those the refusal names. */
  @Test
  void theLargestMemoryThatFitsIsTheOneTheRefusalNames() {
    java.util.function.IntFunction<DriverMemoryBudget.Need> needAt =
        m -> DriverMemoryBudget.need("lbfgs", m, 4096, 100, D, 2, 2, CACHED);
    int fits = DriverMemoryBudget.largestMemoryThatFits(10, needAt, FOUR_GB);
    BadInputException e = assertThrows(BadInputException.class,
        () -> DriverMemoryBudget.check(needAt.apply(10), "lbfgs", 10, FOUR_GB));
    assertTrue(e.getMessage().contains("--lbfgs-memory " + fits + " or less"), e.getMessage());
    assertTrue(fits >= 1 && fits < 10);
    assertEquals(10, DriverMemoryBudget.largestMemoryThatFits(10, needAt, 64L << 30));
    assertEquals(0, DriverMemoryBudget.largestMemoryThatFits(10, needAt, 1L << 30));
  }

  @Test
  void neverMorePairsThanIterationsAndNoOverflow() {
    assertEquals(2 * 5, DriverMemoryBudget.need("lbfgs", 50, 4096, 5, D, 2, 2, 0).historyVectors());
    DriverMemoryBudget.Need huge = DriverMemoryBudget.need("lbfgs", Integer.MAX_VALUE, 4096,
        Integer.MAX_VALUE, D, 2, 2, 0);
    assertTrue(huge.bytes() > 0 && huge.historyVectors() == 2L * Integer.MAX_VALUE);
    assertThrows(BadInputException.class,
        () -> DriverMemoryBudget.check(huge, "lbfgs", Integer.MAX_VALUE, FOUR_GB));
  }

  @Test
  void onlyDeserializedInMemoryCachesCountAndNeverBeyondSparksStorageShare() {
    assertEquals(0, DriverMemoryBudget.cachedOnHeap(5L << 30, false, FOUR_GB, 0.6));
    assertEquals(100, DriverMemoryBudget.cachedOnHeap(100, true, FOUR_GB, 0.6));
    long storage = (long) ((FOUR_GB - (300L << 20)) * 0.6);
    assertEquals(storage, DriverMemoryBudget.cachedOnHeap(50L << 30, true, FOUR_GB, 0.6));
  }

  @Test
  void aHeapTooSmallForAnyRunSaysToGiveTheDriverMore() {
    BadInputException e = assertThrows(BadInputException.class, () -> DriverMemoryBudget.check(
        DriverMemoryBudget.need("gd", 10, 4096, 100, D, 2, 2, CACHED), "gd", 10, 1L << 30));
    assertTrue(e.getMessage().contains("Give the driver more memory (DESCENT_DRIVER_MEMORY"),
        e.getMessage());
  }
}
