package org.mediamonitor.app.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.management.GcInfo;

/**
 * Samples this JVM's used heap every few milliseconds on a daemon thread and keeps the maximum
 * seen, overall and since the last {@link #takeWindowMax()}. The used heap before a collection is
 * what a heap limit must accommodate; the heap left after collections shows whether it leaks.
 */
final class HeapSampler implements AutoCloseable {

  private final Thread thread;
  private final AtomicLong max = new AtomicLong();
  private final AtomicLong windowMax = new AtomicLong();
  private volatile boolean running = true;

  HeapSampler(long periodMs) {
    thread = new Thread(() -> {
      while (running) {
        sample();
        try {
          Thread.sleep(periodMs);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    max.accumulateAndGet(used, Math::max);
    windowMax.accumulateAndGet(used, Math::max);
  }

  long maxBytes() {
    sample();
    return max.get();
  }

  /** The maximum since the previous call, and a new window. */
  long takeWindowMax() {
    sample();
    return windowMax.getAndSet(0);
  }

  static long usedNowBytes() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * The heap in use right after the most recent collection of any collector (young or full): the
   * live set plus what old regions still hold. A leak shows as this figure rising run after run.
   */
  static long afterLastGcBytes() {
    long latestStart = -1;
    long used = 0;
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (bean instanceof com.sun.management.GarbageCollectorMXBean gc) {
        GcInfo info = gc.getLastGcInfo();
        if (info != null && info.getStartTime() > latestStart) {
          latestStart = info.getStartTime();
          used = 0;
          for (Map.Entry<String, MemoryUsage> e : info.getMemoryUsageAfterGc().entrySet()) {
            if (HEAP_POOLS.contains(e.getKey())) {
              used += e.getValue().getUsed();
            }
          }
        }
      }
    }
    return used;
  }

  private static final Set<String> HEAP_POOLS = heapPools();

  private static Set<String> heapPools() {
    Set<String> names = new HashSet<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        names.add(pool.getName());
      }
    }
    return names;
  }

  static long maxHeapBytes() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
