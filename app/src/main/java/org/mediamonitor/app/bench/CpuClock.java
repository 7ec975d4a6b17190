package org.mediamonitor.app.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * CPU time used so far by this JVM and by the broker's JVM (when it is a local child process):
 * what a phase cost in CPU, not only in wall-clock time, since on two shared cores the two differ
 * by whatever else ran.
 */
final class CpuClock {

  /** CPU nanoseconds of this JVM and of the broker; the broker's is -1 when it cannot be read. */
  record Sample(long jvmNanos, long brokerNanos) {

    /** "2.1 s this JVM + 1.7 s broker = 190 µs an article" for the CPU used since {@code start}. */
    String since(Sample start, long articles) {
      double jvm = (jvmNanos - start.jvmNanos) / 1e9;
      if (brokerNanos < 0 || start.brokerNanos < 0) {
        return String.format(Locale.ROOT, "%.1f s this JVM (broker not measured) = %.0f µs an article", jvm,
            jvm * 1e6 / articles);
      }
      double broker = (brokerNanos - start.brokerNanos) / 1e9;
      return String.format(Locale.ROOT, "%.1f s this JVM + %.1f s broker = %.0f µs an article", jvm, broker,
          (jvm + broker) * 1e6 / articles);
    }
  }

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
    return new Sample(jvm, broker);
  }
}
