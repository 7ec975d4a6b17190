package org.mediamonitor.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.config.TopicConfig;
import org.mediamonitor.common.Service;
import org.mediamonitor.common.Topic;
import org.mediamonitor.common.TopicAdmin;
import org.mediamonitor.common.Topics;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.config.Settings;
import org.mediamonitor.ingest.feed.FeedConfig;
import org.mediamonitor.ingest.feed.FeedPoller;
import org.mediamonitor.ingest.feed.FeedSpec;
import org.mediamonitor.schema.RawArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: ensures its topics, opens the publisher (which reads what raw-articles
 * holds), starts the folder watcher if {@code ingest.watch.dir} is set, and serves
 * {@code POST /api/v1/articles} on the server it is given.
 *
 * <p>Topics written: raw-articles (key article id, value {@link RawArticle}, compacted) and
 * dead-letters (key origin bytes, value DeadLetter).
 */
public final class IngestApp implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(IngestApp.class);

  private final IngestConfig config;
  private final ArticleIngestor ingestor;
  private final FolderWatcher watcher;
  private final FeedPoller feeds;
  private volatile boolean closed;

  private IngestApp(IngestConfig config, ArticleIngestor ingestor, FolderWatcher watcher, FeedPoller feeds) {
    this.config = config;
    this.ingestor = ingestor;
    this.watcher = watcher;
    this.feeds = feeds;
  }

  public static IngestApp start(Settings settings, MeterRegistry registry) {
    return start(CommonConfig.from(settings), IngestConfig.from(settings), FeedConfig.from(settings), List.of(),
        registry);
  }

  public static IngestApp start(CommonConfig common, IngestConfig config, MeterRegistry registry) {
    return start(common, config, FeedConfig.defaults(), List.of(), registry);
  }

  /** Starts ingest; {@code feedUrls} are feeds given on the command line, besides those of the feeds file. */
  public static IngestApp start(CommonConfig common, IngestConfig config, FeedConfig feedConfig,
      List<String> feedUrls, MeterRegistry registry) {
    LOG.info("starting ingest: {}", config);
    // before any I/O, so that a bad feeds file fails the start
    List<FeedSpec> specs = feedConfig.feeds(feedUrls);
    ensureTopics(common, config);
    ArticleIngestor ingestor = ArticleIngestor.open(common, config, registry);
    FolderWatcher watcher = null;
    FeedPoller poller = null;
    try {
      if (config.watchDir() != null) {
        watcher = new FolderWatcher(config.watchDir(), config.watchPoll(), ingestor, Clock.systemUTC());
        watcher.start();
      }
      if (!specs.isEmpty()) {
        poller = FeedPoller.open(common, feedConfig, specs, ingestor, registry);
        poller.start();
      }
    } catch (IOException e) {
      closeQuietly(watcher);
      ingestor.close();
      throw new UncheckedIOException("cannot watch " + config.watchDir() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(watcher);
      ingestor.close();
      throw e;
    }
    return new IngestApp(config, ingestor, watcher, poller);
  }

  private static void closeQuietly(FolderWatcher watcher) {
    if (watcher != null) {
      watcher.close();
    }
  }

  /**
   * Creates raw-articles and dead-letters if missing. Raw-articles may hold bodies up to
   * {@code ingest.max.body.bytes}, more than Kafka's default message size, hence the override.
   */
  public static void ensureTopics(CommonConfig common, IngestConfig config) {
    Topics topics = common.topics();
    Topic<String, RawArticle> raw = topics.rawArticles();
    Map<String, String> rawConfigs = new HashMap<>(raw.configs());
    rawConfigs.putIfAbsent(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
        Integer.toString(Math.max(1024 * 1024 + 1024, config.maxBodyBytes() + 256 * 1024)));
    Topic<String, RawArticle> sized = new Topic<>(raw.name(), raw.keySerde(), raw.valueSerde(), raw.partitions(),
        rawConfigs);
    TopicAdmin.ensureTopics(common.clientProperties(), List.of(sized, topics.deadLetters()));
  }

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public void routes(Javalin app) {
    new IngestHttp(ingestor, config.httpToken()).routes(app);
  }

  public ArticleIngestor ingestor() {
    return ingestor;
  }

  /** The folder watcher, or null when no folder is configured. */
  public FolderWatcher watcher() {
    return watcher;
  }

  /** UP while open and, if a folder is configured, while its watcher runs. */
  @Override
  public Map<String, Object> health() {
    Map<String, Object> health = new LinkedHashMap<>();
    boolean watching = watcher == null || watcher.isRunning();
    boolean polling = feeds == null || feeds.isRunning();
    health.put("up", !closed && watching && polling);
    health.put("status", !closed && watching && polling ? "UP" : "DOWN");
    if (feeds != null) {
      // failing feeds are listed, but do not make the service DOWN: other sources still flow
      health.put("feeds", feeds.health());
    }
    health.put("knownArticles", ingestor.publisher().knownArticles());
    ingestor.publisher().knownArticlesBehind().ifPresent(b -> health.put("knownArticlesBehind", b));
    if (watcher != null) {
      health.put("watchDir", watcher.dir().toString());
      health.put("watcher", watcher.isRunning() ? "running" : "stopped");
      health.put("lastScan", String.valueOf(watcher.lastScan()));
    }
    if (ingestor.lastAckFailure() != null) {
      health.put("lastAckFailure", ingestor.lastAckFailure().toString());
    }
    return health;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      // the poller publishes through the ingestor, so it stops first
      if (feeds != null) {
        feeds.close();
      }
      if (watcher != null) {
        watcher.close();
      }
    } finally {
      ingestor.close();
    }
  }
}
