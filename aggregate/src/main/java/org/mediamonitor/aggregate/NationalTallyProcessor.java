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
import org.mediamonitor.schema.DayFigures;
import org.mediamonitor.schema.MonthFigures;
import org.mediamonitor.schema.MonthReport;
import org.mediamonitor.schema.MonthStory;
import org.mediamonitor.schema.MonthlyCharges;
import org.mediamonitor.schema.SpikeAlert;
import org.mediamonitor.schema.StoryDelta;
import org.mediamonitor.schema.TallyChange;
import org.mediamonitor.schema.TallyFigures;

/**
 * Step 3, one national aggregate under the jurisdiction key: applies a story's change to every
 * month it touches, re-emits every month whose figures or year-to-date changed, records each
 * changed figure, and runs the spike tests.
 *
 * <p>The work and the bytes written per change are those of the story itself plus a small record
 * per touched month, whatever the number of stories in the month: each story's incidents in a month
 * are their own entry ({@link AggregateTopology#MONTH_STORIES_STORE}, key {@code YYYY-MM|storyKey}),
 * and the month keeps only its figures ({@link AggregateTopology#MONTHS_STORE}), moved by exactly
 * the story's old entry out and its new entry in. The old entry is read from the store, not taken
 * from the delta, so the figures always equal the sum of the entries that are there.
 */
final class NationalTallyProcessor implements Processor<String, StoryDelta, String, TallyOutput> {

  private final SpikeDetector detector;
  private final TallyListener listener;
  private ProcessorContext<String, TallyOutput> context;
  private KeyValueStore<String, MonthFigures> months;
  private KeyValueStore<String, MonthStory> stories;
  private KeyValueStore<String, SpikeAlert> alerts;

  NationalTallyProcessor(SpikeDetector detector, TallyListener listener) {
    this.detector = detector;
    this.listener = listener;
  }

