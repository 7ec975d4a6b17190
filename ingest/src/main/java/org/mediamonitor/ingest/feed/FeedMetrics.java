package org.mediamonitor.ingest.feed;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.mediamonitor.ingest.IngestMetrics;

/**
 * Meters of feed polling, tagged by configured source name (a bounded set), served by Prometheus as
 * {@code media_monitor_ingest_feed_items_fetched_total{source}}, {@code ..._items_published_total},
 * {@code ..._items_unchanged_total} (publisher dedup caught it), {@code ..._items_skipped_total}
 * (already in the checkpoint), {@code ..._rejected_total{source,reason}},
 * {@code ..._polls_total{source,outcome}} (outcome fetched, not_modified or failed) and the gauge
 * {@code media_monitor_ingest_feed_last_success_seconds{source}} (epoch seconds).
 *
 * <p>The service-wide ingest meters are counted too, with {@code entry_point="feed"}:
 * {@code media_monitor_ingest_published_total}, {@code ..._unchanged_total}, {@code ..._failed_total}
 * and {@code media_monitor_ingest_rejected_total{entry_point,reason}}.
 */
public final class FeedMetrics {

  public static final String PREFIX = "media.monitor.ingest.feed.";
  public static final String ITEMS_FETCHED = PREFIX + "items.fetched";
  public static final String ITEMS_PUBLISHED = PREFIX + "items.published";
  public static final String ITEMS_UNCHANGED = PREFIX + "items.unchanged";
  public static final String ITEMS_SKIPPED = PREFIX + "items.skipped";
  public static final String REJECTED = PREFIX + "rejected";
  public static final String POLLS = PREFIX + "polls";
  public static final String LAST_SUCCESS = PREFIX + "last.success";
  public static final String SOURCE = "source";
  public static final String OUTCOME = "outcome";
  /** The {@code entry_point} tag value of the service-wide ingest meters. */
  public static final String ENTRY_POINT = "feed";

  public static final String FETCHED = "fetched";
  public static final String NOT_MODIFIED = "not_modified";
  public static final String FAILED = "failed";

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

  public FeedMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers the gauge at start, so a feed that never succeeds shows 0 rather than nothing. */
  void register(String source) {
    lastSuccess.computeIfAbsent(source, s -> {
      AtomicLong holder = new AtomicLong();
      Gauge.builder(LAST_SUCCESS, holder, AtomicLong::get)
          .description("When a poll of the source's feed last succeeded, epoch seconds (0: never)")
          .baseUnit("seconds")
          .tag(SOURCE, s)
          .strongReference(true)
          .register(registry);
      return holder;
    });
  }

  void succeeded(String source, Instant at) {
    register(source);
    lastSuccess.get(source).accumulateAndGet(at.getEpochSecond(), Math::max);
  }

  void poll(String source, String outcome) {
    Counter.builder(POLLS).description("Feed polls by outcome").tag(SOURCE, source).tag(OUTCOME, outcome)
        .register(registry).increment();
  }

  void fetched(String source, int items) {
    counter(ITEMS_FETCHED, "Items found in fetched feed documents", source).increment(items);
  }

  void skipped(String source) {
    counter(ITEMS_SKIPPED, "Items skipped because the checkpoint has them already", source).increment();
  }

  void published(String source) {
    counter(ITEMS_PUBLISHED, "Feed items written to raw-articles", source).increment();
    serviceWide(IngestMetrics.PUBLISHED, "Articles written to the raw-articles topic").increment();
  }

  void unchanged(String source) {
    counter(ITEMS_UNCHANGED, "Feed items already published with the same content", source).increment();
    serviceWide(IngestMetrics.UNCHANGED, "Articles already published with the same content; nothing written")
        .increment();
  }

  void failed() {
    serviceWide(IngestMetrics.FAILED, "Articles the broker did not acknowledge in time").increment();
  }

  /** A feed document refused; {@code reason} comes from a small fixed set. */
  void rejected(String source, String reason) {
    itemRejected(source, reason);
    Counter.builder(IngestMetrics.REJECTED).description("Input refused and sent to the dead-letters topic")
        .tag(IngestMetrics.ENTRY_POINT, ENTRY_POINT).tag(IngestMetrics.REASON, reason).register(registry).increment();
  }

  /**
   * An item refused: counted per source here; the service-wide meters count it where its dead
   * letter is written ({@code ArticleIngestor.reject}).
   */
  void itemRejected(String source, String reason) {
    Counter.builder(REJECTED).description("Feed documents and items refused, by reason")
        .tag(SOURCE, source).tag(IngestMetrics.REASON, reason).register(registry).increment();
  }

  private Counter counter(String name, String description, String source) {
    return Counter.builder(name).description(description).tag(SOURCE, source).register(registry);
  }

  private Counter serviceWide(String name, String description) {
    return Counter.builder(name).description(description).tag(IngestMetrics.ENTRY_POINT, ENTRY_POINT)
        .register(registry);
  }
}
