package org.mediamonitor.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.apache.commons.math3.special.Gamma;
import org.mediamonitor.schema.CountedIncident;
import org.mediamonitor.schema.DayFigures;
import org.mediamonitor.schema.MonthFigures;
import org.mediamonitor.schema.MonthStory;
import org.mediamonitor.schema.SpikeAlert;

/**
 * The spike test (see {@code ALERTS.md}): a one-sided Poisson exceedance test of the prosecutions of
 * a window against the mean of up to {@code baselineMonths} preceding calendar months.
 */
public final class SpikeDetector {

  public static final String KIND_CRIMINAL = "criminal";
  public static final String KIND_CRIMINAL_ADMINISTRATIVE = "criminal_administrative";
  public static final List<String> KINDS = List.of(KIND_CRIMINAL, KIND_CRIMINAL_ADMINISTRATIVE);
  static final String MONTH_WINDOW = "month";

  /** The months the test reads; a month without data is absent (null). */
  public interface MonthView {
    /** The month's figures, with its per-day figures: all the test itself reads. */
    MonthFigures get(YearMonth month);

    /** The first month with counted incidents, or null when there is none. */
    YearMonth firstMonthWithData();

    /** The month's per-story entries: read only to name the articles behind an alert that is raised. */
    List<MonthStory> stories(YearMonth month);
  }

  private final double alpha;
  private final int minCount;
  private final int minHistoryMonths;
  private final int baselineMonths;
  private final int windowDays;

  public SpikeDetector(AggregateConfig config) {
    this(config.alertAlpha(), config.alertMinCount(), config.alertMinHistoryMonths(), config.alertBaselineMonths(),
        config.alertWindowDays());
  }

  public SpikeDetector(double alpha, int minCount, int minHistoryMonths, int baselineMonths, int windowDays) {
    this.alpha = alpha;
    this.minCount = minCount;
    this.minHistoryMonths = minHistoryMonths;
    this.baselineMonths = baselineMonths;
    this.windowDays = windowDays;
  }

  public int windowDays() {
    return windowDays;
  }

  /**
   * P(X >= observed) for X ~ Poisson(lambda), exactly: the regularised lower incomplete gamma
   * function P(observed, lambda), which stays accurate far into the tail (no 1 - CDF cancellation).
   */
  public static double upperTail(long observed, double lambda) {
    if (observed <= 0) {
      return 1.0;
    }
    if (lambda <= 0) {
      return 0.0;
    }
    return Gamma.regularizedGammaP(observed, lambda);
  }

  public static String monthAlertId(String kind, YearMonth month) {
    return kind + "/" + MONTH_WINDOW + "/" + month;
  }

  public static String windowAlertId(String kind, int days, LocalDate start, LocalDate end) {
    return kind + "/" + days + "d/" + start + "/" + end;
  }

  static boolean isMonthAlert(SpikeAlert alert) {
    return alert.getId().startsWith(alert.getKind() + "/" + MONTH_WINDOW + "/");
  }

  /** The calendar-month test of {@code month}; empty when there is too little history or no spike. */
  public Optional<SpikeAlert> testMonth(String kind, YearMonth month, MonthView view, Instant now) {
    MonthFigures figures = view.get(month);
    if (figures == null) {
      return Optional.empty();
    }
    long observed = Counts.prosecutions(figures.getComputed(), kind);
    YearMonth first = view.firstMonthWithData();
    if (observed < minCount || first == null) {
      return Optional.empty();
    }
    long history = ChronoUnit.MONTHS.between(first, month);
    if (history < minHistoryMonths) {
      return Optional.empty();
    }
    int n = (int) Math.min(baselineMonths, history);
    long sum = 0;
    for (int i = 1; i <= n; i++) {
      MonthFigures earlier = view.get(month.minusMonths(i));
      sum += earlier == null ? 0 : Counts.prosecutions(earlier.getComputed(), kind);
    }
    double expected = (double) sum / n;
    double p = upperTail(observed, expected);
    if (p >= alpha) {
      return Optional.empty();
    }
    LocalDate start = month.atDay(1);
    LocalDate end = month.atEndOfMonth();
    return Optional.of(alert(monthAlertId(kind, month), kind, start, end, observed, expected, p,
        contributors(kind, view, start, end), now));
  }

  /**
   * The trailing-window test: {@code windowDays} days ending at {@code end}, against the daily rate
   * of up to {@code baselineMonths} calendar months before the month the window starts in (so the
   * window never counts in its own baseline), scaled to the window's length.
   */
  public Optional<SpikeAlert> testWindow(String kind, LocalDate end, MonthView view, Instant now) {
    LocalDate start = end.minusDays(windowDays - 1L);
    YearMonth first = view.firstMonthWithData();
    if (first == null) {
      return Optional.empty();
    }
    long observed = 0;
    for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
      observed += prosecutionsBetween(kind, view.get(m), start, end);
    }
    YearMonth startMonth = YearMonth.from(start);
    long history = ChronoUnit.MONTHS.between(first, startMonth);
    if (observed < minCount || history < minHistoryMonths) {
      return Optional.empty();
    }
    int n = (int) Math.min(baselineMonths, history);
    long sum = 0;
    long days = 0;
    for (int i = 1; i <= n; i++) {
      YearMonth m = startMonth.minusMonths(i);
      MonthFigures earlier = view.get(m);
      sum += earlier == null ? 0 : Counts.prosecutions(earlier.getComputed(), kind);
      days += m.lengthOfMonth();
    }
    double expected = (double) sum / days * windowDays;
    double p = upperTail(observed, expected);
    if (p >= alpha) {
      return Optional.empty();
    }
    return Optional.of(alert(windowAlertId(kind, windowDays, start, end), kind, start, end, observed, expected, p,
        contributors(kind, view, start, end), now));
  }

  private static long prosecutionsBetween(String kind, MonthFigures figures, LocalDate start, LocalDate end) {
    if (figures == null) {
      return 0;
    }
    YearMonth month = YearMonth.parse(figures.getMonth());
    long n = 0;
    for (DayFigures day : figures.getDays()) {
      LocalDate date = month.atDay(day.getDay());
      if (!date.isBefore(start) && !date.isAfter(end)) {
        n += Counts.prosecutions(day.getCounts(), kind);
      }
    }
    return n;
  }

  private static List<String> contributors(String kind, MonthView view, LocalDate start, LocalDate end) {
    TreeSet<String> ids = new TreeSet<>();
    for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
      if (view.get(m) == null) {
        continue;
      }
      for (MonthStory story : view.stories(m)) {
        for (CountedIncident incident : story.getIncidents()) {
          if (!incident.getDate().isBefore(start) && !incident.getDate().isAfter(end)
              && Counts.prosecutions(incident.getCounts(), kind) > 0) {
            ids.add(story.getArticleId());
          }
        }
      }
    }
    return List.copyOf(ids);
  }

  private static SpikeAlert alert(String id, String kind, LocalDate start, LocalDate end, long observed,
      double expected, double p, List<String> incidents, Instant now) {
    return SpikeAlert.newBuilder()
        .setId(id)
        .setKind(kind)
        .setMonth(YearMonth.from(end).toString())
        .setWindowStart(start)
        .setWindowEnd(end)
        .setObserved(observed)
        .setExpected(expected)
        .setPValue(p)
        .setIncidents(incidents)
        .setRaisedAt(now)
        .build();
  }
}
