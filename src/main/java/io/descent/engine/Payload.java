package io.descent.engine;

import java.io.Serializable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The parameters a pass ships to its tasks. Small ones travel inside the task closure: Spark
 * already broadcasts every stage's serialized closure, so a separate broadcast would only add
 * its creation, a fetch per executor and a destroy to the fixed cost of the job. Large ones
 * are broadcast (each executor fetches them once, not once per task) and destroyed after use.
 */
abstract class Payload<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Up to this many doubles ride in the closure. Each task deserializes its own copy, which at
   * this size costs less than the broadcast's round trip (measured in docs/benchmarks.md).
   */
  static final long CLOSURE_DOUBLES = 1 << 16;

  abstract T value();

  /** Frees the broadcast, if any; called by the driver once the job is over. */
  abstract void release();

  static <T> Payload<T> of(JavaSparkContext jsc, T value, long doubles) {
    return doubles <= CLOSURE_DOUBLES ? new InClosure<>(value) : new Broadcasted<>(jsc.broadcast(value));
  }

  private static final class InClosure<T> extends Payload<T> {
    private static final long serialVersionUID = 1L;
    private final T value;

    InClosure(T value) {
      this.value = value;
    }

    @Override
    T value() {
      return value;
    }

    @Override
    void release() {}
  }

  private static final class Broadcasted<T> extends Payload<T> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<T> broadcast;

    Broadcasted(Broadcast<T> broadcast) {
      this.broadcast = broadcast;
    }

    @Override
    T value() {
      return broadcast.value();
    }

    @Override
    void release() {
      broadcast.destroy();
    }
  }
}
