package org.mediamonitor.aggregate;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.HostInfo;
import org.mediamonitor.common.config.Settings;

/**
 * The aggregate service's keys, validated once at start. Keys carry the {@code aggregate.} prefix
 * because the all-in-one launcher reads one settings file for every service (enrich has its own
 * {@code application.id}). The processing guarantee is not a key: it is always
 * {@code exactly_once_v2}, since a tally counted twice is a wrong tally.
 */
public record AggregateConfig(
    String applicationId,
    ZoneId zone,
    Path stateDir,
    HostInfo advertised,
    int queryTimeoutMs,
    double alertAlpha,
    int alertMinCount,
    int alertMinHistoryMonths,
    int alertBaselineMonths,
    int alertWindowDays,
    Duration alertCheckInterval) {

  public static final String APPLICATION_ID = "aggregate.application.id";
  public static final String ZONE = "aggregate.zone";
  public static final String STATE_DIR = "aggregate.state.dir";
  public static final String ADVERTISED_ENDPOINT = "aggregate.advertised.endpoint";
  public static final String QUERY_TIMEOUT_MS = "aggregate.query.timeout.ms";
  public static final String ALERT_ALPHA = "aggregate.alert.alpha";
  public static final String ALERT_MIN_COUNT = "aggregate.alert.min.count";
  public static final String ALERT_MIN_HISTORY_MONTHS = "aggregate.alert.min.history.months";
  public static final String ALERT_BASELINE_MONTHS = "aggregate.alert.baseline.months";
  public static final String ALERT_WINDOW_DAYS = "aggregate.alert.window.days";
  public static final String ALERT_CHECK_INTERVAL_MS = "aggregate.alert.check.interval.ms";

  public static final String DEFAULT_APPLICATION_ID = "media-monitor-aggregate";
  public static final String DEFAULT_ZONE = "Asia/Almaty";

  public static final ConfigDef DEFINITION = new ConfigDef()
      .define(APPLICATION_ID, Type.STRING, DEFAULT_APPLICATION_ID, new ConfigDef.NonEmptyString(), Importance.HIGH,
          "Kafka Streams application.id: prefixes the internal topics and stores; instances sharing it share the work")
      .define(ZONE, Type.STRING, DEFAULT_ZONE, new ZoneValidator(), Importance.HIGH,
          "Time zone (tz database region) whose calendar months and days the tallies use")
      .define(STATE_DIR, Type.STRING, Path.of(System.getProperty("java.io.tmpdir"), "media-monitor-aggregate").toString(),
          new ConfigDef.NonEmptyString(), Importance.MEDIUM, "Directory of the local state stores")
      .define(ADVERTISED_ENDPOINT, Type.STRING, "localhost:8080", new EndpointValidator(), Importance.HIGH,
          "host:port under which other instances reach this instance's HTTP API (Kafka Streams application.server)")
      .define(QUERY_TIMEOUT_MS, Type.INT, 10_000, Range.between(100, 300_000), Importance.LOW,
          "Timeout of a query forwarded to the instance that owns the tallies")
      .define(ALERT_ALPHA, Type.DOUBLE, 0.01, Range.between(1e-12, 0.5), Importance.MEDIUM,
          "Spike alerts: raise when P(X >= observed | baseline) is below this")
      .define(ALERT_MIN_COUNT, Type.INT, 3, Range.atLeast(1), Importance.MEDIUM,
          "Spike alerts: the fewest prosecutions in a window that can raise an alert")
      .define(ALERT_MIN_HISTORY_MONTHS, Type.INT, 3, Range.atLeast(1), Importance.MEDIUM,
          "Spike alerts: calendar months of history (since the first month with data) needed before testing")
      .define(ALERT_BASELINE_MONTHS, Type.INT, 12, Range.between(1, 120), Importance.MEDIUM,
          "Spike alerts: the baseline is the mean of at most this many preceding calendar months")
      .define(ALERT_WINDOW_DAYS, Type.INT, 30, Range.between(1, 366), Importance.MEDIUM,
          "Spike alerts: length of the trailing window that ends at the latest incident date")
      .define(ALERT_CHECK_INTERVAL_MS, Type.LONG, 1_000L, Range.between(10L, 600_000L), Importance.LOW,
          "Spike alerts: how often (wall-clock) the months changed since the last check are tested; a burst of "
              + "thousands of changes is then tested once, not once per change");

  public AggregateConfig {
    if (zone instanceof ZoneOffset) {
      throw new ConfigException(ZONE, zone.getId(), "use a tz database region such as Asia/Almaty, not a fixed offset");
    }
  }

  public static AggregateConfig from(Settings settings) {
    Map<String, Object> v = settings.validated(DEFINITION);
    return new AggregateConfig(
        (String) v.get(APPLICATION_ID),
        ZoneId.of((String) v.get(ZONE)),
        Path.of((String) v.get(STATE_DIR)),
        HostInfo.buildFromEndpoint((String) v.get(ADVERTISED_ENDPOINT)),
        (Integer) v.get(QUERY_TIMEOUT_MS),
        (Double) v.get(ALERT_ALPHA),
        (Integer) v.get(ALERT_MIN_COUNT),
        (Integer) v.get(ALERT_MIN_HISTORY_MONTHS),
        (Integer) v.get(ALERT_BASELINE_MONTHS),
        (Integer) v.get(ALERT_WINDOW_DAYS),
        Duration.ofMillis((Long) v.get(ALERT_CHECK_INTERVAL_MS)));
  }

  /** Every default: for tests and tools. */
  public static AggregateConfig defaults() {
    return from(Settings.of(Map.of()));
  }

  public String advertisedEndpoint() {
    return advertised.host() + ":" + advertised.port();
  }

  static final class ZoneValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      String id = (String) value;
      final ZoneId zone;
      try {
        zone = ZoneId.of(id);
      } catch (DateTimeException | NullPointerException e) {
        throw new ConfigException(name, value, "not a time zone of the tz database (e.g. Asia/Almaty)");
      }
      if (zone instanceof ZoneOffset) {
        throw new ConfigException(name, value, "use a tz database region such as Asia/Almaty, not a fixed offset");
      }
    }

    @Override
    public String toString() {
      return "a tz database region, e.g. Asia/Almaty";
    }
  }

  static final class EndpointValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      HostInfo info;
      try {
        info = HostInfo.buildFromEndpoint((String) value);
      } catch (RuntimeException e) {
        info = null; // Kafka's own message does not name the key
      }
      if (info == null || info.host().isBlank() || info.port() < 1 || info.port() > 65535) {
        throw new ConfigException(name, value, "expected host:port");
      }
    }

    @Override
    public String toString() {
      return "host:port";
    }
  }
}
