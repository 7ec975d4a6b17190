package org.mediamonitor.aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import org.mediamonitor.common.DeadLetterMeter;
import org.mediamonitor.common.streams.DeadLetterPolicy;
import org.mediamonitor.schema.ChargeCounts;
import org.mediamonitor.schema.SpikeAlert;
import org.mediamonitor.schema.TallyFigures;

/**
 * Domain meters, fed by the tally processor. Tags stay low-cardinality: the figure ({@code kind}),
 * the period ({@code current_month}, {@code year_to_date} or {@code reported_month}, of the
 * wall-clock month in the configured zone), the alert kind. Only the instance that holds the
 * national task reports figures; the others report zero (and NaN for reported figures).
 *
 * <ul>
 *   <li>{@code media_monitor_charges{kind,period}}: computed figures of the current month and year to date</li>
 *   <li>{@code media_monitor_charges{kind,period="reported_month"}}: the current month's figure as the
 *       digest that represents the month states it; NaN when no digest states that figure, so a
 *       missing report is a gap on a graph rather than a false zero. Always registered, so the
 *       series exists for dashboards and alert rules from the start.</li>
 *   <li>{@code media_monitor_e2e_latency_seconds} (histogram): from ingest taking an article to the
 *       national step applying its contribution; contributions older than {@link #LIVE_LATENCY_LIMIT}
 *       (replays, re-processing after a reset) are not recorded, so it measures live latency.</li>
 *   <li>{@code media_monitor_spike_alerts_open{kind}}: alerts whose window ended within the last window length</li>
 *   <li>{@code media_monitor_spike_alerts_total{kind}}: alerts raised</li>
 *   <li>{@code media_monitor_late_reports_total}, {@code media_monitor_corrections_total}</li>
 *   <li>{@code media_monitor_aggregate_dead_letters_total{reason}}, and the shared
 *       {@code media_monitor_dead_letters_total{stage="aggregate",reason}}: records dead-lettered</li>
 * </ul>
 */
public final class AggregateMetrics implements TallyListener {

  public static final String CHARGES = "media.monitor.charges";
  public static final String ALERTS_OPEN = "media.monitor.spike.alerts.open";
  public static final String ALERTS_RAISED = "media.monitor.spike.alerts";
  public static final String LATE_REPORTS = "media.monitor.late.reports";
  public static final String CORRECTIONS = "media.monitor.corrections";
  public static final String E2E_LATENCY = "media.monitor.e2e.latency";
  public static final String PERIOD_CURRENT_MONTH = "current_month";
  public static final String PERIOD_YEAR_TO_DATE = "year_to_date";
  public static final String PERIOD_REPORTED_MONTH = "reported_month";
  /** Older contributions are replays, not live traffic. */
  public static final Duration LIVE_LATENCY_LIMIT = Duration.ofHours(1);
  public static final String DEAD_LETTERS = "media.monitor.aggregate.dead.letters";
  private static final List<String> DEAD_LETTER_REASONS = List.of(DeadLetterPolicy.DESERIALIZATION,
      DeadLetterPolicy.PROCESSING, DeadLetterPolicy.SERIALIZATION, DeadLetterPolicy.TOO_LARGE);

  private final ZoneId zone;
  private final Clock clock;
  private final int openDays;
  private final ConcurrentSkipListMap<String, ChargeCounts> computed = new ConcurrentSkipListMap<>();
  private final Map<String, TallyFigures> reported = new ConcurrentHashMap<>();
  private final Map<String, SpikeAlert> alerts = new ConcurrentHashMap<>();
  private final Counter lateReports;
  private final Counter corrections;
  private final Timer e2eLatency;
  private final MeterRegistry registry;

