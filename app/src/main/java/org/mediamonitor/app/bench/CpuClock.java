package org.mediamonitor.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU time used so far by this JVM and by the broker's JVM (when it is a local child process):
 * what a phase cost in CPU, not only in wall-clock time, since on two shared cores the two differ
 * by whatever else ran.
 */
final class CpuClock {

  /**
   * CPU nanoseconds of this JVM, of its JIT compiler threads (part of the JVM's) and of the broker;
   * the JIT's and the broker's are -1 when they cannot be read.
   */
  record Sample(long jvmNanos, long jitNanos, long brokerNanos, long brokerJitNanos, Map<Long, ThreadCpu> threads) {

    /**
     * "2.1 s this JVM (JIT compiler 0.6 s) + 1.7 s broker = 190 µs an article" for the CPU used
     * since {@code start}.
     */
    String since(Sample start, long articles) {
      double jvm = (jvmNanos - start.jvmNanos) / 1e9;
      String jit = jitPart(start.jitNanos, jitNanos);
      if (brokerNanos < 0 || start.brokerNanos < 0) {
        return String.format(Locale.ROOT, "%.1f s this JVM%s (broker not measured) = %.0f µs an article", jvm, jit,
            jvm * 1e6 / articles);
      }
      double broker = (brokerNanos - start.brokerNanos) / 1e9;
      String brokerJit = jitPart(start.brokerJitNanos, brokerJitNanos);
      return String.format(Locale.ROOT, "%.1f s this JVM%s + %.1f s broker%s = %.0f µs an article", jvm, jit, broker,
          brokerJit, (jvm + broker) * 1e6 / articles);
    }

    private static String jitPart(long before, long now) {
      return before < 0 || now < 0 ? "" : String.format(Locale.ROOT, " (JIT compiler %.1f s)", (now - before) / 1e9);
    }

    /**
     * "enrich 3.4 s, aggregate 2.6 s, ingest 0.0 s, other threads 0.3 s, JIT 4.7 s, GC and the
     * rest of the VM 0.2 s": this JVM's CPU since {@code start}, by who used it. Java threads are
     * grouped by the application their name carries; a thread that ended in between is missing
     * from its group and counted in the rest.
     */
    String byThread(Sample start) {
      Map<String, Long> groups = new LinkedHashMap<>();
      GROUPS.values().forEach(g -> groups.put(g, 0L));
      groups.put(OTHER, 0L);
      long java = 0;
      for (Map.Entry<Long, ThreadCpu> e : threads.entrySet()) {
        ThreadCpu before = start.threads.get(e.getKey());
        long used = e.getValue().nanos() - (before == null ? 0 : before.nanos());
        if (used > 0) {
          groups.merge(group(e.getValue().name()), used, Long::sum);
          java += used;
        }
      }
      StringBuilder b = new StringBuilder();
      // a group that did not work in the phase (the pass-through's during the pipeline) says nothing
      groups.forEach((g, n) -> {
        if (n >= MIN_SHOWN_NANOS) {
          b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f s", g, n / 1e9));
        }
      });
      boolean jitKnown = jitNanos >= 0 && start.jitNanos >= 0;
      long jit = jitKnown ? jitNanos - start.jitNanos : 0;
      if (jitKnown) {
        b.append(String.format(Locale.ROOT, "%sJIT %.1f s", b.length() == 0 ? "" : ", ", jit / 1e9));
      }
      long rest = Math.max(0, jvmNanos - start.jvmNanos - java - jit);
      return b.append(String.format(Locale.ROOT, "%sGC and the rest of the VM %.1f s", b.length() == 0 ? "" : ", ",
          rest / 1e9)).toString();
    }
  }

  /** One Java thread's name and CPU nanoseconds so far. */
  record ThreadCpu(String name, long nanos) {}

  /**
   * What a thread's name carries (Streams client ids, producer ids) to the application it works
   * for, in the order tested and printed.
   */
  private static final Map<String, String> GROUPS = orderedGroups();
  private static final String OTHER = "other threads";
  private static final long MIN_SHOWN_NANOS = 50_000_000L;

  private static Map<String, String> orderedGroups() {
    Map<String, String> groups = new LinkedHashMap<>();
    groups.put("passthrough", "pass-through");
    groups.put("enrich", "enrich");
    groups.put("aggregate", "aggregate");
    groups.put("ingest", "ingest");
    return groups;
  }

  static String group(String threadName) {
    String n = threadName.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> g : GROUPS.entrySet()) {
      if (n.contains(g.getKey())) {
        return g.getValue();
      }
    }
    return OTHER;
  }

  /** USER_HZ, the unit of the ticks in {@code stat}: 100 on the x86-64 and arm64 kernels the bench runs on. */
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  private final OptionalLong brokerPid;

  CpuClock(OptionalLong brokerPid) {
    this.brokerPid = brokerPid;
  }

  Sample now() {
    long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    long broker = -1;
    if (brokerPid.isPresent()) {
      broker = ProcessHandle.of(brokerPid.getAsLong())
          .flatMap(p -> p.info().totalCpuDuration())
          .map(Duration::toNanos)
          .orElse(-1L);
    }
    long brokerJit = brokerPid.isPresent() ? jitNanos(Long.toString(brokerPid.getAsLong())) : -1;
    return new Sample(jvm, jitNanos(), broker, brokerJit, javaThreads());
  }

  private static Map<Long, ThreadCpu> javaThreads() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<Long, ThreadCpu> threads = new HashMap<>();
    if (!mx.isThreadCpuTimeSupported() || !mx.isThreadCpuTimeEnabled()) {
      return threads;
    }
    for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info != null) {
        long nanos = mx.getThreadCpuTime(info.getThreadId());
        if (nanos >= 0) {
          threads.put(info.getThreadId(), new ThreadCpu(info.getThreadName(), nanos));
        }
      }
    }
    return threads;
  }

  /**
   * CPU of HotSpot's compiler threads ("C1 CompilerThre…", "C2 CompilerThre…"), read from Linux's
   * per-thread {@code /proc/self/task/<tid>/stat}: the JVM's management beans hide these threads,
   * and on two cores their work competes with the pipeline's. -1 where /proc is not there.
   */
  static long jitNanos() {
    return jitNanos("self");
  }

  /** {@link #jitNanos()} of process {@code pid} ("self" for this one). */
  static long jitNanos(String pid) {
    Path tasks = Path.of("/proc", pid, "task");
    if (!Files.isDirectory(tasks)) {
      return -1;
    }
    long ticks = 0;
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
      for (Path task : dir) {
        try {
          ticks += compilerTicks(Files.readString(task.resolve("stat")));
        } catch (IOException threadGone) {
          // a compiler thread that exited between the listing and the read: its time is lost, fine
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
  }

  /**
   * User + system clock ticks of one thread from its {@code stat} line, when the thread is a JIT
   * compiler thread, else 0. The name sits in parentheses and may hold spaces and parentheses
   * itself, so the fields are counted from the last ')': state is field 3, utime and stime are
   * fields 14 and 15 (proc(5)).
   */
  static long compilerTicks(String stat) {
    int open = stat.indexOf('(');
    int close = stat.lastIndexOf(')');
    if (open < 0 || close < open || !stat.substring(open + 1, close).contains("CompilerThre")) {
      return 0;
    }
    String[] fields = stat.substring(close + 2).trim().split(" ");
    if (fields.length < 13) {
      return 0;
    }
    try {
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
