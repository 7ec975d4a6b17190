package org.mediamonitor.ingest.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.MeterRegistry;
import org.mediamonitor.common.Json;
import org.mediamonitor.common.TopicAdmin;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.serde.WireFormat;
import org.mediamonitor.ingest.ArticleIngestor;
import org.mediamonitor.ingest.ArticleInput;
import org.mediamonitor.ingest.ArticleParser;
import org.mediamonitor.ingest.EntryPoint;
import org.mediamonitor.ingest.InvalidArticleException;
import org.mediamonitor.ingest.PublishResult;
import org.mediamonitor.ingest.Rejection;
import org.mediamonitor.schema.FeedCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls RSS/Atom feeds and publishes their items as articles.
 *
 * <p>Each feed is polled at start and then every poll interval, with a conditional GET (the ETag
 * and Last-Modified of the last fully handled response). Items whose fingerprint (id plus content,
 * see {@link FeedItem#fingerprint()}) is in the feed's checkpoint are skipped without any work; the
 * others are turned into articles (fetching the article page when the item carries only a
 * summary), validated and published, oldest first. An item edited in the feed has a new
 * fingerprint, so it is published again and the publisher makes it the next revision of the same
 * article. The checkpoint is saved to Kafka after every poll that changed it, so a restart, here
 * or on another machine, neither refetches nor republishes; the publisher's own dedup is the
 * safety net behind it.
 *
 * <p>On any failure (unreachable, HTTP error, refused document, broker not acknowledging) the next
 * poll waits twice as long as the last, up to {@code ingest.feed.backoff.max.ms}. The validators
 * are only advanced when every item of a document was handled, so nothing is lost behind a 304.
 *
 * <p>Topics: writes raw-articles (through the publisher) and {@code <prefix>feed-checkpoints}
 * (key feed URL, value {@link FeedCheckpoint}, compacted).
 */
public final class FeedPoller implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

  /** Where articles go: the ingestor in production, so feeds are counted and dead-lettered like every entry point. */
  @FunctionalInterface
  public interface ArticleSink {
    CompletableFuture<PublishResult> publish(ArticleInput article);

    /** A refused item; {@code original} is the item as read from the feed. */
    default void reject(InvalidArticleException error, byte[] original, String origin) {}
  }

  /** What health reports per feed. */
  public record FeedStatus(String url, String source, Instant lastSuccess, int consecutiveFailures, String lastError,
      Instant nextPoll) {}

  /** The polling state of one feed; touched only by the one task polling it at a time. */
  private static final class Feed {
    final FeedSpec spec;
    FeedCheckpoint checkpoint;
    volatile Instant lastSuccess;
    volatile int failures;
    volatile String lastError;
    volatile Instant nextPoll;

    Feed(FeedSpec spec, FeedCheckpoint checkpoint) {
      this.spec = spec;
      this.checkpoint = checkpoint;
    }
  }

  /** How one poll ended. */
  private enum Outcome { SUCCESS, FAILURE }

  private final List<Feed> feeds;
  private final FeedConfig config;
  private final FeedHttp http;
  private final FeedParser parser;
  private final CheckpointStore store;
  private final boolean ownsStore;
  private final ArticleSink sink;
  private final ArticleParser validator;
  private final Duration ackTimeout;
  private final FeedMetrics metrics;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private volatile boolean started;
  private volatile boolean closed;

  /**
   * @param store loaded here, at construction; closed by {@link #close()} when {@code ownsStore}
   * @param validator validates every article as the other entry points do
   * @param ackTimeout how long a publish or a checkpoint save may wait for the broker
   */
  public FeedPoller(List<FeedSpec> specs, FeedConfig config, FeedHttp http, CheckpointStore store, boolean ownsStore,
      ArticleSink sink, ArticleParser validator, Duration ackTimeout, MeterRegistry registry, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.http = Objects.requireNonNull(http, "http");
    this.parser = new FeedParser(config.maxFeedBytes());
    this.store = Objects.requireNonNull(store, "store");
    this.ownsStore = ownsStore;
    this.sink = Objects.requireNonNull(sink, "sink");
    this.validator = Objects.requireNonNull(validator, "validator");
    this.ackTimeout = Objects.requireNonNull(ackTimeout, "ackTimeout");
    this.metrics = new FeedMetrics(registry);
    this.clock = Objects.requireNonNull(clock, "clock");
    Map<String, FeedCheckpoint> saved = store.load();
    List<Feed> list = new ArrayList<>();
    for (FeedSpec spec : specs) {
      list.add(new Feed(spec, saved.get(spec.key())));
      metrics.register(spec.source());
    }
    this.feeds = List.copyOf(list);
    AtomicInteger n = new AtomicInteger();
    this.scheduler = Executors.newScheduledThreadPool(Math.max(1, Math.min(config.threads(), feeds.size())), r -> {
      Thread t = new Thread(r, "ingest-feed-poller-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Creates the checkpoints topic if missing, reads it, and returns a poller (not yet started)
   * that publishes through the ingestor's publisher and validates with its parser.
   */
  public static FeedPoller open(CommonConfig common, FeedConfig config, List<FeedSpec> feeds, ArticleIngestor ingestor,
      MeterRegistry registry) {
    var topic = KafkaCheckpointStore.topic(common.topicPrefix(), WireFormat.named(common.wireFormat()));
    TopicAdmin.ensureTopics(common.clientProperties(), List.of(topic));
    KafkaCheckpointStore store = KafkaCheckpointStore.open(common.clientProperties(), topic, ingestor.ackTimeout());
    try {
      FeedHttp http = new FeedHttp(config.timeout(), config.userAgent(), config.maxFeedBytes(), config.maxPageBytes(),
          config.pageAllowPrivate());
      ArticleSink sink = new ArticleSink() {
        @Override
        public CompletableFuture<PublishResult> publish(ArticleInput article) {
          // counted by FeedMetrics, per source and service-wide
          return ingestor.publisher().publish(article);
        }

        @Override
        public void reject(InvalidArticleException error, byte[] original, String origin) {
          ingestor.reject(EntryPoint.FEED, error, original, origin);
        }
      };
      return new FeedPoller(feeds, config, http, store, true, sink, ingestor.parser(),
          ingestor.ackTimeout(), registry, Clock.systemUTC());
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** Schedules every feed: its first poll runs now, the next ones every poll interval. */
  public synchronized void start() {
    if (started || closed) {
      return;
    }
    started = true;
    for (Feed feed : feeds) {
      feed.nextPoll = clock.instant();
      schedule(feed, Duration.ZERO);
      LOG.info("polling feed {} ({}) every {} s{}", feed.spec.url(), feed.spec.source(),
          feed.spec.pollInterval().toSeconds(), feed.checkpoint == null ? "" : ", resuming from its checkpoint");
    }
  }

  private void schedule(Feed feed, Duration delay) {
    if (closed) {
      return;
    }
    try {
      scheduler.schedule(() -> run(feed), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closing
    }
  }

  private void run(Feed feed) {
    Outcome outcome;
    try {
      outcome = poll(feed);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      // a bug must not stop this feed for good: log it and back off like any failure
      LOG.error("polling feed {} failed unexpectedly", feed.spec.url(), e);
      failed(feed, e.toString());
      outcome = Outcome.FAILURE;
    }
    if (closed) {
      return;
    }
    Duration delay = outcome == Outcome.SUCCESS
        ? feed.spec.pollInterval()
        : backoff(feed.spec.pollInterval(), feed.failures, config.maxBackoff());
    feed.nextPoll = clock.instant().plus(delay);
    if (outcome == Outcome.FAILURE) {
      LOG.warn("feed {} ({}): failure {} in a row ({}); next poll in {} s", feed.spec.url(), feed.spec.source(),
          feed.failures, feed.lastError, delay.toSeconds());
    }
    schedule(feed, delay);
  }

  /**
   * The wait after {@code failures} failures in a row: the interval doubled per failure, never more
   * than {@code max} (or the interval itself when that is longer).
   */
  static Duration backoff(Duration interval, int failures, Duration max) {
    Duration cap = max.compareTo(interval) > 0 ? max : interval;
    Duration delay = interval;
    for (int i = 0; i < failures && delay.compareTo(cap) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(cap) > 0 ? cap : delay;
  }

  /** Polls every feed once, on the calling thread, without the scheduler: for tests. */
  void pollAllOnce() throws InterruptedException {
    for (Feed feed : feeds) {
      poll(feed);
    }
  }

  private Outcome poll(Feed feed) throws InterruptedException {
    FeedSpec spec = feed.spec;
    String source = spec.source();
    FeedCheckpoint before = feed.checkpoint;
    FeedHttp.FeedResponse response;
    try {
      response = http.fetchFeed(spec.url(), before == null ? null : before.getEtag(),
          before == null ? null : before.getLastModified());
    } catch (FeedHttp.FetchException e) {
      metrics.poll(source, FeedMetrics.FAILED);
      return failed(feed, e.getMessage());
    } catch (FeedRejectedException e) {
      return rejected(feed, e);
    }
    if (response instanceof FeedHttp.NotModified) {
      metrics.poll(source, FeedMetrics.NOT_MODIFIED);
      LOG.debug("feed {}: not modified", spec.url());
      return succeeded(feed);
    }
    FeedHttp.Fetched fetched = (FeedHttp.Fetched) response;
    FeedParser.ParsedFeed parsed;
    try {
      parsed = parser.parse(fetched.body(), fetched.contentType());
    } catch (FeedRejectedException e) {
      return rejected(feed, e);
    }
    metrics.poll(source, FeedMetrics.FETCHED);
    metrics.fetched(source, parsed.items().size());
    String language = spec.languageHint() != null ? spec.languageHint() : language(parsed.language());

    Set<String> seen = before == null ? Set.of() : new LinkedHashSet<>(before.getSeenItemIds());
    Set<String> handled = new LinkedHashSet<>();
    boolean complete = true;
    int published = 0;
    String problem = null;
    List<FeedItem> oldestFirst = new ArrayList<>(parsed.items());
    Collections.reverse(oldestFirst);
    for (FeedItem item : oldestFirst) {
      String fingerprint = item.fingerprint();
      if (seen.contains(fingerprint)) {
        metrics.skipped(source);
        handled.add(fingerprint);
        continue;
      }
      ItemResult result = handle(spec, item, language);
      switch (result) {
        case PUBLISHED -> {
          published++;
          handled.add(fingerprint);
        }
        case DONE -> handled.add(fingerprint);
        case RETRY -> {
          complete = false;
          problem = "an item's page could not be fetched; it is tried again at the next poll";
        }
        case BROKER_DOWN -> {
          complete = false;
          problem = "the broker did not acknowledge a publish";
        }
      }
      if (result == ItemResult.BROKER_DOWN) {
        break;
      }
    }

    FeedCheckpoint next = checkpoint(spec, before, parsed.items(), handled, complete ? fetched : null);
    if (!sameContent(before, next)) {
      try {
        store.save(next).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        feed.checkpoint = next;
      } catch (ExecutionException | TimeoutException e) {
        // what was published stays published; the next poll redoes the rest (dedup absorbs repeats)
        feed.checkpoint = next;
        return failed(feed, "checkpoint not saved: " + (e instanceof ExecutionException ? e.getCause() : e));
      }
    }
    if (published > 0) {
      LOG.info("feed {} ({}): {} items, {} published", spec.url(), source, parsed.items().size(), published);
    }
    return complete ? succeeded(feed) : failed(feed, problem);
  }

  private enum ItemResult { PUBLISHED, DONE, RETRY, BROKER_DOWN }

  private ItemResult handle(FeedSpec spec, FeedItem item, String language) throws InterruptedException {
    String source = spec.source();
    String link = resolve(spec.url(), item.link());
    String body = item.bestText();
    boolean summaryOnly = item.content() == null || item.content().length() < config.minContentChars();
    if (summaryOnly && link != null) {
      try {
        String page = http.fetchPageText(URI.create(link));
        if (page != null && (body == null || page.length() > body.length())) {
          body = page;
        }
      } catch (FeedHttp.FetchException e) {
        if (!e.permanent()) {
          LOG.warn("feed {}: page {} not fetched ({}); trying again at the next poll", spec.url(), link,
              e.getMessage());
          return ItemResult.RETRY;
        }
        LOG.info("feed {}: page {} not available ({}); publishing the feed's text", spec.url(), link, e.getMessage());
      } catch (IllegalArgumentException e) {
        LOG.debug("feed {}: link {} is not fetchable: {}", spec.url(), link, e.getMessage());
      }
    }
    ArticleInput article;
    try {
      article = validate(link, source, item, body, language);
    } catch (InvalidArticleException e) {
      metrics.itemRejected(source, e.rejection().code());
      LOG.warn("feed {} ({}): item {} refused: {}: {}", spec.url(), source, item.id(), e.rejection().code(),
          e.getMessage());
      sink.reject(e, original(item, body), spec.url() + "#" + item.id());
      return ItemResult.DONE;
    }
    try {
      PublishResult result = sink.publish(article).get(ackTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
      if (result.status() == PublishResult.Status.PUBLISHED) {
        metrics.published(source);
        return ItemResult.PUBLISHED;
      }
      metrics.unchanged(source);
      return ItemResult.DONE;
    } catch (ExecutionException | TimeoutException e) {
      metrics.failed();
      LOG.warn("feed {}: item {} not acknowledged by the broker: {}", spec.url(), item.id(),
          e instanceof ExecutionException ? e.getCause() : e);
      return ItemResult.BROKER_DOWN;
    }
  }

  private ArticleInput validate(String link, String source, FeedItem item, String body, String language) {
    String published = item.publishedAt() == null ? null : item.publishedAt().toString();
    try {
      return validator.validate(link, source, item.title(), body, published, language);
    } catch (InvalidArticleException e) {
      if (e.rejection() == Rejection.PUBLISHED_AT_OUT_OF_RANGE) {
        // a feed's clock or time zone is wrong more often than its article: keep the article, drop the date
        return validator.validate(link, source, item.title(), body, null, language);
      }
      throw e;
    }
  }

  /** Links may be relative to the feed; anything that does not resolve is left for validation to refuse. */
  private static String resolve(URI feedUrl, String link) {
    if (link == null) {
      return null;
    }
    try {
      return feedUrl.resolve(link.strip()).toString();
    } catch (IllegalArgumentException e) {
      return link;
    }
  }

  /** The feed's {@code <language>} (ru-RU, kk, en-us...) when it is one ingest accepts. */
  static String language(String declared) {
    if (declared == null || declared.isBlank()) {
      return null;
    }
    String primary = declared.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    if (primary.equals("kz")) {
      primary = "kk";
    }
    return ArticleParser.LANGUAGES.contains(primary) ? primary : null;
  }

  /**
   * The new checkpoint: the fingerprints handled in this document first (newest first, as feeds
   * list them), then older ones, capped at {@code seenMax} but never below the document's size
   * (or items would fall out while still listed and be processed again).
   *
   * @param validatorsFrom the response whose validators to keep, or null when items remain to be
   *     done (the next poll must then get the full document again, not a 304)
   */
  private FeedCheckpoint checkpoint(FeedSpec spec, FeedCheckpoint before, List<FeedItem> items, Set<String> handled,
      FeedHttp.Fetched validatorsFrom) {
    List<String> ordered = new ArrayList<>();
    for (FeedItem item : items) {
      String f = item.fingerprint();
      if (handled.contains(f) && !ordered.contains(f)) {
        ordered.add(f);
      }
    }
    Set<String> all = new LinkedHashSet<>(ordered);
    if (before != null) {
      all.addAll(before.getSeenItemIds());
    }
    int cap = Math.max(config.seenMax(), items.size());
    List<String> kept = all.stream().limit(cap).toList();
    return FeedCheckpoint.newBuilder()
        .setFeedUrl(spec.key())
        .setEtag(validatorsFrom == null ? null : validatorsFrom.etag())
        .setLastModified(validatorsFrom == null ? null : validatorsFrom.lastModified())
        .setSeenItemIds(new ArrayList<>(kept))
        .setUpdatedAt(clock.instant())
        .build();
  }

  /** True when saving {@code b} would record nothing new (no checkpoint counts as an empty one). */
  private static boolean sameContent(FeedCheckpoint a, FeedCheckpoint b) {
    if (a == null) {
      return b.getEtag() == null && b.getLastModified() == null && b.getSeenItemIds().isEmpty();
    }
    return Objects.equals(a.getEtag(), b.getEtag())
        && Objects.equals(a.getLastModified(), b.getLastModified())
        && a.getSeenItemIds().equals(b.getSeenItemIds());
  }

  private Outcome succeeded(Feed feed) {
    Instant now = clock.instant();
    feed.lastSuccess = now;
    feed.failures = 0;
    feed.lastError = null;
    metrics.succeeded(feed.spec.source(), now);
    return Outcome.SUCCESS;
  }

  private Outcome failed(Feed feed, String error) {
    feed.failures++;
    feed.lastError = error;
    return Outcome.FAILURE;
  }

  /** The item as read, for its dead letter: what an operator needs to see why it was refused. */
  private static byte[] original(FeedItem item, String body) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", item.id());
    fields.put("link", item.link());
    fields.put("title", item.title());
    fields.put("published_at", item.publishedAt() == null ? null : item.publishedAt().toString());
    fields.put("body", body);
    try {
      return Json.mapper().writeValueAsBytes(fields);
    } catch (JsonProcessingException e) {
      return String.valueOf(fields).getBytes(StandardCharsets.UTF_8);
    }
  }

  private Outcome rejected(Feed feed, FeedRejectedException e) {
    metrics.poll(feed.spec.source(), FeedMetrics.FAILED);
    metrics.rejected(feed.spec.source(), e.reason());
    LOG.warn("feed {} ({}) refused: {}: {}", feed.spec.url(), feed.spec.source(), e.reason(), e.getMessage());
    return failed(feed, e.reason() + ": " + e.getMessage());
  }

  /** Per feed, in configuration order. */
  public List<FeedStatus> status() {
    List<FeedStatus> list = new ArrayList<>();
    for (Feed f : feeds) {
      list.add(new FeedStatus(f.spec.key(), f.spec.source(), f.lastSuccess, f.failures, f.lastError, f.nextPoll));
    }
    return list;
  }

  /** For the service's /health: the number of feeds, and those failing. Feeds failing do not make the service DOWN. */
  public Map<String, Object> health() {
    Map<String, Object> health = new LinkedHashMap<>();
    health.put("feeds", feeds.size());
    List<Map<String, Object>> failing = new ArrayList<>();
    for (FeedStatus s : status()) {
      if (s.consecutiveFailures() > 0) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("url", s.url());
        f.put("failures", s.consecutiveFailures());
        f.put("lastError", s.lastError());
        f.put("lastSuccess", String.valueOf(s.lastSuccess()));
        failing.add(f);
      }
    }
    health.put("failingFeeds", failing);
    return health;
  }

  public boolean isRunning() {
    return started && !closed && !scheduler.isShutdown();
  }

  /** Stops polling (a poll in progress is interrupted) and closes the checkpoint store if owned. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    scheduler.shutdownNow();
    try {
      if (!scheduler.awaitTermination(ackTimeout.toMillis() + config.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("a feed poll did not stop in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (ownsStore) {
        store.close();
      }
    }
  }
}
