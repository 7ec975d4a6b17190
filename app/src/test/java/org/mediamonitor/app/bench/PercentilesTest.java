package org.mediamonitor.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankOnOneToHundred() {
    long[] values = new long[100];
    for (int i = 0; i < 100; i++) {
      values[i] = 100 - i; // unsorted on purpose
    }
    Percentiles p = new Percentiles(values);
    assertThat(p.percentile(50)).isEqualTo(50);
    assertThat(p.percentile(99)).isEqualTo(99);
    assertThat(p.percentile(100)).isEqualTo(100);
    assertThat(p.percentile(0.5)).isEqualTo(1);
    assertThat(p.max()).isEqualTo(100);
  }

  @Test
  void aSmallSampleRoundsTheRankUp() {
    Percentiles p = new Percentiles(new long[] {30, 10, 20, 40});
    assertThat(p.percentile(50)).isEqualTo(20); // rank ceil(2.0) = 2
    assertThat(p.percentile(51)).isEqualTo(30); // rank ceil(2.04) = 3
    assertThat(p.percentile(99)).isEqualTo(40);
    assertThat(new Percentiles(new long[] {7}).percentile(1)).isEqualTo(7);
  }

  @Test
  void oneSlowValueInAHundredIsNotTheNinetyNinthPercentile() {
    long[] values = new long[100];
    java.util.Arrays.fill(values, 10);
    values[17] = 5_000;
    assertThat(new Percentiles(values).percentile(99)).isEqualTo(10);
    values[18] = 5_000;
    assertThat(new Percentiles(values).percentile(99)).isEqualTo(5_000);
  }

  @Test
  void doesNotChangeTheCallersArray() {
    long[] values = {3, 1, 2};
    new Percentiles(values);
    assertThat(values).containsExactly(3, 1, 2);
  }

  @Test
  void refusesEmptySamplesAndPercentilesOutOfRange() {
    assertThatThrownBy(() -> new Percentiles(new long[0]).percentile(50)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new Percentiles(new long[] {1}).percentile(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Percentiles(new long[] {1}).percentile(101)).isInstanceOf(IllegalArgumentException.class);
  }
}
