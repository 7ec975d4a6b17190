package org.mediamonitor.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MetricCoverageTest {

  private static final Exposition EXPOSED = new Exposition(String.join("\n",
      "# TYPE media_monitor_charges gauge",
      "media_monitor_charges{application=\"m\",kind=\"criminal\",period=\"current_month\"} 1",
      "media_monitor_charges{application=\"m\",kind=\"civil\",period=\"current_month\"} 0",
      "media_monitor_charges{application=\"m\",kind=\"criminal\",period=\"reported_month\"} NaN",
      "# TYPE media_monitor_e2e_latency_seconds histogram",
      "media_monitor_e2e_latency_seconds_bucket{application=\"m\",le=\"1.0\"} 1",
      "media_monitor_e2e_latency_seconds_bucket{application=\"m\",le=\"+Inf\"} 1",
      "media_monitor_e2e_latency_seconds_count{application=\"m\"} 1",
      "media_monitor_e2e_latency_seconds_sum{application=\"m\"} 0.2",
      "# TYPE media_monitor_streams_running gauge",
      "media_monitor_streams_running{app=\"enrich\",application=\"m\"} 1",
      ""));

  @Test
  void shouldAcceptQueriesOnExposedMetricsLabelsAndValues() {
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("a", "max by (kind) (media_monitor_charges{period=\"current_month\",kind=~\"criminal|civil\"})");
    queries.put("b", "histogram_quantile(0.99, sum by (le) (rate(media_monitor_e2e_latency_seconds_bucket[5m])))");
    queries.put("c", "min by (job, app, instance) (media_monitor_streams_running) == 0");
    queries.put("d", "up == 0");
    queries.put("e", "job:charges:max > 0");
    assertThat(MetricCoverage.problems(queries, Set.of("job:charges:max"), EXPOSED)).isEmpty();
  }

  @Test
  void shouldNameEachMissingMetricLabelAndValue() {
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("old panel", "max by (kind) (media_monitor_tally_current_month)");
    queries.put("by stage", "sum by (stage) (media_monitor_charges)");
    queries.put("period", "media_monitor_charges{period=\"year_to_date\"}");
    queries.put("kinds", "media_monitor_charges{kind=~\"criminal|administrative\"}");
    queries.put("not a histogram", "histogram_quantile(0.5, rate(media_monitor_e2e_latency_seconds_count[5m]))"
        + " + media_monitor_charges_bucket");
    assertThat(MetricCoverage.problems(queries, Set.of(), EXPOSED)).satisfiesExactly(
        p -> assertThat(p).startsWith("media_monitor_tally_current_month is not exposed (old panel"),
        p -> assertThat(p).startsWith("media_monitor_charges has no label stage to group by (by stage"),
        p -> assertThat(p).startsWith("media_monitor_charges has no series with period=\"year_to_date\""),
        p -> assertThat(p).startsWith("media_monitor_charges has no series with kind=~\"criminal|administrative\""),
        p -> assertThat(p).startsWith("media_monitor_charges_bucket is not exposed"));
  }
}
