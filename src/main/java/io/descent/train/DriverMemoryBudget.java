package io.descent.train;

import io.descent.BadInputException;
import io.descent.optim.OptimizerKind;
import java.util.Locale;

/**
 * Whether the driver's heap can hold what a run keeps, counted in parameter-sized vectors and
 * checked before the first pass, so that a model too large for the driver fails at once with
 * a sentence instead of an OutOfMemoryError after the data is loaded. At 2·10⁷ parameters one
 * vector is 160 MB and L-BFGS's m pairs are 2m of them: the pairs decide. Newton holds d×d
 * matrices instead (the Hessian and its partials). What each optimizer keeps is its
 * {@link OptimizerKind} entry's to say.
 *
 * <p>The count leans pessimistic: every partial the driver receives is taken as dense, and
 * every pass as shipping two vectors (a line search's point and direction).
 */
final class DriverMemoryBudget {
  /** Spark's reserved system memory plus room for everything that is not a d-vector. */
  static final long RESERVED_BYTES = 400L << 20;
  /** Of the rest, the share the vectors may fill: G1 needs headroom to copy and compact. */
  static final double USABLE_FRACTION = 0.85;
  static final double GIB = 1L << 30;

  /**
   * The vectors a run holds at its peak ({@code historyVectors} of them the optimizer's
   * history), the d×d matrices, and other bytes (cached data in this JVM).
   */
  record Need(long parameters, long keptVectors, long historyVectors, long passVectors,
      long matrices, long otherBytes) {
    long vectors() {
      return keptVectors + historyVectors + passVectors;
    }

    long matrixBytes() {
      return 8L * parameters * parameters * matrices;
    }

    long bytes() {
      return 8L * parameters * vectors() + matrixBytes() + otherBytes;
    }
  }

  private DriverMemoryBudget() {}

  /**
   * @param optimizer the optimizer's name
   * @param lbfgsMemory m, used by lbfgs only
   * @param newtonMaxDim newton's limit of parameters, beyond which it holds no Hessian
   * @param maxIter the iteration budget: L-BFGS never holds more pairs than iterations
   * @param parameters d, the length of one vector
   * @param partialsAtDriver partials the driver receives per pass
   * @param localTasks tasks running at once in the driver's JVM (local mode), else 0
   * @param localCachedBytes the cached data held on the driver's heap, else 0
   */
  static Need need(String optimizer, int lbfgsMemory, int newtonMaxDim, int maxIter,
      long parameters, int partialsAtDriver, int localTasks, long localCachedBytes) {
    OptimizerKind kind = OptimizerKind.named(optimizer);
    long history = kind.historyVectors(lbfgsMemory, maxIter);
    long matrices = kind.hessianMatrices(parameters, newtonMaxDim, partialsAtDriver);
    // The pass: its total, the partials received, the serialized pieces of two broadcast
    // vectors (x and a direction); in local mode each running task's accumulator.
    long pass = 1L + partialsAtDriver + 2 + localTasks;
    return new Need(parameters, kind.keptVectors(), history, pass, matrices, localCachedBytes);
  }

  /**
   * The largest L-BFGS memory m ≤ {@code upTo} whose run fits in {@code maxHeap}, given the
   * need of the run at m ({@code needAt}); 0 when not even one pair fits.
   */
  static int largestMemoryThatFits(int upTo, java.util.function.IntFunction<Need> needAt,
      long maxHeap) {
    long usable = usable(maxHeap);
    for (int m = upTo; m >= 1; m--) {
      if (needAt.apply(m).bytes() <= usable) {
        return m;
      }
    }
    return 0;
  }

  /** The heap the vectors may fill. */
  static long usable(long maxHeap) {
    return (long) (Math.max(0, maxHeap - RESERVED_BYTES) * USABLE_FRACTION);
  }

  /**
   * What of {@code cachedBytes} sits on the driver's heap in local mode: nothing unless the
   * storage level keeps deserialized objects in memory, and never more than Spark's storage
   * share of the heap (it evicts or spills the rest).
   */
  static long cachedOnHeap(long cachedBytes, boolean deserializedInMemory, long maxHeap,
      double memoryFraction) {
    if (!deserializedInMemory) {
      return 0;
    }
    long storage = (long) (Math.max(0, maxHeap - (300L << 20)) * memoryFraction);
    return Math.min(cachedBytes, storage);
  }

  /** Refuses (exit 2) a run whose estimate exceeds the driver's heap, naming what to change. */
  static void check(Need need, String optimizer, int lbfgsMemory, long maxHeap) {
    long usable = usable(maxHeap);
    if (need.bytes() <= usable) {
      return;
    }
    long vector = 8L * Math.max(1, need.parameters());
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "the driver's heap (%.2f GiB, of which %.2f GiB for vectors) is too small for %s with "
            + "%,d parameters: it needs about %.2f GiB (%,d vectors of %.1f MB",
        maxHeap / GIB, usable / GIB, optimizer, need.parameters(), need.bytes() / GIB,
        need.vectors(), vector / 1e6));
    if (need.historyVectors() > 0) {
      s.append(String.format(Locale.ROOT, ", %,d of them the lbfgs-memory %d pairs",
          need.historyVectors(), lbfgsMemory));
    }
    if (need.matrices() > 0) {
      s.append(String.format(Locale.ROOT, ", plus %.2f GiB for %,d matrices of %,d x %,d (the "
          + "Hessian and its partials)", need.matrixBytes() / GIB, need.matrices(),
          need.parameters(), need.parameters()));
    }
    if (need.otherBytes() > 0) {
      s.append(String.format(Locale.ROOT, ", plus %.2f GiB of cached data in this JVM",
          need.otherBytes() / GIB));
    }
    s.append("). ");
    long spare = usable - (need.bytes() - need.historyVectors() * vector);
    int fits = (int) Math.max(0, Math.min(Integer.MAX_VALUE, spare / (2 * vector)));
    if ("lbfgs".equals(optimizer) && fits >= 1) {
      s.append("Use --lbfgs-memory ").append(fits).append(" or less, or give ");
    } else {
      s.append("Give ");
    }
    s.append("the driver more memory (DESCENT_DRIVER_MEMORY for bin/descent, --driver-memory "
        + "for spark-submit).");
    throw new BadInputException(s.toString());
  }
}
