package org.mediamonitor.aggregate;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.mediamonitor.schema.Charge;
import org.mediamonitor.schema.ChargeCounts;
import org.mediamonitor.schema.CountedIncident;
import org.mediamonitor.schema.Evidence;
import org.mediamonitor.schema.MonthFigures;
import org.mediamonitor.schema.MonthReport;
import org.mediamonitor.schema.MonthStory;
import org.mediamonitor.schema.SpikeAlert;
import org.mediamonitor.schema.TallyFigures;

/**
 * Answers of the HTTP API from the national stores, as JSON-ready maps (snake_case keys). Works on
 * any read-only view of the stores: the running instance's, or a test driver's.
 */
public final class TallyQueries {

  private final ReadOnlyKeyValueStore<String, MonthFigures> months;
  private final ReadOnlyKeyValueStore<String, MonthStory> stories;
  private final ReadOnlyKeyValueStore<String, SpikeAlert> alerts;

  public TallyQueries(ReadOnlyKeyValueStore<String, MonthFigures> months, ReadOnlyKeyValueStore<String, MonthStory> stories,
      ReadOnlyKeyValueStore<String, SpikeAlert> alerts) {
    this.months = months;
    this.stories = stories;
    this.alerts = alerts;
  }

  /** A request parameter that cannot be understood. */
  public static final class BadParameter extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public BadParameter(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** YYYY-MM, or a {@link BadParameter} naming the parameter. */
  public static YearMonth parseMonth(String text, String param) {
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new BadParameter(param, param + " must be a month YYYY-MM, got '" + text + "'");
    }
  }

  /** Every month in [from, to] that holds anything, in order; a bound may be null (open). */
  public List<Map<String, Object>> months(YearMonth from, YearMonth to) {
    List<MonthFigures> states = new ArrayList<>();
    // start at January of the first year so the year-to-date of the first month is complete
    String scanFrom = from == null ? null : YearMonth.of(from.getYear(), 1).toString();
    try (KeyValueIterator<String, MonthFigures> it = months.range(scanFrom, to == null ? null : to.toString())) {
      it.forEachRemaining(kv -> states.add(kv.value));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    ChargeCounts running = Counts.zero();
    int year = Integer.MIN_VALUE;
    for (MonthFigures state : states) {
      YearMonth m = YearMonth.parse(state.getMonth());
      if (m.getYear() != year) {
        year = m.getYear();
        running = Counts.zero();
      }
      running = Counts.plus(running, state.getComputed());
      if (from == null || !m.isBefore(from)) {
        out.add(monthJson(state, running));
      }
    }
    return out;
  }

  public Optional<Map<String, Object>> month(YearMonth month) {
    List<Map<String, Object>> one = months(month, month);
    return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
  }

  /** The incidents behind the month's count (the audit trail), or empty when the month is unknown. */
  public Optional<List<Map<String, Object>>> incidents(YearMonth month) {
    if (months.get(month.toString()) == null) {
      return Optional.empty();
    }
    record Row(String storyKey, MonthStory story, CountedIncident incident) {}
    List<Row> rows = new ArrayList<>();
    for (MonthStory story : MonthBook.stories(stories, month)) {
      story.getIncidents().forEach(i -> rows.add(new Row(story.getStoryKey(), story, i)));
    }
    rows.sort(Comparator.comparing((Row r) -> r.incident().getDate())
        .thenComparing(r -> r.story().getArticleId())
        .thenComparingInt(r -> r.incident().getIndex()));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("article_id", r.story().getArticleId());
      m.put("url", r.story().getUrl());
      m.put("source", r.story().getSource());
      m.put("title", r.story().getTitle());
      m.put("story", r.storyKey());
      m.put("incident_index", r.incident().getIndex());
      m.put("date", r.incident().getDate().toString());
      m.put("date_stated", r.incident().getDateStated());
      m.put("counts", countsJson(r.incident().getCounts()));
      m.put("charges", r.incident().getCharges().stream().map(TallyQueries::chargeJson).toList());
      m.put("legal_basis", List.copyOf(r.incident().getLegalBasis()));
      m.put("violation_types", List.copyOf(r.incident().getViolationTypes()));
      m.put("evidence", r.incident().getEvidence().stream().map(TallyQueries::evidenceJson).toList());
      out.add(m);
    }
    return Optional.of(out);
  }

  /** Alerts raised at or after {@code since} (all when null), oldest first. */
  public List<Map<String, Object>> alerts(Instant since) {
    List<SpikeAlert> found = new ArrayList<>();
    try (KeyValueIterator<String, SpikeAlert> it = alerts.all()) {
      it.forEachRemaining(kv -> {
        if (since == null || !kv.value.getRaisedAt().isBefore(since)) {
          found.add(kv.value);
        }
      });
    }
    found.sort(Comparator.comparing(SpikeAlert::getRaisedAt).thenComparing(SpikeAlert::getId));
    return found.stream().map(TallyQueries::alertJson).toList();
  }

  static Map<String, Object> monthJson(MonthFigures state, ChargeCounts ytd) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("month", state.getMonth());
    m.putAll(countsJson(state.getComputed()));
    m.put("year_to_date", countsJson(ytd));
    MonthReport report = MonthBook.representativeReport(state);
    if (report == null) {
      m.put("reported", null);
    } else {
      Map<String, Object> r = figuresJson(report.getReported().getMonthFigures());
      r.put("year_to_date", report.getReported().getYearToDate() == null ? null : figuresJson(report.getReported().getYearToDate()));
      r.put("article_id", report.getArticleId());
      m.put("reported", r);
    }
    m.put("incidents", state.getIncidents());
    return m;
  }

  static Map<String, Object> countsJson(ChargeCounts c) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Counts.Field f : Counts.FIELDS) {
      m.put(f.name(), f.computed().apply(c));
    }
    return m;
  }

  static Map<String, Object> figuresJson(TallyFigures figures) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Counts.Field f : Counts.FIELDS) {
      m.put(f.name(), figures == null ? null : f.reported().apply(figures));
    }
    return m;
  }

  static Map<String, Object> chargeJson(Charge c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", c.getKind().name());
    m.put("stage", c.getStage().name());
    m.put("count", c.getCount());
    m.put("legal_basis", c.getLegalBasis());
    m.put("claimed_kzt", c.getClaimedKzt());
    m.put("awarded_kzt", c.getAwardedKzt());
    return m;
  }

  static Map<String, Object> evidenceJson(Evidence e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tag", e.getTag());
    m.put("rule_id", e.getRuleId());
    m.put("start", e.getStart());
    m.put("end", e.getEnd());
    m.put("snippet", e.getSnippet());
    return m;
  }

  static Map<String, Object> alertJson(SpikeAlert a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.getId());
    m.put("kind", a.getKind());
    m.put("month", a.getMonth());
    m.put("window_start", a.getWindowStart().toString());
    m.put("window_end", a.getWindowEnd().toString());
    m.put("observed", a.getObserved());
    m.put("expected", a.getExpected());
    m.put("p_value", a.getPValue());
    m.put("incidents", List.copyOf(a.getIncidents()));
    m.put("raised_at", a.getRaisedAt().toString());
    return m;
  }
}
