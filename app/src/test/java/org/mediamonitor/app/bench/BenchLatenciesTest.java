package org.mediamonitor.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.mediamonitor.ingest.ArticleIds;

class BenchLatenciesTest {

  private static String id(long i) {
    return ArticleIds.id("https://steppe-herald.example/news/" + i, null);
  }

  @Test
  void latencyRunsFromTheAcknowledgementToTheFirstChangeInEitherOrder() {
    BenchLatencies t = new BenchLatencies(100);
    long a = t.published(id(1), true);
    long b = t.published(id(2), false);
    long c = t.published(id(3), true);
    long d = t.published(id(4), true);
    t.acknowledged(a, 1_000);
    t.changed(id(1), 1_700);
    t.changed(id(1), 9_000); // a later change of the same article does not count
    // the change seen before the acknowledgement callback ran: the latency is taken when it does
    t.changed(id(2), 2_500);
    t.acknowledged(b, 2_000);
    t.acknowledged(c, 3_000); // never changes a tally
    t.changed(id(4), 4_000); // never acknowledged (the publish failed)
    t.changed(id(99), 5_000); // not an article of this phase

    assertThat(t.latencies()).containsExactlyInAnyOrder(700, 500);
    assertThat(t.chargedPublished()).isEqualTo(3);
    assertThat(t.chargedSeen()).isEqualTo(2);
    assertThat(t.otherSeen()).isEqualTo(1);
    assertThat(t.seen()).isEqualTo(3);
    assertThat(t.acknowledged()).isEqualTo(3);
    assertThat(t.expiredCharged()).isZero();
    assertThat(t.awaitingChange()).isEqualTo(1);
    assertThat(d).isEqualTo(3);
  }

  @Test
  void aNegativeDifferenceCountsAsZero() {
    BenchLatencies t = new BenchLatencies(4);
    long a = t.published(id(1), true);
    t.changed(id(1), 900);
    t.acknowledged(a, 1_000);
    assertThat(t.latencies()).containsExactly(0);
  }

  /** 100,000 articles through a ring of 1,000: the bookkeeping stays at the ring's size. */
  @Test
  void staysBoundedAndGivesUpOnArticlesOlderThanTheRing() {
    int capacity = 1_000;
    BenchLatencies t = new BenchLatencies(capacity);
    long n = 100_000;
    long expectedLatencies = 0;
    long chargedNeverSeen = 0;
    for (long i = 0; i < n; i++) {
      boolean charged = i % 3 == 0;
      long seq = t.published(id(i), charged);
      t.acknowledged(seq, i * 10);
      // charged articles change a tally 500 articles later, except every 7th, which never does
      if (i >= 500 && (i - 500) % 3 == 0 && (i - 500) % 7 != 0) {
        t.changed(id(i - 500), i * 10);
        expectedLatencies++;
      }
      if (charged && i % 7 == 0 && i + capacity < n) {
        chargedNeverSeen++;
      }
      assertThat(t.awaitingChange()).isLessThanOrEqualTo(capacity);
    }
    long[] latencies = t.latencies();
    assertThat(latencies).hasSize((int) expectedLatencies);
    assertThat(Arrays.stream(latencies).distinct()).containsExactly(5_000L);
    // an article 1,000 places back has left the ring: its change comes too late to count
    t.changed(id(n - capacity - 1), n * 10);
    assertThat(t.latencies()).hasSize((int) expectedLatencies);
    // one still in the ring does count
    t.changed(id(n - 1), n * 10 + 10);
    assertThat(t.latencies()).hasSize((int) expectedLatencies + 1);
    assertThat(t.expiredCharged()).isEqualTo(chargedNeverSeen);
    assertThat(t.acknowledged()).isEqualTo(n);
  }

  @Test
  void capacityCoversTheHorizonButNeverMoreThanTheRunOrTheMaximum() {
    assertThat(BenchLatencies.capacity(12_000, 200, 300, 1 << 20)).isEqualTo(12_000);
    assertThat(BenchLatencies.capacity(120_000, 200, 300, 1 << 20)).isEqualTo(60_000);
    assertThat(BenchLatencies.capacity(10_000_000_000L, 100_000, 300, 1 << 20)).isEqualTo(1 << 20);
    assertThat(BenchLatencies.capacity(0, 200, 300, 1 << 20)).isEqualTo(1);
  }
}
