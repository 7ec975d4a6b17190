package org.mediamonitor.aggregate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.streams.processor.PunctuationType;
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
 *
 * <p>The month figures and the raised alerts are also held decoded in memory: a few hundred small
 * records for decades of months, read many times per change (year-to-date, the spike tests'
 * baselines), written only here. The stores stay the authority: the copies are loaded from them in
 * {@link #init}, which Kafka Streams calls again after every restore, so they cannot outlive a
 * rolled-back transaction.
 *
 * <p>The spike tests run on a wall-clock timer ({@link AggregateConfig#alertCheckInterval()}), over
 * the months changed since the last run, not on every change: a backlog of thousands of changes is
 * then tested a few times instead of thousands, and a count that crosses the threshold and falls
 * back within one interval (a correction) raises nothing. The trailing window is still tested at
 * every date the latest incident took, as if each change had been tested. After a restart every
 * month is tested once, so that a change committed just before a crash is never left untested.
 */
final class NationalTallyProcessor implements Processor<String, StoryDelta, String, TallyOutput> {

  private final SpikeDetector detector;
  private final TallyListener listener;
  private final Duration checkInterval;
  private final TreeMap<String, MonthFigures> figures = new TreeMap<>();
  private final Map<String, SpikeAlert> raised = new HashMap<>();
  /** The window ends the trailing-window test has yet to see: each latest incident date since the last check. */
  private final TreeSet<LocalDate> uncheckedWindowEnds = new TreeSet<>();
  private final SpikeDetector.MonthView view = new MemoryView();
  /** The earliest month changed since the last check (every later month's baseline moved too); null when none. */
  private String uncheckedFrom;
  private ProcessorContext<String, TallyOutput> context;
  private KeyValueStore<String, MonthFigures> months;
  private KeyValueStore<String, MonthStory> stories;
  private KeyValueStore<String, SpikeAlert> alerts;

  NationalTallyProcessor(SpikeDetector detector, TallyListener listener, Duration checkInterval) {
    this.detector = detector;
    this.listener = listener;
    this.checkInterval = checkInterval;
  }

  @Override
  public void init(ProcessorContext<String, TallyOutput> context) {
    this.context = context;
    this.months = context.getStateStore(AggregateTopology.MONTHS_STORE);
    this.stories = context.getStateStore(AggregateTopology.MONTH_STORIES_STORE);
    this.alerts = context.getStateStore(AggregateTopology.ALERTS_STORE);
    figures.clear();
    raised.clear();
    uncheckedWindowEnds.clear();
    try (KeyValueIterator<String, MonthFigures> it = months.all()) {
      it.forEachRemaining(kv -> figures.put(kv.key, kv.value));
    }
    try (KeyValueIterator<String, SpikeAlert> it = alerts.all()) {
      it.forEachRemaining(kv -> raised.put(kv.key, kv.value));
    }
    Map<String, ChargeCounts> computed = new HashMap<>();
    Map<String, TallyFigures> reported = new HashMap<>();
    figures.forEach((month, f) -> {
      computed.put(month, f.getComputed());
      TallyFigures r = MonthBook.reportedFigures(f);
      if (r != null) {
        reported.put(month, r);
      }
    });
    listener.loaded(computed, reported, List.copyOf(raised.values()));
    uncheckedFrom = figures.isEmpty() ? null : figures.firstKey();
    LocalDate latest = latestIncidentDate();
    if (latest != null) {
      uncheckedWindowEnds.add(latest);
    }
    context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, this::checkAlerts);
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
    String latestBefore = figures.isEmpty() ? null : figures.lastKey();

    // the months whose year-to-date may change: from the first touched month of each year to its December
    TreeMap<String, ChargeCounts> ytdBefore = yearToDate(touched);
    Map<String, ChargeCounts> computedBefore = new HashMap<>();
    Map<String, TallyFigures> reportedBefore = new HashMap<>();
    for (String month : touched) {
      MonthFigures current = figures.get(month);
      computedBefore.put(month, current == null ? Counts.zero() : current.getComputed());
      reportedBefore.put(month, MonthBook.reportedFigures(current));
      String entryKey = MonthBook.entryKey(month, delta.getStoryKey());
      MonthStory oldEntry = stories.get(entryKey);
      MonthStory newEntry = entry(month, delta.getStoryKey(), delta.getAfter());
      MonthFigures next = MonthBook.apply(month, current, delta.getStoryKey(), oldEntry, newEntry,
          report(month, delta.getAfter()));
      if (!Objects.equals(oldEntry, newEntry)) {
        if (newEntry == null) {
          stories.delete(entryKey);
        } else {
          stories.put(entryKey, newEntry);
        }
      }
      if (next == null) {
        if (current != null) {
          months.delete(month);
          figures.remove(month);
        }
      } else if (!next.equals(current)) {
        months.put(month, next);
        figures.put(month, next);
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
      MonthFigures f = figures.get(month);
      // a month left with nothing is deleted from the compacted topic
      MonthlyCharges out = f == null ? null : monthly(f, ytdAfter.get(month), now);
      context.forward(record.withKey(month).withValue(new TallyOutput(TallyOutput.Target.MONTHLY_TALLIES, out)));
    }
    for (String month : touched) {
      MonthFigures f = figures.get(month);
      ChargeCounts after = f == null ? Counts.zero() : f.getComputed();
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
        listener.monthChanged(month, f == null ? null : after);
      }
      TallyFigures reported = MonthBook.reportedFigures(f);
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
    if (uncheckedFrom == null || touched.first().compareTo(uncheckedFrom) < 0) {
      uncheckedFrom = touched.first();
    }
    LocalDate latest = latestIncidentDate();
    if (latest != null) {
      uncheckedWindowEnds.add(latest);
    }
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

  /** Year-to-date of every month held, from the first touched month of each touched year to that December. */
  private TreeMap<String, ChargeCounts> yearToDate(TreeSet<String> touched) {
    TreeMap<String, ChargeCounts> out = new TreeMap<>();
    TreeMap<Integer, String> firstByYear = new TreeMap<>();
    for (String m : touched) {
      firstByYear.putIfAbsent(YearMonth.parse(m).getYear(), m);
    }
    firstByYear.forEach((year, first) -> {
      ChargeCounts running = Counts.zero();
      NavigableMap<String, MonthFigures> year12 =
          figures.subMap(YearMonth.of(year, 1).toString(), true, YearMonth.of(year, 12).toString(), true);
      for (Map.Entry<String, MonthFigures> e : year12.entrySet()) {
        running = Counts.plus(running, e.getValue().getComputed());
        if (e.getKey().compareTo(first) >= 0) {
          out.put(e.getKey(), running);
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

  /** The timer: the spike tests of every month changed since the last run, and of each new trailing window. */
  private void checkAlerts(long wallClockMs) {
    if (uncheckedFrom == null && uncheckedWindowEnds.isEmpty()) {
      return;
    }
    Instant now = Instant.ofEpochMilli(wallClockMs);
    List<String> candidates = uncheckedFrom == null ? List.of() : new ArrayList<>(figures.tailMap(uncheckedFrom, true).keySet());
    List<LocalDate> windowEnds = new ArrayList<>(uncheckedWindowEnds);
    uncheckedFrom = null;
    uncheckedWindowEnds.clear();
    for (String kind : SpikeDetector.KINDS) {
      for (String month : candidates) {
        if (!raised.containsKey(SpikeDetector.monthAlertId(kind, YearMonth.parse(month)))) {
          detector.testMonth(kind, YearMonth.parse(month), view, now).ifPresent(a -> raise(a, wallClockMs));
        }
      }
      for (LocalDate end : windowEnds) {
        LocalDate start = end.minusDays(detector.windowDays() - 1L);
        if (!overlapsRaisedWindow(kind, start)) {
          detector.testWindow(kind, end, view, now).ifPresent(a -> raise(a, wallClockMs));
        }
      }
    }
  }

  /** A burst is one episode: no new window alert while its window overlaps one already raised. */
  private boolean overlapsRaisedWindow(String kind, LocalDate start) {
    for (SpikeAlert a : raised.values()) {
      if (a.getKind().equals(kind) && !SpikeDetector.isMonthAlert(a) && !a.getWindowEnd().isBefore(start)) {
        return true;
      }
    }
    return false;
  }

  private void raise(SpikeAlert alert, long timestamp) {
    alerts.put(alert.getId(), alert);
    raised.put(alert.getId(), alert);
    listener.alertRaised(alert);
    context.forward(new Record<>(alert.getId(), new TallyOutput(TallyOutput.Target.SPIKE_ALERTS, alert), timestamp));
  }

  /** The last day with a counted incident, from the months' day figures, latest month first. */
  private LocalDate latestIncidentDate() {
    for (MonthFigures f : figures.descendingMap().values()) {
      List<DayFigures> days = f.getDays();
      if (!days.isEmpty()) {
        return YearMonth.parse(f.getMonth()).atDay(days.get(days.size() - 1).getDay());
      }
    }
    return null;
  }

  private final class MemoryView implements SpikeDetector.MonthView {
    @Override
    public MonthFigures get(YearMonth month) {
      return figures.get(month.toString());
    }

    @Override
    public YearMonth firstMonthWithData() {
      for (MonthFigures f : figures.values()) {
        if (f.getIncidents() > 0) {
          return YearMonth.parse(f.getMonth());
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
