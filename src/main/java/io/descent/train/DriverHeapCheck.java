package io.descent.train;

import io.descent.BadInputException;
import io.descent.config.TrainConfig;
import io.descent.data.packing.TrainingData;
import java.io.PrintStream;
import java.util.Locale;
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
   * it they will take when that is a noticeable share.
   *
   * @param parameters the length of one parameter vector
   * @param partialsAtDriver the partial gradients the driver receives per pass
   */
  static void check(SparkContext spark, TrainConfig config, TrainingData data, long parameters,
      int partialsAtDriver, PrintStream log) {
    boolean local = spark.isLocal();
    int lbfgsMemory = config.solver().optimizerOptions().lbfgsMemory();
    long maxHeap = Runtime.getRuntime().maxMemory();
    StorageLevel level = data.blocks().getStorageLevel();
    long cached = !local ? 0 : DriverMemoryBudget.cachedOnHeap(data.arrayBytes(),
        level.useMemory() && level.deserialized() && !level.useOffHeap(), maxHeap,
        spark.getConf().getDouble("spark.memory.fraction", 0.6));
    int tasks = local ? Math.min(spark.defaultParallelism(), data.numPartitions()) : 0;
    DriverMemoryBudget.Need need = DriverMemoryBudget.need(config.solver().optimizer(), lbfgsMemory,
        config.run().newtonMaxDim(), config.run().maxIter(), parameters,
        partialsAtDriver, tasks, cached);
    try {
      DriverMemoryBudget.check(need, config.solver().optimizer(), lbfgsMemory, maxHeap);
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
  }
}
