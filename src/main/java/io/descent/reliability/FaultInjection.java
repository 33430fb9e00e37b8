package io.descent.reliability;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;

/**
 * A test-only switch that makes one task fail, to prove that Spark's retry of a task gives
 * the same model. With Spark conf {@value #KEY}{@code =P:K}, the K-th gradient pass over
 * partition P throws on its first attempt; the retry (attempt 1) runs normally. Needs a
 * master that retries tasks: {@code local[N,maxFailures]} in local mode. Passes are counted
 * per executor JVM, which in local mode is the driver's. Without the key it does nothing.
 */
public final class FaultInjection {
  public static final String KEY = "spark.descent.test.failPartitionAtPass";
  /**
   * Driver-side: with {@value #HALT_KEY}{@code =POINT} (a Spark conf, or the same -D system
   * property), the driver halts at the named point as a kill -9 would stop it: no shutdown
   * hook, no finally block. Points: {@code promote.beforeSwitch} (promotion.json written,
   * latest not yet switched).
   */
  public static final String HALT_KEY = "spark.descent.test.haltAt";

  /** First attempts seen per partition, in this JVM. */
  private static final ConcurrentHashMap<Integer, AtomicInteger> PASSES = new ConcurrentHashMap<>();

  private FaultInjection() {}

  /** Halts this JVM (exit 137, as after SIGKILL) when {@code point} is the one asked for. */
  public static void haltAt(SparkConf conf, String point) {
    if (point.equals(conf.get(HALT_KEY, null))) {
      System.err.println("descent fault injection: halting at " + point);
      System.err.flush();
      Runtime.getRuntime().halt(137);
    }
  }

  /** Called at the start of a partition's gradient pass, on the executor. */
  public static void beforePass() {
    SparkEnv env = SparkEnv.get();
    TaskContext task = TaskContext.get();
    if (env == null || task == null) {
      return;
    }
    String spec = env.conf().get(KEY, null);
    if (spec == null || task.attemptNumber() > 0) {
      return;
    }
    String[] pk = spec.split(":");
    int partition = Integer.parseInt(pk[0].trim());
    int pass = Integer.parseInt(pk[1].trim());
    if (task.partitionId() != partition) {
      return;
    }
    int seen = PASSES.computeIfAbsent(partition, p -> new AtomicInteger()).incrementAndGet();
    if (seen == pass) {
      System.err.println("descent fault injection: partition " + partition + " fails at pass "
          + pass + " (stage " + task.stageId() + ", attempt 0)");
      throw new IllegalStateException("injected fault: partition " + partition + ", pass " + pass);
    }
  }
}
