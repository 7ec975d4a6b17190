package org.mediamonitor.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every entry point (HTTP, watched folder, JSON Lines, CLI) uses: validate with
 * {@link #parser()}, then {@link #publish} the article or {@link #reject} the record. Counts
 * every outcome by entry point.
 */
public final class ArticleIngestor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ArticleIngestor.class);

  private final ArticleParser parser;
  private final ArticlePublisher publisher;
  private final DeadLetterSink deadLetters;
  private final IngestMetrics metrics;
  private final Duration ackTimeout;
  private final AtomicReference<Instant> lastAckFailure = new AtomicReference<>();
  private final Clock clock;

  public ArticleIngestor(ArticleParser parser, ArticlePublisher publisher, DeadLetterSink deadLetters,
      MeterRegistry registry, Duration ackTimeout, Clock clock) {
    this.parser = Objects.requireNonNull(parser, "parser");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    this.metrics = new IngestMetrics(registry);
    metrics.follow(publisher);
    this.ackTimeout = Objects.requireNonNull(ackTimeout, "ackTimeout");
    this.clock = clock;
  }

  /**
   * Opens the publisher (reading what raw-articles holds) and the dead-letter producer. Topics
   * must exist (see {@link IngestApp#ensureTopics}).
   */
  public static ArticleIngestor open(CommonConfig common, IngestConfig config, MeterRegistry registry) {
    Clock clock = Clock.systemUTC();
    Topics topics = common.topics();
    ArticlePublisher publisher = ArticlePublisher.start(common.clientProperties(), topics.rawArticles(),
        config.ackTimeout(), config.maxBodyBytes(), clock, config.stateDir());
    try {
      DeadLetterSink sink = DeadLetterSink.start(common.clientProperties(), topics.deadLetters(),
          config.ackTimeout(), clock);
      return new ArticleIngestor(new ArticleParser(config.maxBodyBytes(), clock), publisher, sink, registry,
          config.ackTimeout(), clock);
    } catch (RuntimeException e) {
      publisher.close();
      throw e;
    }
  }

  public ArticleParser parser() {
    return parser;
  }

  public ArticlePublisher publisher() {
    return publisher;
  }

  /** How long a publish may take before it counts as not acknowledged. */
  public Duration ackTimeout() {
    return ackTimeout;
  }

  /** Publishes a validated article (see {@link ArticlePublisher#publish}) and counts the outcome. */
  public CompletableFuture<PublishResult> publish(ArticleInput article, EntryPoint entryPoint) {
    return publisher.publish(article).whenComplete((result, error) -> {
      if (error != null) {
        lastAckFailure.set(clock.instant());
        metrics.failed(entryPoint);
      } else if (result.status() == PublishResult.Status.PUBLISHED) {
        metrics.published(entryPoint);
      } else {
        metrics.unchanged(entryPoint);
      }
    });
  }

  /**
   * Counts a refused record and sends it to the dead-letters topic. The future completes when the
   * dead letter was acknowledged, or fails if it was not (the refusal stands either way).
   */
  public CompletableFuture<Void> reject(EntryPoint entryPoint, InvalidArticleException error, byte[] original,
      String origin) {
    metrics.rejected(entryPoint, error.rejection());
    return deadLetters.send(entryPoint, error, original, origin).whenComplete((ok, e) -> {
      if (e != null) {
        LOG.warn("dead letter for {} input ({}) was not acknowledged: {}", entryPoint.tag(),
            error.rejection().code(), e.toString());
      }
    });
  }

  /** When a publish last failed for want of an acknowledgement, or null. */
  public Instant lastAckFailure() {
    return lastAckFailure.get();
  }

  @Override
  public void close() {
    try {
      publisher.close();
    } finally {
      deadLetters.close();
    }
  }
}
