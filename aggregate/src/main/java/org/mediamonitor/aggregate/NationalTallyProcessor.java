package org.mediamonitor.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.mediamonitor.schema.ArticleContribution;
import org.mediamonitor.schema.ChargeCounts;
import org.mediamonitor.schema.CountedIncident;
import org.mediamonitor.schema.MonthState;
import org.mediamonitor.schema.MonthlyCharges;
import org.mediamonitor.schema.ReportEntry;
import org.mediamonitor.schema.SpikeAlert;
import org.mediamonitor.schema.StoryDelta;
import org.mediamonitor.schema.StoryMonth;
import org.mediamonitor.schema.TallyChange;
import org.mediamonitor.schema.TallyFigures;

/**
 * Step 3, one national aggregate under the jurisdiction key: applies a story's change to every
 * month it touches (remove the story's old entries, add its new ones, recompute the month from its
 * entries so nothing drifts), re-emits every month whose figures or year-to-date changed, records
 * each changed figure, and runs the spike tests.
 */
final class NationalTallyProcessor implements Processor<String, StoryDelta, String, TallyOutput> {

  private final SpikeDetector detector;
  private final TallyListener listener;
  private ProcessorContext<String, TallyOutput> context;
  private KeyValueStore<String, MonthState> months;
  private KeyValueStore<String, SpikeAlert> alerts;

  NationalTallyProcessor(SpikeDetector detector, TallyListener listener) {
    this.detector = detector;
    this.listener = listener;
  }

  @Override
  public void init(ProcessorContext<String, TallyOutput> context) {
    this.context = context;
    this.months = context.getStateStore(AggregateTopology.MONTHS_STORE);
    this.alerts = context.getStateStore(AggregateTopology.ALERTS_STORE);
    Map<String, ChargeCounts> computed = new HashMap<>();
    Map<String, TallyFigures> reported = new HashMap<>();
    try (KeyValueIterator<String, MonthState> it = months.all()) {
      it.forEachRemaining(kv -> {
        computed.put(kv.key, kv.value.getComputed());
        TallyFigures figures = reportedFigures(kv.value);
        if (figures != null) {
          reported.put(kv.key, figures);
        }
      });
    }
    List<SpikeAlert> raised = new ArrayList<>();
    try (KeyValueIterator<String, SpikeAlert> it = alerts.all()) {
      it.forEachRemaining(kv -> raised.add(kv.value));
    }
    listener.loaded(computed, reported, raised);
  }

  @Override
  public void close() {
    listener.unloaded();
  }

  @Override
  public void process(Record<String, StoryDelta> record) {
    StoryDelta delta = record.value();
    if (delta == null) {
      return;
    }
    TreeSet<String> touched = new TreeSet<>();
    touched.addAll(monthsOf(delta.getBefore()));
    touched.addAll(monthsOf(delta.getAfter()));
    if (touched.isEmpty()) {
      return;
    }
    Instant now = Instant.ofEpochMilli(record.timestamp());
    String latestBefore = latestMonth();

    // the months whose year-to-date may change: from the first touched month of each year to its December
    TreeMap<String, ChargeCounts> ytdBefore = yearToDate(touched);
    Map<String, ChargeCounts> computedBefore = new HashMap<>();
    Map<String, TallyFigures> reportedBefore = new HashMap<>();
    for (String month : touched) {
      MonthState state = months.get(month);
      computedBefore.put(month, state == null ? Counts.zero() : state.getComputed());
      reportedBefore.put(month, reportedFigures(state));
      MonthState next = apply(month, state, delta);
      if (next == null) {
        months.delete(month);
      } else {
        months.put(month, next);
      }
    }
    TreeMap<String, ChargeCounts> ytdAfter = yearToDate(touched);

    TreeSet<String> emitted = new TreeSet<>(touched);
    ytdAfter.forEach((month, ytd) -> {
      if (!Objects.equals(ytdBefore.get(month), ytd)) {
        emitted.add(month);
      }
    });
    for (String month : emitted) {
      MonthState state = months.get(month);
      // a month left with nothing is deleted from the compacted topic
      MonthlyCharges out = state == null ? null : monthly(state, ytdAfter.get(month), now);
      context.forward(record.withKey(month).withValue(new TallyOutput(TallyOutput.Target.MONTHLY_TALLIES, out)));
    }
    for (String month : touched) {
      MonthState state = months.get(month);
      ChargeCounts after = state == null ? Counts.zero() : state.getComputed();
      ChargeCounts before = computedBefore.get(month);
      for (Counts.Field field : Counts.FIELDS) {
        long oldValue = field.computed().apply(before);
        long newValue = field.computed().apply(after);
        if (oldValue != newValue) {
          TallyChange change = new TallyChange(month, field.name(), oldValue, newValue, now, delta.getCausedBy());
          context.forward(record.withKey(month).withValue(new TallyOutput(TallyOutput.Target.TALLY_CHANGES, change)));
        }
      }
      if (!before.equals(after)) {
        listener.monthChanged(month, state == null ? null : after);
      }
      TallyFigures reported = reportedFigures(state);
      if (!Objects.equals(reportedBefore.get(month), reported)) {
        listener.reportedChanged(month, reported);
      }
    }
    if (delta.getAfter() != null) {
      // the record timestamp is the raw record's, set by ingest's producer when it took the article
      // (the same instant as fetchedAt) and carried unchanged through enrich and both repartitions
      listener.contributionApplied(Instant.ofEpochMilli(record.timestamp()));
    }
    if (delta.getBefore() != null) {
      listener.correction();
    }
    if (delta.getAfter() != null && latestBefore != null && monthsOf(delta.getAfter()).first().compareTo(latestBefore) < 0) {
      listener.lateReport();
    }
    raiseAlerts(touched.first(), record, now);
  }

