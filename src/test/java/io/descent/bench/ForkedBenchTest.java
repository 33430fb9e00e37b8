package io.descent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a child JVM's bench output, and its death by OutOfMemoryError, into table lines. */
class ForkedBenchTest {
  private static final List<String> FINISHED = List.of(
      "master local[2], 2 partitions, 10 timed iterations x 1 rounds, 2 cores",
      "",
      "sparse 200,000 x 20,000,000, 50 nnz/row, skew 3.0: 200,000 rows x 20,000,000 features",
      "  round 1/1: descent ...",
      "arrays of the blocks: 122.3 MB; cached 'bench blocks': 122.4 MB in memory (1.000 x the arrays)",
      "peak heap: 1.25 GB live after collections, 3.10 GB in use (so far, this JVM)",
      "",
      "| method | s/iter | passes/iter | time / Descent's | rounds: fastest – slowest s/iter |",
      "| --- | --- | --- | --- | --- |",
      "| Descent gd | 1.2500 | 1.00 | 1.00 | 1: 1.2500 – 1.2500 |");

  @Test
  void aFinishedChildGivesItsLineWithItsPeaks() {
    Map<String, List<ForkedBench.Outcome>> by = new LinkedHashMap<>();
    ForkedBench.collect("descent", FINISHED, 0, "", by);
    ForkedBench.Outcome o = by.get("sparse 200,000 x 20,000,000, 50 nnz/row, skew 3.0").get(0);
    assertEquals("Descent gd", o.method());
    assertEquals(1.25, o.secondsPerIteration());
    assertEquals(3.10, o.peakUsed());
    assertEquals(1.25, o.peakLive());
    assertTrue(ForkedBench.table(List.of(o)).contains("| Descent gd | 1.2500 | 1.00 | 1.00 | 1.25 | 3.10 |"));
  }

  @Test
  void aChildThatRanOutOfMemoryIsAFailedLineOfItsDataset() {
    Map<String, List<ForkedBench.Outcome>> by = new LinkedHashMap<>();
    List<String> died = new java.util.ArrayList<>(FINISHED.subList(0, 4));
    died.add("Terminating due to java.lang.OutOfMemoryError: Java heap space");
    ForkedBench.collect("mllib-lbfgs", died, 3, "26/11/24 10:03:08 INFO BlockManager: Initialized\n", by);
    ForkedBench.Outcome o = by.get("sparse 200,000 x 20,000,000, 50 nnz/row, skew 3.0").get(0);
    assertEquals("OutOfMemoryError", o.failure());
    assertTrue(ForkedBench.table(List.of(o)).contains("| mllib-lbfgs | failed: OutOfMemoryError |"));
  }
}
