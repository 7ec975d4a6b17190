package org.mediamonitor.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mediamonitor.app.RunningPipeline;
import org.mediamonitor.aggregate.AggregateConfig;
import org.mediamonitor.testkit.KafkaBrokerExtension;

/**
 * Every metric a Grafana panel or a Prometheus alert rule reads is one the running pipeline
 * exposes, with the labels the query selects and groups by. A dashboard written against a name
 * the services never export shows "No data" forever, and an alert on it never fires: this test is
 * where such a drift fails.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DashboardMetricsIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  @TempDir
  static Path state;

  static RunningPipeline pipeline;
  static String counted;
  static final ZoneId ZONE = AggregateConfig.defaults().zone();

  @BeforeAll
  static void start() throws Exception {
    pipeline = RunningPipeline.start(KAFKA, state, "dashboard-it");
    // today, in the aggregate's calendar: the current-month gauges then have something to show
    String now = OffsetDateTime.now(ZONE).withNano(0).toString();
    counted = pipeline.postArticle("https://steppe-herald.example/news/dash-criminal", "Steppe Herald", now,
        "Police in Taraz opened a criminal case against blogger Arman Testov under Article 274 of the Criminal "
            + "Code, dissemination of knowingly false information, over a post about the city budget.");
    pipeline.postArticle("https://kokshetau-courier.example/news/dash-fine", "Kokshetau Courier", now,
        "A court in Kokshetau fined the editor of Kokshetau Courier, Dana Omarova, under Article 456-2 of the "
            + "Code of Administrative Offences for spreading false information.");
    pipeline.postArticle("https://semey-evening.example/news/dash-suit", "Semey Evening", now,
        "A district court in Semey accepted a lawsuit for the protection of honour, dignity and business "
            + "reputation under Article 143 of the Civil Code against the newspaper Semey Evening.");
    String month = YearMonth.from(ZonedDateTime.now(ZONE)).toString();
    await().alias("the criminal case counted in " + month).atMost(Duration.ofSeconds(60))
        .until(() -> pipeline.listsIncidentOf(month, counted));
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void shouldExposeEveryMetricAndLabelTheDashboardsAndAlertRulesRead() throws Exception {
    Path root = OpsFiles.repoRoot();
    OpsFiles.Rules rules = OpsFiles.rules(root.resolve("ops/prometheus/rules.yml"));
    Map<String, String> queries = new LinkedHashMap<>(OpsFiles.dashboardQueries(root));
    queries.putAll(rules.expressions());
    assertThat(queries).as("queries found in the dashboards and rules").hasSizeGreaterThanOrEqualTo(10);
    assertThat(queries.values()).as("the files are read, not just found")
        .anyMatch(q -> q.contains("media_monitor_spike_alerts_open"))
        .anyMatch(q -> q.contains("histogram_quantile"));

    // Kafka client metrics are bound as the clients create them (Micrometer looks again every
    // minute), so a missing one is only final after that
    try {
      await().alias("every queried metric exposed").atMost(Duration.ofSeconds(100)).pollInterval(Duration.ofSeconds(2))
          .until(() -> MetricCoverage.problems(queries, rules.recorded(), scrape()).isEmpty());
    } catch (ConditionTimeoutException e) {
      // the assertion below names what is missing
    }
    assertThat(MetricCoverage.problems(queries, rules.recorded(), scrape())).isEmpty();
  }

  @Test
  void shouldShowTheCurrentMonthAndTimeEachArticleFromIngestToTally() throws Exception {
    // the month figure the dashboard's first panel reads, and the latency its last panel reads
    await().alias("criminal charges of the current month on /metrics").atMost(Duration.ofSeconds(30))
        .until(() -> value(scrape(), "media_monitor_charges", Map.of("kind", "criminal", "period", "current_month")) >= 1);
    Exposition e = scrape();
    assertThat(value(e, "media_monitor_charges", Map.of("kind", "administrative", "period", "year_to_date")))
        .isGreaterThanOrEqualTo(1);
    double count = value(e, "media_monitor_e2e_latency_seconds_count", Map.of());
    double sum = value(e, "media_monitor_e2e_latency_seconds_sum", Map.of());
    assertThat(count).as("contributions applied live").isGreaterThanOrEqualTo(1);
    assertThat(sum / count).as("mean seconds from ingest to tally").isGreaterThan(0).isLessThan(60);
    assertThat(value(e, "media_monitor_e2e_latency_seconds_bucket", Map.of("le", "+Inf"))).isEqualTo(count);
  }

  private static Exposition scrape() throws Exception {
    return new Exposition(pipeline.get("/metrics").body());
  }

  /** The one sample of {@code name} with these labels (others ignored); fails when there is none or several. */
  private static double value(Exposition e, String name, Map<String, String> labels) {
    List<Exposition.Sample> found = e.series(name).stream()
        .filter(s -> labels.entrySet().stream().allMatch(l -> l.getValue().equals(s.labels().get(l.getKey()))))
        .toList();
    assertThat(found).as(name + labels).hasSize(1);
    return found.get(0).value();
  }
}
