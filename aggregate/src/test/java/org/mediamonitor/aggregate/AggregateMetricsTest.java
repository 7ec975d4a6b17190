package org.mediamonitor.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediamonitor.aggregate.Articles.administrative;
import static org.mediamonitor.aggregate.Articles.article;
import static org.mediamonitor.aggregate.Articles.criminal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.Meter;
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
    assertThat(registry.getMeters()).extracting(Meter::getId)
        .allMatch(id -> id.getTags().stream().allMatch(t -> t.getKey().equals("kind") || t.getKey().equals("period")));
  }
}