  @Override
  public void init(ProcessorContext<String, TallyOutput> context) {
    this.context = context;
    this.months = context.getStateStore(AggregateTopology.MONTHS_STORE);
    this.stories = context.getStateStore(AggregateTopology.MONTH_STORIES_STORE);
    this.alerts = context.getStateStore(AggregateTopology.ALERTS_STORE);
    Map<String, ChargeCounts> computed = new HashMap<>();
    Map<String, TallyFigures> reported = new HashMap<>();
    try (KeyValueIterator<String, MonthFigures> it = months.all()) {
      it.forEachRemaining(kv -> {
        computed.put(kv.key, kv.value.getComputed());
        TallyFigures figures = MonthBook.reportedFigures(kv.value);
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
    Map<String, MonthFigures> figuresAfter = new HashMap<>();
    for (String month : touched) {
      MonthFigures figures = months.get(month);
      computedBefore.put(month, figures == null ? Counts.zero() : figures.getComputed());
      reportedBefore.put(month, MonthBook.reportedFigures(figures));
      String entryKey = MonthBook.entryKey(month, delta.getStoryKey());
      MonthStory oldEntry = stories.get(entryKey);
      MonthStory newEntry = entry(month, delta.getStoryKey(), delta.getAfter());
      MonthFigures next = MonthBook.apply(month, figures, delta.getStoryKey(), oldEntry, newEntry,
          report(month, delta.getAfter()));
      if (!Objects.equals(oldEntry, newEntry)) {
        if (newEntry == null) {
          stories.delete(entryKey);
        } else {
          stories.put(entryKey, newEntry);
        }
      }
      if (next == null) {
        if (figures != null) {
          months.delete(month);
        }
      } else if (!next.equals(figures)) {
        months.put(month, next);
      }
      figuresAfter.put(month, next);
    }
    TreeMap<String, ChargeCounts> ytdAfter = yearToDate(touched);

    TreeSet<String> emitted = new TreeSet<>(touched);
    ytdAfter.forEach((month, ytd) -> {
      if (!Objects.equals(ytdBefore.get(month), ytd)) {
        emitted.add(month);
      }
    });
    for (String month : emitted) {
      MonthFigures figures = figuresAfter.containsKey(month) ? figuresAfter.get(month) : months.get(month);
      // a month left with nothing is deleted from the compacted topic
      MonthlyCharges out = figures == null ? null : monthly(figures, ytdAfter.get(month), now);
      context.forward(record.withKey(month).withValue(new TallyOutput(TallyOutput.Target.MONTHLY_TALLIES, out)));
    }
    for (String month : touched) {
      MonthFigures figures = figuresAfter.get(month);
      ChargeCounts after = figures == null ? Counts.zero() : figures.getComputed();
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
        listener.monthChanged(month, figures == null ? null : after);
      }
      TallyFigures reported = MonthBook.reportedFigures(figures);
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

  /** The story's incidents in the month, with the article that represents it; null when it has none there. */
  static MonthStory entry(String month, String storyKey, ArticleContribution after) {
    if (after == null) {
      return null;
    }
    List<CountedIncident> incidents = after.getIncidents().stream().filter(i -> month.equals(i.getMonth())).toList();
    return incidents.isEmpty() ? null : new MonthStory(month, storyKey, after.getArticleId(), after.getUrl(),
        after.getSource(), after.getTitle(), incidents);
  }

  /** The tallies the story's digest states for the month; null when it states none for it. */
  static MonthReport report(String month, ArticleContribution after) {
    return after != null && after.getReported() != null && month.equals(after.getReportedMonth())
        ? new MonthReport(after.getArticleId(), after.getEnrichedAt(), after.getReported())
        : null;
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
      try (KeyValueIterator<String, MonthFigures> it = months.range(YearMonth.of(year, 1).toString(), YearMonth.of(year, 12).toString())) {
        while (it.hasNext()) {
          KeyValue<String, MonthFigures> kv = it.next();
          running = Counts.plus(running, kv.value.getComputed());
          if (kv.key.compareTo(first) >= 0) {
            out.put(kv.key, running);
          }
        }
      }
    });
    return out;
  }

  static MonthlyCharges monthly(MonthFigures figures, ChargeCounts ytd, Instant now) {
    MonthReport report = MonthBook.representativeReport(figures);
    return new MonthlyCharges(figures.getMonth(), figures.getComputed(), ytd, report == null ? null : report.getReported(),
        figures.getIncidents(), now);
  }

  private String latestMonth() {
    try (KeyValueIterator<String, MonthFigures> it = months.reverseAll()) {
      return it.hasNext() ? it.next().key : null;
    }
  }

  private void raiseAlerts(String fromMonth, Record<String, StoryDelta> record, Instant now) {
    SpikeDetector.MonthView view = new StoreView();
    List<String> candidates = new ArrayList<>();
    try (KeyValueIterator<String, MonthFigures> it = months.range(fromMonth, null)) {
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

  /** The last day with a counted incident, read from the months' day figures, latest month first. */
  private LocalDate latestIncidentDate() {
    try (KeyValueIterator<String, MonthFigures> it = months.reverseAll()) {
      while (it.hasNext()) {
        MonthFigures figures = it.next().value;
        List<DayFigures> days = figures.getDays();
        if (!days.isEmpty()) {
          return YearMonth.parse(figures.getMonth()).atDay(days.get(days.size() - 1).getDay());
        }
      }
    }
    return null;
  }

  private final class StoreView implements SpikeDetector.MonthView {
    @Override
    public MonthFigures get(YearMonth month) {
      return months.get(month.toString());
    }

    @Override
    public YearMonth firstMonthWithData() {
      try (KeyValueIterator<String, MonthFigures> it = months.all()) {
        while (it.hasNext()) {
          KeyValue<String, MonthFigures> kv = it.next();
          if (kv.value.getIncidents() > 0) {
            return YearMonth.parse(kv.key);
          }
        }
      }
      return null;
    }

    @Override
    public List<MonthStory> stories(YearMonth month) {
      return MonthBook.stories(stories, month);
    }
  }
}
