package org.mediamonitor.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromQlTest {

  @Test
  void shouldFindTheMetricsBehindAggregationsFunctionsAndOperators() {
    PromQl.Reads r = PromQl.reads("max by (job) (kafka_consumer_fetch_manager_records_lag_max) > 1000 and "
        + "max by (job) (deriv(kafka_consumer_fetch_manager_records_lag_max[10m])) > 0");
    assertThat(r.metrics()).containsExactly("kafka_consumer_fetch_manager_records_lag_max");
    assertThat(r.groupingLabels()).containsExactly("job");

    PromQl.Reads q = PromQl.reads(
        "histogram_quantile(0.99, sum by (le) (rate(media_monitor_e2e_latency_seconds_bucket[5m] offset 1h)))");
    assertThat(q.metrics()).containsExactly("media_monitor_e2e_latency_seconds_bucket");
    assertThat(q.groupingLabels()).containsExactly("le");

    assertThat(PromQl.reads("sum(rate(a_total[5m])) * 60 / ignoring(stage) group_left b_total unless on(x) c").metrics())
        .containsExactly("a_total", "b_total", "c");
    PromQl.Reads w = PromQl.reads("sum without (instance) (x) + on (kind) y");
    assertThat(w.metrics()).containsExactly("x", "y");
    assertThat(w.groupingLabels()).as("without and ignoring name labels that need not exist").containsExactly("kind");
    assertThat(PromQl.reads("up == 0").metrics()).containsExactly("up");
    assertThat(PromQl.reads("1e3 + 0x1F * 2.5 > bool Inf").metrics()).isEmpty();
  }

  @Test
  void shouldReadLabelMatchersWithoutTakingTheirValuesForNames() {
    PromQl.Reads r = PromQl.reads(
        "max by (kind) (media_monitor_charges{period=\"current_month\", kind=~\"criminal|civil (sum)\",x!='a\\'b'})");
    assertThat(r.metrics()).containsExactly("media_monitor_charges");
    assertThat(r.selectors().get(0).matchers()).containsExactly(
        new PromQl.LabelMatcher("period", "=", "current_month"),
        new PromQl.LabelMatcher("kind", "=~", "criminal|civil (sum)"),
        new PromQl.LabelMatcher("x", "!=", "a'b"));
    assertThat(PromQl.reads("count({__name__=\"media_monitor_charges\", period=\"year_to_date\"})").metrics())
        .containsExactly("media_monitor_charges");
    assertThatThrownBy(() -> PromQl.reads("x{period current_month}")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldReadExpressionsAndRecordedNamesFromARuleFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("rules.yml");
    Files.write(file, List.of(
        "groups:",
        "  - name: g   # a comment",
        "    rules:",
        "      - record: job:x:rate5m",
        "        expr: sum by (job) (rate(x_total[5m]))",
        "      - alert: A",
        "        expr: \"max(y) > 0\"",
        "        for: 1m",
        "      - alert: B",
        "        expr: |",
        "          sum(z)",
        "            > 1",
        "        labels: {severity: page}",
        "      - alert: C",
        "        expr: w > 1",
        "          and v > 2"));
    OpsFiles.Rules rules = OpsFiles.rules(file);
    assertThat(rules.expressions().values()).containsExactly(
        "sum by (job) (rate(x_total[5m]))", "max(y) > 0", "sum(z)\n> 1", "w > 1 and v > 2");
    assertThat(rules.recorded()).containsExactly("job:x:rate5m");
  }

  @Test
  void shouldReadAnExpositionAndKnowAHistogramsParts() {
    Exposition e = new Exposition(String.join("\n",
        "# HELP t_seconds latency",
        "# TYPE t_seconds histogram",
        "t_seconds_bucket{application=\"m\",le=\"0.1\"} 3",
        "t_seconds_bucket{application=\"m\",le=\"+Inf\"} 4",
        "t_seconds_count{application=\"m\"} 4",
        "t_seconds_sum{application=\"m\"} 0.5",
        "# TYPE g gauge",
        "g{kind=\"a \\\"quoted\\\", b\",period=\"reported_month\"} NaN",
        ""));
    assertThat(e.series("t_seconds_bucket")).hasSize(2).allMatch(s -> s.labels().containsKey("le"));
    assertThat(e.histogramFamilyType("t_seconds_bucket")).isEqualTo("histogram");
    assertThat(e.histogramFamilyType("g")).isNull();
    assertThat(e.series("g").get(0).labels()).containsEntry("kind", "a \"quoted\", b");
    assertThat(e.series("g").get(0).value()).isNaN();
    assertThat(e.exposes("t_seconds")).as("a family name is not a series").isFalse();
  }
}
