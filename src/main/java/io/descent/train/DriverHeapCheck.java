package io.descent.train;

import io.descent.BadInputException;
import io.descent.config.TrainConfig;
import io.descent.data.packing.TrainingData;
import io.descent.optim.OptimizerKind;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.apache.spark.SparkContext;
import org.apache.spark.storage.StorageLevel;

/**
 * Applies {@link DriverMemoryBudget} to a run before its first pass. In local mode the
 * driver's heap also holds the executor's work, so this reads from Spark what shares it: the
 * cached blocks (when the storage level keeps them as objects in memory) and one accumulator
 * per running task.
 */
final class DriverHeapCheck {
  private DriverHeapCheck() {}

  /**
   * Refuses (exit 2) a model whose vectors cannot fit in this driver's heap; says how much of
   * it they will take when that is a noticeable share. lbfgs without an explicit
   * lbfgs-memory keeps the most pairs (up to the default) that fit, and says so.
   *
   * @param parameters the length of one parameter vector
   * @param partialsAtDriver the partial gradients the driver receives per pass
   * @return the configuration to run: {@code config}, or it with the pairs that fit
   */
  static TrainConfig check(SparkContext spark, TrainConfig config, TrainingData data,
      long parameters, int partialsAtDriver, PrintStream log) {
    long maxHeap = Runtime.getRuntime().maxMemory();
    long cached = cachedOnHeap(spark, data, maxHeap);
    int tasks = localTasks(spark, data);
    String optimizer = config.solver().optimizer();
    int newtonMaxDim = config.run().newtonMaxDim();
    int maxIter = config.run().maxIter();
    IntFunction<DriverMemoryBudget.Need> needAt = m -> DriverMemoryBudget.need(optimizer, m,
        newtonMaxDim, maxIter, parameters, partialsAtDriver, tasks, cached);
    int lbfgsMemory = config.solver().optimizerOptions().lbfgsMemory();
    if (OptimizerKind.LBFGS.optimizerName().equals(optimizer)
        && !config.solver().optimizerOptions().lbfgsMemoryGiven()) {
      int fits = DriverMemoryBudget.largestMemoryThatFits(lbfgsMemory, needAt, maxHeap);
      if (fits >= 1 && fits < lbfgsMemory) {
        log.printf(Locale.ROOT, "lbfgs-memory %d: the driver's heap (%.2f GiB) holds %d "
            + "correction pairs of %,d parameters, not the default %d (--lbfgs-memory sets "
            + "it; a larger driver heap keeps more)%n", fits, maxHeap / DriverMemoryBudget.GIB,
            fits, parameters, lbfgsMemory);
        config = config.withLbfgsMemory(fits);
        lbfgsMemory = fits;
      } else if (fits == 0) {
        lbfgsMemory = 1;
      }
    }
    DriverMemoryBudget.Need need = needAt.apply(lbfgsMemory);
    try {
      DriverMemoryBudget.check(need, optimizer, lbfgsMemory, maxHeap);
    } catch (BadInputException e) {
      // One stray index (2e9 in a file of small ones) looks like a memory problem: name its line.
      String origin = data.featureCountOrigin();
      throw origin == null ? e : new BadInputException(e.getMessage() + " " + origin, e);
    }
    if (need.bytes() > 0.1 * DriverMemoryBudget.usable(maxHeap)) {
      log.printf(Locale.ROOT, "driver memory: about %.2f GiB of parameter-sized vectors%s, "
          + "of %.2f GiB usable (max heap %.2f GiB)%n", need.bytes() / DriverMemoryBudget.GIB,
          cached > 0 ? " and cached data" : "",
          DriverMemoryBudget.usable(maxHeap) / DriverMemoryBudget.GIB, maxHeap / DriverMemoryBudget.GIB);
    }
    return config;
  }

  /**
   * Whether an optimizer's vectors fit this driver's heap (lbfgs with a single pair, the
   * least it can keep): what {@code --optimizer auto} weighs.
   */
  static Predicate<OptimizerKind> fitting(SparkContext spark, TrainConfig config,
      TrainingData data, long parameters, int partialsAtDriver) {
    long maxHeap = Runtime.getRuntime().maxMemory();
    long cached = cachedOnHeap(spark, data, maxHeap);
    int tasks = localTasks(spark, data);
    return kind -> DriverMemoryBudget.need(kind.optimizerName(), 1, config.run().newtonMaxDim(),
        config.run().maxIter(), parameters, partialsAtDriver, tasks, cached).bytes()
        <= DriverMemoryBudget.usable(maxHeap);
  }

  /** In local mode the cached blocks may share the driver's heap. */
  private static long cachedOnHeap(SparkContext spark, TrainingData data, long maxHeap) {
    StorageLevel level = data.blocks().getStorageLevel();
    return !spark.isLocal() ? 0 : DriverMemoryBudget.cachedOnHeap(data.arrayBytes(),
        level.useMemory() && level.deserialized() && !level.useOffHeap(), maxHeap,
        spark.getConf().getDouble("spark.memory.fraction", 0.6));
  }

  /** In local mode each running task's accumulator lives on the driver's heap. */
  private static int localTasks(SparkContext spark, TrainingData data) {
    return spark.isLocal() ? Math.min(spark.defaultParallelism(), data.numPartitions()) : 0;
  }
}
