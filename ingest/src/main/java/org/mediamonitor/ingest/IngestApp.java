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
  private volatile boolean closed;

  private IngestApp(IngestConfig config, ArticleIngestor ingestor, FolderWatcher watcher) {
    this.config = config;
    this.ingestor = ingestor;
    this.watcher = watcher;
  }

  public static IngestApp start(Settings settings, MeterRegistry registry) {
    return start(CommonConfig.from(settings), IngestConfig.from(settings), registry);
  }

  public static IngestApp start(CommonConfig common, IngestConfig config, MeterRegistry registry) {
    LOG.info("starting ingest: {}", config);
    ensureTopics(common, config);
    ArticleIngestor ingestor = ArticleIngestor.open(common, config, registry);
    FolderWatcher watcher = null;
    try {
      if (config.watchDir() != null) {
        watcher = new FolderWatcher(config.watchDir(), config.watchPoll(), ingestor, Clock.systemUTC());
        watcher.start();
      }
    } catch (IOException e) {
      ingestor.close();
      throw new UncheckedIOException("cannot watch " + config.watchDir() + ": " + e.getMessage(), e);
    }
    return new IngestApp(config, ingestor, watcher);
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
    health.put("up", !closed && watching);
    health.put("status", !closed && watching ? "UP" : "DOWN");
    health.put("knownArticles", ingestor.publisher().knownArticles());
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
      if (watcher != null) {
        watcher.close();
      }
    } finally {
      ingestor.close();
    }
  }
}
