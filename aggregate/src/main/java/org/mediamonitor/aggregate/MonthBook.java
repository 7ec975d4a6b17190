package org.mediamonitor.aggregate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.mediamonitor.schema.ChargeCounts;
import org.mediamonitor.schema.CountedIncident;
import org.mediamonitor.schema.DayFigures;
import org.mediamonitor.schema.MonthFigures;
import org.mediamonitor.schema.MonthReport;
import org.mediamonitor.schema.MonthStory;
import org.mediamonitor.schema.TallyFigures;

/**
 * The national step's month bookkeeping, pure functions: a month's small {@link MonthFigures}
 * moves by exactly what one story's {@link MonthStory} entry adds or takes away, so a change
 * costs the size of that story, not of the month. Integer arithmetic only, so subtracting an entry
 * that was added restores the figures exactly.
 */
final class MonthBook {

  /** Between the month and the story key of an entry's key; months are always 7 characters. */
  static final String SEPARATOR = "|";

  private MonthBook() {}

  /** The key of a story's entry in a month: {@code YYYY-MM|storyKey}, so a month's entries are one prefix scan. */
  static String entryKey(String month, String storyKey) {
    return month + SEPARATOR + storyKey;
  }

  /** The prefix of every entry key of the month. */
  static String entryPrefix(String month) {
    return month + SEPARATOR;
  }

  /**
   * The figures with the story's old entry and report taken away and its new ones added; null when
   * the month is left with nothing (no incident, no report).
   */
  static MonthFigures apply(String month, MonthFigures figures, String storyKey, MonthStory oldEntry,
      MonthStory newEntry, MonthReport newReport) {
    ChargeCounts computed = figures == null ? Counts.zero() : figures.getComputed();
    int incidents = figures == null ? 0 : figures.getIncidents();
    TreeMap<Integer, DayFigures> days = new TreeMap<>();
    if (figures != null) {
      figures.getDays().forEach(d -> days.put(d.getDay(), d));
    }
    Map<String, MonthReport> reports = figures == null ? new HashMap<>() : new HashMap<>(figures.getReports());
    if (oldEntry != null) {
      for (CountedIncident i : oldEntry.getIncidents()) {
        computed = Counts.minus(computed, i.getCounts());
        incidents--;
        addDay(days, i, -1);
      }
    }
    if (newEntry != null) {
      for (CountedIncident i : newEntry.getIncidents()) {
        computed = Counts.plus(computed, i.getCounts());
        incidents++;
        addDay(days, i, 1);
      }
    }
    reports.remove(storyKey);
    if (newReport != null) {
      reports.put(storyKey, newReport);
    }
    if (incidents < 0 || incidents == 0 && !Counts.isZero(computed)) {
      // an entry is only ever subtracted after it was added: anything else is a bug, not data
      throw new IllegalStateException("month " + month + " figures drifted: " + incidents + " incidents, " + computed);
    }
    if (incidents == 0 && reports.isEmpty()) {
      return null;
    }
    return new MonthFigures(month, computed, incidents, new ArrayList<>(days.values()), reports);
  }

  private static void addDay(TreeMap<Integer, DayFigures> days, CountedIncident incident, int sign) {
    int day = incident.getDate().getDayOfMonth();
    DayFigures d = days.get(day);
    int n = (d == null ? 0 : d.getIncidents()) + sign;
    ChargeCounts base = d == null ? Counts.zero() : d.getCounts();
    ChargeCounts counts = sign > 0 ? Counts.plus(base, incident.getCounts()) : Counts.minus(base, incident.getCounts());
    if (n == 0) {
      days.remove(day);
    } else {
      days.put(day, new DayFigures(day, n, counts));
    }
  }

  /** The figures of a month summed from scratch from its entries and reports (the reference the increments must equal). */
  static MonthFigures sum(String month, Iterable<MonthStory> entries, Map<String, MonthReport> reports) {
    MonthFigures figures = null;
    for (MonthStory entry : entries) {
      figures = apply(month, figures, entry.getStoryKey(), null, entry, null); // reports come after, none yet
    }
    for (Map.Entry<String, MonthReport> r : reports.entrySet()) {
      figures = apply(month, figures, r.getKey(), null, null, r.getValue());
    }
    return figures;
  }

  /** The month figures of the digest that represents the month; null when none reports them. */
  static TallyFigures reportedFigures(MonthFigures figures) {
    MonthReport report = figures == null ? null : representativeReport(figures);
    return report == null ? null : report.getReported().getMonthFigures();
  }

  /** The most recently enriched digest wins; ties go to the smaller article id, so the choice is deterministic. */
  static MonthReport representativeReport(MonthFigures figures) {
    MonthReport best = null;
    for (MonthReport e : figures.getReports().values()) {
      if (best == null || e.getEnrichedAt().isAfter(best.getEnrichedAt())
          || e.getEnrichedAt().equals(best.getEnrichedAt()) && e.getArticleId().compareTo(best.getArticleId()) < 0) {
        best = e;
      }
    }
    return best;
  }

  /** The month's entries (a prefix scan): read for the audit trail and for the articles behind an alert, never per update. */
  static List<MonthStory> stories(ReadOnlyKeyValueStore<String, MonthStory> store, YearMonth month) {
    List<MonthStory> out = new ArrayList<>();
    try (KeyValueIterator<String, MonthStory> it = store.prefixScan(MonthBook.entryPrefix(month.toString()),
        new StringSerializer())) {
      it.forEachRemaining(kv -> out.add(kv.value));
    }
    return out;
  }
}
