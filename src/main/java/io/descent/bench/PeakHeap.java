package io.descent.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The JVM's heap peaks: the heap in use, sampled every 20 ms (garbage included: how close
 * the run came to -Xmx), and the largest heap left after a collection (what was live: close
 * to the least -Xmx the run could have had).
 */
final class PeakHeap {
  private static final AtomicLong LIVE = new AtomicLong();
  private static volatile boolean listening;

  private PeakHeap() {}

  private static final AtomicLong IN_USE = new AtomicLong();

  /** The largest heap in use seen by the sampler so far. */
  static double gigabytes() {
    return IN_USE.get() / 1e9;
  }

  /** Starts watching collections; call once, early. */
  static synchronized void watchCollections() {
    if (listening) {
      return;
    }
    listening = true;
    Thread sampler = new Thread(() -> {
      java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      while (true) {
        IN_USE.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "descent-heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    java.util.Set<String> heapPools = new java.util.HashSet<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener((n, handback) -> {
          if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
          }
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
          long used = 0;
          for (java.util.Map.Entry<String, MemoryUsage> u
              : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(u.getKey())) {
              used += u.getValue().getUsed();
            }
          }
          LIVE.accumulateAndGet(used, Math::max);
        }, null, null);
      }
    }
  }

  /** The largest heap in use right after a collection, so far (G1 frees dead large arrays in young collections). */
  static double liveGigabytes() {
    return LIVE.get() / 1e9;
  }
}
