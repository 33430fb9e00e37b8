package io.descent.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * The start times of Spark jobs, from the scheduler's own timestamps: for systems that run
 * their iterations inside one call (MLlib, Spark ML), the gaps between consecutive job starts
 * are the time of one pass, setup excluded.
 */
final class JobClock extends SparkListener {
  private final List<Long> starts = new ArrayList<>();

  @Override
  public synchronized void onJobStart(SparkListenerJobStart jobStart) {
    starts.add(jobStart.time());
  }

  synchronized int jobs() {
    return starts.size();
  }

  /** Median seconds between consecutive job starts among jobs [from, jobs()). */
  synchronized double medianGap(int from) {
    int n = starts.size() - from - 1;
    if (n < 1) {
      return Double.NaN;
    }
    double[] gaps = new double[n];
    for (int i = 0; i < n; i++) {
      gaps[i] = (starts.get(from + i + 1) - starts.get(from + i)) / 1e3;
    }
    Arrays.sort(gaps);
    return gaps[n / 2];
  }
}
