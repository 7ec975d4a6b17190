package org.mediamonitor.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.mediamonitor.common.DeadLetterMeter;

/**
 * The domain meters of ingest, served by Prometheus as
 * {@code media_monitor_ingest_published_total{entry_point}}, {@code ..._unchanged_total{entry_point}},
 * {@code ..._rejected_total{entry_point,reason}} (reason is a {@link Rejection} code),
 * {@code ..._failed_total{entry_point}} (the broker did not acknowledge) and the gauge
 * {@code media_monitor_ingest_known_articles_behind} (records of raw-articles the once-only state
 * has not applied yet: another writer's, NaN when the state does not follow the topic). A
 * rejection is a dead
 * letter, so it is also counted in the counter all stages share,
 * {@code media_monitor_dead_letters_total{stage="ingest",reason}} ({@link DeadLetterMeter}).
 */
public final class IngestMetrics {

  public static final String PUBLISHED = "media.monitor.ingest.published";
  public static final String UNCHANGED = "media.monitor.ingest.unchanged";
  public static final String REJECTED = "media.monitor.ingest.rejected";
  public static final String FAILED = "media.monitor.ingest.failed";
  public static final String KNOWN_BEHIND = "media.monitor.ingest.known.articles.behind";
  public static final String ENTRY_POINT = "entry_point";
  public static final String REASON = "reason";

  private final MeterRegistry registry;

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Follows how far the publisher's once-only state is behind the topic. */
  void follow(ArticlePublisher publisher) {
    Gauge.builder(KNOWN_BEHIND, publisher, p -> {
      java.util.OptionalLong b = p.knownArticlesBehind();
      return b.isPresent() ? b.getAsLong() : Double.NaN;
    }).description("Records of raw-articles the once-only state has not applied yet").register(registry);
  }

  void published(EntryPoint entryPoint) {
    counter(PUBLISHED, "Articles written to the raw-articles topic", entryPoint).increment();
  }

  void unchanged(EntryPoint entryPoint) {
    counter(UNCHANGED, "Articles already published with the same content; nothing written", entryPoint).increment();
  }

  void failed(EntryPoint entryPoint) {
    counter(FAILED, "Articles the broker did not acknowledge in time", entryPoint).increment();
  }

  void rejected(EntryPoint entryPoint, Rejection reason) {
    Counter.builder(REJECTED)
        .description("Input refused and sent to the dead-letters topic")
        .tag(ENTRY_POINT, entryPoint.tag())
        .tag(REASON, reason.code())
        .register(registry)
        .increment();
    DeadLetterMeter.increment(registry, DeadLetterSink.STAGE, reason.code());
  }

  private Counter counter(String name, String description, EntryPoint entryPoint) {
    return Counter.builder(name).description(description).tag(ENTRY_POINT, entryPoint.tag()).register(registry);
  }
}
