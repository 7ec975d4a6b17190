package org.mediamonitor.app.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Whether an exposition has what a set of PromQL queries reads: metric names, matched label values, grouping labels. */
final class MetricCoverage {

  /** Series Prometheus makes itself, not the services. */
  static final Set<String> PROMETHEUS_OWN = Set.of("up", "ALERTS", "ALERTS_FOR_STATE",
      "scrape_duration_seconds", "scrape_samples_scraped", "scrape_samples_post_metric_relabeling",
      "scrape_series_added");
  /** Labels Prometheus attaches to every scraped series (prometheus.yml's job and the target). */
  static final Set<String> TARGET_LABELS = Set.of("job", "instance");

  private static final Pattern LITERALS = Pattern.compile("[\\w-]+(\\|[\\w-]+)+");

  private MetricCoverage() {}

  /** What is wrong, one line per problem, naming the query that needs it. */
  static List<String> problems(Map<String, String> queries, Set<String> recorded, Exposition exposed) {
    List<String> problems = new ArrayList<>();
    queries.forEach((where, query) -> {
      PromQl.Reads reads = PromQl.reads(query);
      for (PromQl.Selector selector : reads.selectors()) {
        String name = selector.metric();
        if (PROMETHEUS_OWN.contains(name) || recorded.contains(name)) {
          continue;
        }
        List<Exposition.Sample> series = exposed.series(name);
        if (series.isEmpty()) {
          problems.add(name + " is not exposed (" + where + ": " + query + ")");
          continue;
        }
        if (name.endsWith("_bucket") && !"histogram".equals(exposed.histogramFamilyType(name))) {
          problems.add(name + " is not the bucket series of a histogram (" + where + ")");
        }
        for (PromQl.LabelMatcher m : selector.matchers()) {
          if (m.label().equals("__name__") || TARGET_LABELS.contains(m.label()) || m.value().isEmpty()) {
            continue;
          }
          boolean matched = switch (m.op()) {
            case "=" -> series.stream().anyMatch(s -> m.value().equals(s.labels().get(m.label())));
            case "=~" -> {
              // a plain list of alternatives (a|b|c) names values the panel expects, each of them
              List<String> alternatives = LITERALS.matcher(m.value()).matches()
                  ? List.of(m.value().split("\\|")) : List.of(m.value());
              yield alternatives.stream().allMatch(alternative -> {
                Pattern p = Pattern.compile(alternative);
                return series.stream().anyMatch(s -> s.labels().containsKey(m.label())
                    && p.matcher(s.labels().get(m.label())).matches());
              });
            }
            default -> true; // a negative matcher selects series without the label too
          };
          if (!matched) {
            problems.add(name + " has no series with " + m.label() + m.op() + "\"" + m.value() + "\" (" + where + ")");
          }
        }
        for (String label : reads.groupingLabels()) {
          if (!TARGET_LABELS.contains(label) && series.stream().noneMatch(s -> s.labels().containsKey(label))) {
            problems.add(name + " has no label " + label + " to group by (" + where + ": " + query + ")");
          }
        }
      }
    });
    return problems;
  }
}