  /** The month's state without the story, then with the story's new entries for that month; null when empty. */
  static MonthState apply(String month, MonthState state, StoryDelta delta) {
    Map<String, StoryMonth> stories = state == null ? new HashMap<>() : new HashMap<>(state.getStories());
    Map<String, ReportEntry> reports = state == null ? new HashMap<>() : new HashMap<>(state.getReports());
    stories.remove(delta.getStoryKey());
    reports.remove(delta.getStoryKey());
    ArticleContribution after = delta.getAfter();
    if (after != null) {
      List<CountedIncident> incidents = after.getIncidents().stream().filter(i -> month.equals(i.getMonth())).toList();
      if (!incidents.isEmpty()) {
        stories.put(delta.getStoryKey(), new StoryMonth(after.getArticleId(), after.getUrl(), after.getSource(),
            after.getTitle(), incidents));
      }
      if (after.getReported() != null && month.equals(after.getReportedMonth())) {
        reports.put(delta.getStoryKey(), new ReportEntry(after.getArticleId(), after.getEnrichedAt(), after.getReported()));
      }
    }
    if (stories.isEmpty() && reports.isEmpty()) {
      return null;
    }
    ChargeCounts computed = Counts.zero();
    for (StoryMonth story : stories.values()) {
      for (CountedIncident incident : story.getIncidents()) {
        computed = Counts.plus(computed, incident.getCounts());
      }
    }
    return new MonthState(month, computed, stories, reports);
  }

  static TreeSet<String> monthsOf(ArticleContribution c) {
    TreeSet<String> out = new TreeSet<>();
    if (c != null) {
      c.getIncidents().forEach(i -> out.add(i.getMonth()));
      if (c.getReported() != null && c.getReportedMonth() != null) {
        out.add(c.getReportedMonth());
      }
    }
    return out;
  }

  /** Year-to-date of every stored month from the first touched month of each touched year to that December. */
  private TreeMap<String, ChargeCounts> yearToDate(TreeSet<String> touched) {
    TreeMap<String, ChargeCounts> out = new TreeMap<>();
    TreeMap<Integer, String> firstByYear = new TreeMap<>();
    for (String m : touched) {
      firstByYear.putIfAbsent(YearMonth.parse(m).getYear(), m);
    }
    firstByYear.forEach((year, first) -> {
      ChargeCounts running = Counts.zero();
      try (KeyValueIterator<String, MonthState> it = months.range(YearMonth.of(year, 1).toString(), YearMonth.of(year, 12).toString())) {
        while (it.hasNext()) {
          KeyValue<String, MonthState> kv = it.next();
          running = Counts.plus(running, kv.value.getComputed());
          if (kv.key.compareTo(first) >= 0) {
            out.put(kv.key, running);
          }
        }
      }
    });
    return out;
  }

