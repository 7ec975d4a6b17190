package org.mediamonitor.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
  void thisJvmsCompilerThreadsHaveWorkedByNow() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "no /proc: the JIT's CPU is not measured here");
    // by the time a test runs, C1 has compiled hundreds of methods: more than one 10 ms tick
    assertThat(CpuClock.jitNanos()).isGreaterThan(0);
    assertThat(CpuClock.jitNanos("999999999")).isEqualTo(-1);
  }
}
