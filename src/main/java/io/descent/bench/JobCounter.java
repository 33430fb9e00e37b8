package io.descent.bench;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;

/** Counts Spark jobs: the one cost measure that Descent and Spark ML share. */
final class JobCounter extends SparkListener {
  private final AtomicInteger jobs = new AtomicInteger();

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    jobs.incrementAndGet();
  }

  int jobs() {
    return jobs.get();
  }
}
