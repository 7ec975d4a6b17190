package org.mediamonitor.app.faults;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.mediamonitor.aggregate.AggregateConfig;
import org.mediamonitor.aggregate.Contributions;
import org.mediamonitor.aggregate.Counts;
import org.mediamonitor.enrich.ClassifierTagger;
import org.mediamonitor.schema.ArticleContribution;
import org.mediamonitor.schema.ChargeCounts;
import org.mediamonitor.schema.CountedIncident;
import org.mediamonitor.schema.MonthlyCharges;
import org.mediamonitor.schema.RawArticle;

/**
 * The oracle: the tallies a fault-free pipeline must end with, computed without Kafka. Each article
 * is tagged by the same classifier and bundled taxonomy the enrich service uses and turned into its
 * contribution by the aggregate's pure {@link Contributions#of}; the counting rules are then applied
 * here, independently of the stream processors: the last revision of an article replaces earlier
 * ones, a story (content hash) told by several outlets counts once (through its smallest article
 * id), months are summed and the year to date runs from January.
 */
final class ExpectedTallies {

  /** What a month's tally holds, as the pipeline publishes it (time stamps left out). */
  record MonthFigures(String month, ChargeCounts computed, ChargeCounts yearToDate, int incidents) {

    static MonthFigures of(MonthlyCharges m) {
      return new MonthFigures(m.getMonth(), m.getComputed(), m.getYearToDate(), m.getIncidents());
    }

    /** One element of {@code GET /api/v1/months}. */
    static MonthFigures of(JsonNode month) {
      return new MonthFigures(month.get("month").asText(), counts(month), counts(month.get("year_to_date")),
          month.get("incidents").asInt());
    }

    private static ChargeCounts counts(JsonNode node) {
      long[] v = Counts.FIELDS.stream().mapToLong(f -> node.get(f.name()).asLong()).toArray();
      return new ChargeCounts(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }
  }

  private static final ClassifierTagger TAGGER = ClassifierTagger.compile(ClassifierTagger.bundledContent());
  private static final ZoneId ZONE = ZoneId.of(AggregateConfig.DEFAULT_ZONE);

  private ExpectedTallies() {}

  /** Month (YYYY-MM) to its figures, for the raw records in the order they were produced. */
  static Map<String, MonthFigures> of(Collection<RawArticle> produced) {
    Map<String, RawArticle> latest = new HashMap<>();
    for (RawArticle raw : produced) {
      latest.merge(raw.getId(), raw, (a, b) -> b.getRevision() >= a.getRevision() ? b : a);
    }
    // story key -> the contribution that represents it: the member with the smallest article id
    Map<String, ArticleContribution> stories = new HashMap<>();
    for (RawArticle raw : latest.values()) {
      ArticleContribution c = Contributions.of(TAGGER.tag(raw, Instant.EPOCH), ZONE);
      if (c != null) {
        stories.merge(c.getStoryKey(), c, (a, b) -> a.getArticleId().compareTo(b.getArticleId()) <= 0 ? a : b);
      }
    }
    TreeMap<String, ChargeCounts> months = new TreeMap<>();
    Map<String, Integer> incidents = new HashMap<>();
    for (ArticleContribution c : stories.values()) {
      for (CountedIncident incident : c.getIncidents()) {
        months.merge(incident.getMonth(), incident.getCounts(), Counts::plus);
        incidents.merge(incident.getMonth(), 1, Integer::sum);
      }
    }
    Map<String, MonthFigures> out = new TreeMap<>();
    ChargeCounts running = Counts.zero();
    int year = Integer.MIN_VALUE;
    for (Map.Entry<String, ChargeCounts> e : months.entrySet()) {
      int y = YearMonth.parse(e.getKey()).getYear();
      if (y != year) {
        year = y;
        running = Counts.zero();
      }
      running = Counts.plus(running, e.getValue());
      out.put(e.getKey(), new MonthFigures(e.getKey(), e.getValue(), running, incidents.get(e.getKey())));
    }
    return out;
  }

  /** Sum of a month map's computed figures: to check that a test's input is not trivially empty. */
  static ChargeCounts total(Map<String, MonthFigures> months) {
    return months.values().stream().map(MonthFigures::computed).reduce(Counts.zero(), Counts::plus);
  }
}
