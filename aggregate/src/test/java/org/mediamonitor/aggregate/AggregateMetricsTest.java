package org.mediamonitor.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediamonitor.aggregate.Articles.administrative;
import static org.mediamonitor.aggregate.Articles.article;
import static org.mediamonitor.aggregate.Articles.criminal;
import static org.mediamonitor.aggregate.Articles.figures;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mediamonitor.schema.ChargeStage;

class AggregateMetricsTest {

  private double gauge(SimpleMeterRegistry registry, String kind, String period) {
    return registry.get(AggregateMetrics.CHARGES).tag("kind", kind).tag("period", period).gauge().value();
  }

  @Test
  void shouldReportTheCurrentMonthYearToDateLateReportsAndCorrections() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AggregateConfig config = AggregateConfig.defaults();
    // 2025-04-30T20:00Z is already 1 May in Almaty
    Clock clock = Clock.fixed(Instant.parse("2025-04-30T20:00:00Z"), ZoneOffset.UTC);
    AggregateMetrics metrics = new AggregateMetrics(registry, config, clock);
    try (TallyHarness harness = new TallyHarness(config, metrics)) {
      harness.send(article("jan").incident("2025-01-10", criminal(ChargeStage.filed, 2)));
      harness.send(article("may").incident("2025-05-01", criminal(ChargeStage.filed, 1), administrative(4)));
      harness.send(article("late-mar").incident("2025-03-10", criminal(ChargeStage.filed, 3)));
      harness.send(article("jan").revision(2).incident("2025-01-10", criminal(ChargeStage.filed, 1)));
      harness.send(article("last-year").incident("2024-12-10", criminal(ChargeStage.filed, 7)));

      assertThat(gauge(registry, "criminal", "current_month")).isEqualTo(1);
      assertThat(gauge(registry, "administrative", "current_month")).isEqualTo(4);
      assertThat(gauge(registry, "criminal", "year_to_date")).isEqualTo(1 + 3 + 1);
      assertThat(registry.get(AggregateMetrics.LATE_REPORTS).counter().count()).isEqualTo(3);
      assertThat(registry.get(AggregateMetrics.CORRECTIONS).counter().count()).isEqualTo(1);
      assertThat(registry.get(AggregateMetrics.ALERTS_OPEN).tag("kind", "criminal").gauge().value()).isZero();
    }
    assertThat(gauge(registry, "criminal", "current_month")).as("the task left: nothing to report").isZero();
    // the simple registry shows the latency histogram's buckets as gauges tagged le; those are bounded too
    assertThat(registry.getMeters()).extracting(Meter::getId)
        .filteredOn(id -> !id.getName().equals(AggregateMetrics.E2E_LATENCY + ".histogram"))
        .allMatch(id -> id.getTags().stream().allMatch(t -> t.getKey().equals("kind") || t.getKey().equals("period")
            || t.getKey().equals("stage") || t.getKey().equals("reason"))); // dead letters: a fixed set of codes
  }

  @Test
  void shouldReportTheCurrentMonthsReportedFiguresAndNaNWhereNoDigestStatesThem() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AggregateConfig config = AggregateConfig.defaults();
    Clock clock = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);
    AggregateMetrics metrics = new AggregateMetrics(registry, config, clock);
    try (TallyHarness harness = new TallyHarness(config, metrics)) {
      assertThat(gauge(registry, "criminal", "reported_month")).as("no digest yet").isNaN();
      harness.send(article("may-digest").reported("2025-05", figures(9L, 9L, 9L), null));
      harness.send(article("june-digest").enriched("2025-06-10T00:00:00Z").reported("2025-06", figures(5L, null, 2L), null));

      assertThat(gauge(registry, "criminal", "reported_month")).isEqualTo(5);
      assertThat(gauge(registry, "administrative", "reported_month")).isEqualTo(2);
      assertThat(gauge(registry, "civil", "reported_month")).as("the digest does not state it").isNaN();

      harness.send(article("june-digest").revision(2).enriched("2025-06-11T00:00:00Z")
          .reported("2025-06", figures(6L, 1L, 2L), null));
      assertThat(gauge(registry, "criminal", "reported_month")).as("the revision replaces the figure").isEqualTo(6);
      harness.delete("june-digest");
      assertThat(gauge(registry, "criminal", "reported_month")).as("no digest left for June").isNaN();
    }
  }

  @Test
  void shouldTimeLiveContributionsFromTheirIngestTimestampAndSkipReplays() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AggregateConfig config = AggregateConfig.defaults();
    // the harness stamps its records 2025-06-01T00:00:01Z, 00:00:02Z, ...
    Clock clock = Clock.fixed(Instant.parse("2025-06-01T00:00:10Z"), ZoneOffset.UTC);
    AggregateMetrics metrics = new AggregateMetrics(registry, config, clock);
    try (TallyHarness harness = new TallyHarness(config, metrics)) {
      harness.send(article("a").incident("2025-05-10", criminal(ChargeStage.filed, 1)));
      harness.send(article("b").incident("2025-05-11", criminal(ChargeStage.filed, 1)));
      harness.send(article("off").offTopic());
      harness.delete("a");
    }
    Timer timer = registry.get(AggregateMetrics.E2E_LATENCY).timer();
    assertThat(timer.count()).as("two contributions applied; off-topic and deletion add none").isEqualTo(2);
    assertThat(timer.totalTime(TimeUnit.SECONDS)).isEqualTo(9 + 8);

    metrics.contributionApplied(Instant.parse("2025-05-31T22:00:00Z"));
    metrics.contributionApplied(Instant.parse("2025-06-01T00:00:11Z"));
    assertThat(timer.count()).as("a replay two hours old and a future stamp are not live latency").isEqualTo(2);
  }
}
