package io.descent.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed shape of the reduction tree: how many partials each intermediate level combines.
 * Like Spark's treeAggregate, depth d gives a fan-in of ⌈P^(1/d)⌉ (at least 2), and a level is
 * added only while it saves the driver more partials than it costs; depth 1 sends every
 * partition's partial straight to the driver. The shape depends on the partition count and
 * the depth alone, never on timing, so the sum is the same on every run.
 */
final class AggregationPlan {
  /** Spark's default treeAggregate depth. */
  static final int DEFAULT_DEPTH = 2;

  private AggregationPlan() {}

  /** Fan-in of each level, first level first; empty when the driver adds everything. */
  static List<Integer> fanIns(int partitions, int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("aggregation depth must be at least 1, not " + depth);
    }
    List<Integer> levels = new ArrayList<>();
    if (depth == 1 || partitions <= 2) {
      return levels;
    }
    int scale = Math.max((int) Math.ceil(Math.pow(partitions, 1.0 / depth)), 2);
    int n = partitions;
    while (levels.size() < depth - 1 && n > scale + groups(n, scale)) {
      levels.add(scale);
      n = groups(n, scale);
    }
    return levels;
  }

  static int groups(int n, int fanIn) {
    return (n + fanIn - 1) / fanIn;
  }
}