  static MonthlyCharges monthly(MonthState state, ChargeCounts ytd, Instant now) {
    int incidents = state.getStories().values().stream().mapToInt(s -> s.getIncidents().size()).sum();
    ReportEntry report = representativeReport(state);
    return new MonthlyCharges(state.getMonth(), state.getComputed(), ytd, report == null ? null : report.getReported(),
        incidents, now);
  }

  /** The month figures of the digest that represents the month; null when none reports them. */
  static TallyFigures reportedFigures(MonthState state) {
    ReportEntry report = state == null ? null : representativeReport(state);
    return report == null ? null : report.getReported().getMonthFigures();
  }

  /** The most recently enriched digest wins; ties go to the smaller article id, so the choice is deterministic. */
  static ReportEntry representativeReport(MonthState state) {
    ReportEntry best = null;
    for (ReportEntry e : state.getReports().values()) {
      if (best == null || e.getEnrichedAt().isAfter(best.getEnrichedAt())
          || e.getEnrichedAt().equals(best.getEnrichedAt()) && e.getArticleId().compareTo(best.getArticleId()) < 0) {
        best = e;
      }
    }
    return best;
  }

  private String latestMonth() {
    try (KeyValueIterator<String, MonthState> it = months.reverseAll()) {
      return it.hasNext() ? it.next().key : null;
    }
  }

  private void raiseAlerts(String fromMonth, Record<String, StoryDelta> record, Instant now) {
    SpikeDetector.MonthView view = new StoreView();
    List<String> candidates = new ArrayList<>();
    try (KeyValueIterator<String, MonthState> it = months.range(fromMonth, null)) {
      it.forEachRemaining(kv -> candidates.add(kv.key));
    }
    LocalDate latestIncident = latestIncidentDate();
    for (String kind : SpikeDetector.KINDS) {
      for (String month : candidates) {
        String id = SpikeDetector.monthAlertId(kind, YearMonth.parse(month));
        if (alerts.get(id) == null) {
          detector.testMonth(kind, YearMonth.parse(month), view, now).ifPresent(a -> raise(a, record));
        }
      }
      if (latestIncident != null) {
        LocalDate start = latestIncident.minusDays(detector.windowDays() - 1L);
        if (!overlapsRaisedWindow(kind, start)) {
          detector.testWindow(kind, latestIncident, view, now).ifPresent(a -> raise(a, record));
        }
      }
    }
  }

  /** A burst is one episode: no new window alert while its window overlaps one already raised. */
  private boolean overlapsRaisedWindow(String kind, LocalDate start) {
    try (KeyValueIterator<String, SpikeAlert> it = alerts.all()) {
      while (it.hasNext()) {
        SpikeAlert a = it.next().value;
        if (a.getKind().equals(kind) && !SpikeDetector.isMonthAlert(a) && !a.getWindowEnd().isBefore(start)) {
          return true;
        }
      }
    }
    return false;
  }

  private void raise(SpikeAlert alert, Record<String, StoryDelta> record) {
    alerts.put(alert.getId(), alert);
    listener.alertRaised(alert);
    context.forward(record.withKey(alert.getId()).withValue(new TallyOutput(TallyOutput.Target.SPIKE_ALERTS, alert)));
  }

  private LocalDate latestIncidentDate() {
    try (KeyValueIterator<String, MonthState> it = months.reverseAll()) {
      while (it.hasNext()) {
        MonthState state = it.next().value;
        LocalDate latest = null;
        for (StoryMonth story : state.getStories().values()) {
          for (CountedIncident incident : story.getIncidents()) {
            if (latest == null || incident.getDate().isAfter(latest)) {
              latest = incident.getDate();
            }
          }
        }
        if (latest != null) {
          return latest;
        }
      }
    }
    return null;
  }

  private final class StoreView implements SpikeDetector.MonthView {
    @Override
    public MonthState get(YearMonth month) {
      return months.get(month.toString());
    }

    @Override
    public YearMonth firstMonthWithData() {
      try (KeyValueIterator<String, MonthState> it = months.all()) {
        while (it.hasNext()) {
          KeyValue<String, MonthState> kv = it.next();
          if (!kv.value.getStories().isEmpty()) {
            return YearMonth.parse(kv.key);
          }
        }
      }
      return null;
    }
  }
}
