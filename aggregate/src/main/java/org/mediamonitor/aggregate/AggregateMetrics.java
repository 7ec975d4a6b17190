package org.mediamonitor.aggregate;

import java.time.Clock;
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
import org.mediamonitor.schema.ChargeCounts;
import org.mediamonitor.schema.SpikeAlert;

/**
 * Domain meters, fed by the tally processor. Tags stay low-cardinality: the figure ({@code kind}),
 * the period ({@code current_month} or {@code year_to_date}, of the wall-clock month in the
 * configured zone), the alert kind. Only the instance that holds the national task reports
 * figures; the others report zero.
 *
 * <ul>
 *   <li>{@code media_monitor_charges{kind,period}}: computed figures of the current month and year to date</li>
 *   <li>{@code media_monitor_spike_alerts_open{kind}}: alerts whose window ended within the last window length</li>
 *   <li>{@code media_monitor_spike_alerts_total{kind}}: alerts raised</li>
 *   <li>{@code media_monitor_late_reports_total}, {@code media_monitor_corrections_total}</li>
 * </ul>
 */
public final class AggregateMetrics implements TallyListener {

  public static final String CHARGES = "media.monitor.charges";
  public static final String ALERTS_OPEN = "media.monitor.spike.alerts.open";
  public static final String ALERTS_RAISED = "media.monitor.spike.alerts";
  public static final String LATE_REPORTS = "media.monitor.late.reports";
  public static final String CORRECTIONS = "media.monitor.corrections";

  private final ZoneId zone;
  private final Clock clock;
  private final int openDays;
  private final ConcurrentSkipListMap<String, ChargeCounts> computed = new ConcurrentSkipListMap<>();
  private final Map<String, SpikeAlert> alerts = new ConcurrentHashMap<>();
  private final Counter lateReports;
  private final Counter corrections;
  private final MeterRegistry registry;

  public AggregateMetrics(MeterRegistry registry, AggregateConfig config, Clock clock) {
    this.registry = registry;
    this.zone = config.zone();
    this.clock = clock;
    this.openDays = config.alertWindowDays();
    for (Counts.Field field : Counts.FIELDS) {
      Gauge.builder(CHARGES, this, m -> m.currentMonth(field))
          .tags("kind", field.name(), "period", "current_month")
          .description("Computed figure of the current calendar month")
          .register(registry);
      Gauge.builder(CHARGES, this, m -> m.yearToDate(field))
          .tags("kind", field.name(), "period", "year_to_date")
          .description("Computed figure of the current year to date")
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

  double openAlerts(String kind) {
    LocalDate since = LocalDate.now(clock.withZone(zone)).minusDays(openDays);
    return alerts.values().stream()
        .filter(a -> a.getKind().equals(kind) && a.getWindowEnd().isAfter(since))
        .count();
  }

  @Override
  public void loaded(Map<String, ChargeCounts> computedByMonth, Iterable<SpikeAlert> raised) {
    computed.clear();
    computed.putAll(computedByMonth);
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
    alerts.clear();
  }
}