  public AggregateMetrics(MeterRegistry registry, AggregateConfig config, Clock clock) {
    this.registry = registry;
    this.zone = config.zone();
    this.clock = clock;
    this.openDays = config.alertWindowDays();
    for (Counts.Field field : Counts.FIELDS) {
      Gauge.builder(CHARGES, this, m -> m.currentMonth(field))
          .tags("kind", field.name(), "period", PERIOD_CURRENT_MONTH)
          .description("Computed figure of the current calendar month")
          .register(registry);
      Gauge.builder(CHARGES, this, m -> m.yearToDate(field))
          .tags("kind", field.name(), "period", PERIOD_YEAR_TO_DATE)
          .description("Computed figure of the current year to date")
          .register(registry);
      Gauge.builder(CHARGES, this, m -> m.reportedMonth(field))
          .tags("kind", field.name(), "period", PERIOD_REPORTED_MONTH)
          .description("Figure of the current calendar month as a digest reports it; NaN when none does")
          .register(registry);
    }
    for (String kind : SpikeDetector.KINDS) {
      Gauge.builder(ALERTS_OPEN, this, m -> m.openAlerts(kind))
          .tag("kind", kind)
          .description("Spike alerts whose window ended within the last window length")
          .register(registry);
      Counter.builder(ALERTS_RAISED).tag("kind", kind).description("Spike alerts raised").register(registry);
    }
    this.lateReports = Counter.builder(LATE_REPORTS)
        .description("Reports that landed in a month earlier than the latest month known").register(registry);
    this.corrections = Counter.builder(CORRECTIONS)
        .description("Stories whose counted contribution was replaced or removed").register(registry);
    // the pipeline's target is seconds; the objectives are the lines an operator reads off the panel
    this.e2eLatency = Timer.builder(E2E_LATENCY)
        .description("From ingest taking an article to the national tally applying its contribution (live traffic only)")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(10))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10))
        .register(registry);
    for (String reason : DEAD_LETTER_REASONS) {
      deadLetters(reason); // registered at zero, so that rate() works from the first dead letter
      DeadLetterMeter.counter(registry, AggregateApp.NAME, reason);
    }
  }

  /** A record was sent to the dead-letter topic; called by the exception handlers, from stream threads. */
  public void deadLettered(String reason) {
    deadLetters(reason).increment();
    DeadLetterMeter.increment(registry, AggregateApp.NAME, reason);
  }

  private Counter deadLetters(String reason) {
    return Counter.builder(DEAD_LETTERS).description("Records aggregate sent to the dead-letter topic, by reason")
        .tag("reason", reason).register(registry);
  }

  private YearMonth now() {
    return YearMonth.now(clock.withZone(zone));
  }

  double currentMonth(Counts.Field field) {
    ChargeCounts c = computed.get(now().toString());
    return c == null ? 0 : field.computed().apply(c);
  }

  double yearToDate(Counts.Field field) {
    YearMonth now = now();
    return computed.subMap(YearMonth.of(now.getYear(), 1).toString(), true, now.toString(), true).values().stream()
        .mapToLong(c -> field.computed().apply(c)).sum();
  }

  double reportedMonth(Counts.Field field) {
    TallyFigures figures = reported.get(now().toString());
    Long value = figures == null ? null : field.reported().apply(figures);
    return value == null ? Double.NaN : value;
  }

  double openAlerts(String kind) {
    LocalDate since = LocalDate.now(clock.withZone(zone)).minusDays(openDays);
    return alerts.values().stream()
        .filter(a -> a.getKind().equals(kind) && a.getWindowEnd().isAfter(since))
        .count();
  }

  @Override
  public void loaded(Map<String, ChargeCounts> computedByMonth, Map<String, TallyFigures> reportedByMonth,
      Iterable<SpikeAlert> raised) {
    computed.clear();
    computed.putAll(computedByMonth);
    reported.clear();
    reported.putAll(reportedByMonth);
    alerts.clear();
    raised.forEach(a -> alerts.put(a.getId(), a));
  }

  @Override
  public void monthChanged(String month, ChargeCounts counts) {
    if (counts == null) {
      computed.remove(month);
    } else {
      computed.put(month, counts);
    }
  }

  @Override
  public void reportedChanged(String month, TallyFigures figures) {
    if (figures == null) {
      reported.remove(month);
    } else {
      reported.put(month, figures);
    }
  }

  @Override
  public void contributionApplied(Instant ingestedAt) {
    Duration latency = Duration.between(ingestedAt, clock.instant());
    // a negative latency is clock skew between hosts; an old one is a replay: neither is live latency
    if (!latency.isNegative() && latency.compareTo(LIVE_LATENCY_LIMIT) <= 0) {
      e2eLatency.record(latency);
    }
  }

  @Override
  public void alertRaised(SpikeAlert alert) {
    alerts.put(alert.getId(), alert);
    registry.counter(ALERTS_RAISED, List.of(Tag.of("kind", alert.getKind()))).increment();
  }

  @Override
  public void lateReport() {
    lateReports.increment();
  }

  @Override
  public void correction() {
    corrections.increment();
  }

  @Override
  public void unloaded() {
    computed.clear();
    reported.clear();
    alerts.clear();
  }
}
