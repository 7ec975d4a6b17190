package org.mediamonitor.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CpuClockTest {

  /** A real stat line of a C2 thread (proc(5)): utime 1234 and stime 56 are fields 14 and 15. */
  private static final String C2 = "4242 (C2 CompilerThre) S 4200 4200 4200 0 -1 1077936192 9 0 0 0 1234 56 0 0 20 0 "
      + "40 0 123456 5000000000 9000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 -1 1 0 0 0 0 0";

  @Test
  void aCompilerThreadsTicksAreItsUserPlusSystemTime() {
    assertThat(CpuClock.compilerTicks(C2)).isEqualTo(1234 + 56);
    assertThat(CpuClock.compilerTicks(C2.replace("C2 CompilerThre", "C1 CompilerThre"))).isEqualTo(1290);
  }

  @Test
  void aNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
    assertThat(CpuClock.compilerTicks(C2.replace("(C2 CompilerThre)", "(C2 CompilerThre) 7 7 (z)"))).isEqualTo(1290);
  }

  @Test
  void otherThreadsAndBrokenLinesCountNothing() {
    assertThat(CpuClock.compilerTicks(C2.replace("C2 CompilerThre", "main"))).isZero();
    assertThat(CpuClock.compilerTicks(C2.replace("(C2 CompilerThre)", "(x) S 1 (y)"))).isZero();
    assertThat(CpuClock.compilerTicks("4242 (C2 CompilerThre) S 1 2")).isZero();
    assertThat(CpuClock.compilerTicks("garbage")).isZero();
  }

  @Test
  void threadsAreChargedToTheApplicationTheirNameCarries() {
    assertThat(CpuClock.group("bench-mwwnvv1r-enrich-9cb81d00-b856-4547-b878-4aa7c4922872-StreamThread-1"))
        .isEqualTo("enrich");
    assertThat(CpuClock.group("kafka-producer-network-thread | bench-mwwnvv1r-aggregate-da162b7e-StreamThread-1-producer"))
        .isEqualTo("aggregate");
    assertThat(CpuClock.group("bench-mwwnvv1r-passthrough-6e298101-StreamThread-1")).isEqualTo("pass-through");
    assertThat(CpuClock.group("kafka-producer-network-thread | media-monitor-ingest")).isEqualTo("ingest");
    assertThat(CpuClock.group("bench-tally-reader")).isEqualTo("other threads");
  }

  @Test
  void busyThreadsShowInTheirGroupAndNothingIsCountedTwice() throws Exception {
    CpuClock clock = new CpuClock(java.util.OptionalLong.empty());
    CpuClock.Sample start = clock.now();
    CountDownLatch spent = new CountDownLatch(1);
    CountDownLatch sampled = new CountDownLatch(1);
    Thread spin = new Thread(() -> {
      // spends 200 ms of its own CPU (however long that takes on a busy machine), then stays alive
      java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
      long x = 0;
      while (mx.getCurrentThreadCpuTime() < 200_000_000L) {
        x += Long.numberOfTrailingZeros(System.nanoTime());
      }
      spent.countDown();
      try {
        sampled.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      assertThat(x).isNotNegative();
    }, "enrich-test-spinner");
    spin.start();
    assertThat(spent.await(60, TimeUnit.SECONDS)).isTrue();
    CpuClock.Sample end = clock.now();
    sampled.countDown();
    spin.join();
    String line = end.byThread(start);
    double enrich = Double.parseDouble(line.replaceAll(".*\\benrich ([0-9.]+) s.*", "$1"));
    assertThat(enrich).as(line).isGreaterThanOrEqualTo(0.15);
    double jvm = (end.jvmNanos() - start.jvmNanos()) / 1e9;
    assertThat(enrich).as("a group never exceeds the whole JVM: " + line).isLessThanOrEqualTo(jvm + 0.05);
  }

  @Test
  void thisJvmsCompilerThreadsHaveWorkedByNow() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "no /proc: the JIT's CPU is not measured here");
    // by the time a test runs, C1 has compiled hundreds of methods: more than one 10 ms tick
    assertThat(CpuClock.jitNanos()).isGreaterThan(0);
    assertThat(CpuClock.jitNanos("999999999")).isEqualTo(-1);
  }
}
