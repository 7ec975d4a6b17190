package org.mediamonitor.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.mediamonitor.common.CompactedTopic;
import org.mediamonitor.common.Topic;
import org.mediamonitor.schema.RawArticle;
import org.rocksdb.RocksDBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes articles to the compacted raw-articles topic, at most once per content: the same id
 * with the same content hash as the last acknowledged record is {@code UNCHANGED} and writes
 * nothing; the same id with a new hash is the next revision; a new id is revision 1.
 *
 * <p>What was published before is read from the topic itself at start (to its end offsets), so a
 * restart republishes nothing. Publishes of one id are applied in call order; publishes of
 * different ids run concurrently. The returned future completes only once the broker has
 * acknowledged the record ({@code acks=all}, idempotent producer), and fails within the
 * acknowledgement timeout when it does not, so callers never report an unsaved article as saved.
 *
 * <p>Two ingest instances do not see each other's writes until restart; the worst case is a
 * duplicate record with the same key and content, which compaction and downstream keying absorb.
 */
public final class ArticlePublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);

  private final Producer<String, RawArticle> producer;
  private final String topic;
  private final Clock clock;
  private final Duration closeTimeout;
  /**
   * Id to last acknowledged content hash and revision, for every article ever published: on disk
   * in the service ({@link DiskKnownArticles}), since a monitor runs for years.
   */
  private final KnownArticles published;
  /** The last publish of each id still running; a later one for the same id waits for it. */
  private final Map<String, CompletableFuture<PublishResult>> inFlight = new HashMap<>();
  /** Runs the publishes that waited, never on the producer's I/O thread (send may block there). */
  private final Executor sequencer;
  private boolean closed;

  ArticlePublisher(Producer<String, RawArticle> producer, String topic, KnownArticles initial, Clock clock,
      Duration closeTimeout) {
    this(producer, topic, initial, clock, closeTimeout, Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "ingest-publisher-sequencer");
      t.setDaemon(true);
      return t;
    }));
  }

  /** {@code initial} becomes the publisher's own state: the caller must not use it afterwards. */
  ArticlePublisher(Producer<String, RawArticle> producer, String topic, KnownArticles initial, Clock clock,
      Duration closeTimeout, Executor sequencer) {
    this.sequencer = Objects.requireNonNull(sequencer, "sequencer");
    this.producer = Objects.requireNonNull(producer, "producer");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.published = Objects.requireNonNull(initial, "initial");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.closeTimeout = closeTimeout;
  }

  /**
   * Brings what ingest knows of the topic up to date, then opens the producer.
   *
   * @param clientProps bootstrap servers and any Kafka client settings
   * @param ackTimeout how long a publish may wait for the broker (send blocking and delivery)
   * @param maxBodyBytes largest body accepted, so the producer's request limit fits it
   * @param stateDir where the known articles of each topic are kept (a folder per topic), or null
   *     to keep them on the heap, read from the whole topic
   */
  public static ArticlePublisher start(Map<String, Object> clientProps, Topic<String, RawArticle> topic,
      Duration ackTimeout, int maxBodyBytes, Clock clock, Path stateDir) {
    KnownArticles state = loadState(clientProps, topic, ackTimeout.multipliedBy(4), clock, stateDir);
    try {
      LOG.info("{} holds {}; publishing only new or changed ones", topic.name(), state.describe());
      Producer<String, RawArticle> producer = new KafkaProducer<>(producerProps(clientProps, ackTimeout, maxBodyBytes),
          topic.keySerde().serializer(), topic.valueSerde().serializer());
      return new ArticlePublisher(producer, topic.name(), state, clock, ackTimeout);
    } catch (RuntimeException e) {
      state.close();
      throw e;
    }
  }

  /** Producer settings: idempotent, all replicas, and bounded waits so an unreachable broker is an error. */
  static Map<String, Object> producerProps(Map<String, Object> clientProps, Duration ackTimeout, int maxBodyBytes) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "media-monitor-ingest");
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    long linger = Long.parseLong(props.get(ProducerConfig.LINGER_MS_CONFIG).toString());
    long ack = ackTimeout.toMillis();
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ack);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, ack));
    // delivery.timeout.ms must cover linger.ms + request.timeout.ms, or the producer refuses to start
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1, Math.min(30_000, ack - linger)));
    // the size check is on the uncompressed record: a body at the limit plus its metadata must pass
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Math.max(1024 * 1024, maxBodyBytes + 256 * 1024));
    return props;
  }

  /**
   * The known articles of {@code topic}: from the disk store in {@code stateDir}, caught up with
   * what was written since it last saw the topic; or, when {@code stateDir} is null or another
   * process holds the store (a {@code publish} command beside the service), on the heap, read from
   * the whole topic.
   */
  static KnownArticles loadState(Map<String, Object> clientProps, Topic<String, RawArticle> topic, Duration timeout,
      Clock clock, Path stateDir) {
    if (stateDir != null) {
      Path dir = stateDir.resolve(topic.name());
      DiskKnownArticles disk;
      try {
        disk = DiskKnownArticles.open(dir, clock);
      } catch (RocksDBException e) {
        LOG.warn("cannot open the known-articles store at {} ({}): another ingest process holds it? Reading the whole "
            + "of {} into the heap instead", dir, e.getMessage(), topic.name());
        disk = null;
      }
      if (disk != null) {
        try {
          disk.catchUp(clientProps, topic, timeout);
          disk.follow(clientProps, topic);
          return disk;
        } catch (RuntimeException e) {
          disk.close();
          throw e;
        }
      }
    }
    PublishedState state = new PublishedState();
    CompactedTopic.readToEnd(clientProps, topic, "media-monitor-ingest-state", timeout, state::apply);
    return state;
  }

  /**
   * Publishes one validated article. Completes with the id and revision once the broker
   * acknowledged (or at once for {@code UNCHANGED}); fails with the producer's exception (such as
   * a {@link org.apache.kafka.common.errors.TimeoutException}) when the broker did not acknowledge
   * in time. Continuations run on the producer's I/O thread and must not block.
   */
  public CompletableFuture<PublishResult> publish(ArticleInput input) {
    String id = input.id();
    String hash = input.contentHash();
    CompletableFuture<PublishResult> result = new CompletableFuture<>();
    CompletableFuture<PublishResult> previous;
    synchronized (inFlight) {
      if (closed) {
        return CompletableFuture.failedFuture(new IllegalStateException("publisher is closed"));
      }
      previous = inFlight.put(id, result);
    }
    result.whenComplete((r, e) -> {
      synchronized (inFlight) {
        inFlight.remove(id, result);
      }
    });
    if (previous == null) {
      send(id, hash, input, result);
    } else {
      previous.whenCompleteAsync((r, e) -> send(id, hash, input, result), sequencer)
          .exceptionally(e -> {
            result.completeExceptionally(e);
            return null;
          });
    }
    return result;
  }

  private void send(String id, String hash, ArticleInput input, CompletableFuture<PublishResult> result) {
    PublishedState.Known known = published.get(id);
    if (known != null && known.sameContent(hash)) {
      result.complete(new PublishResult(id, known.revision(), PublishResult.Status.UNCHANGED));
      return;
    }
    int revision = known == null ? 1 : known.revision() + 1;
    RawArticle article = RawArticle.newBuilder()
        .setId(id)
        .setUrl(input.url())
        .setSource(input.source())
        .setTitle(input.title())
        .setBody(input.body())
        .setLanguageHint(input.language())
        .setPublishedAt(input.publishedAt())
        .setFetchedAt(clock.instant())
        .setContentHash(hash)
        .setRevision(revision)
        .build();
    try {
      producer.send(new ProducerRecord<>(topic, id, article), (metadata, error) -> {
        if (error != null) {
          result.completeExceptionally(error);
        } else {
          // record the state before completing, so a publish waiting on this one sees it
          published.acknowledged(id, hash, revision, metadata.partition(), metadata.offset());
          result.complete(new PublishResult(id, revision, PublishResult.Status.PUBLISHED));
        }
      });
    } catch (RuntimeException e) {
      // send throws when it cannot even enqueue: metadata not available within max.block.ms, record too large
      result.completeExceptionally(e);
    }
  }

  /** Ids known to have been published (from the topic and from this run; an estimate on disk). */
  public long knownArticles() {
    return published.size();
  }

  /**
   * Records of raw-articles (another writer's, or this publisher's in flight) not yet applied to
   * what this publisher knows; empty when its state does not follow the topic.
   */
  public java.util.OptionalLong knownArticlesBehind() {
    return published.behind();
  }

  /** Waits for records in flight (up to the acknowledgement timeout), then closes the producer. */
  @Override
  public void close() {
    synchronized (inFlight) {
      closed = true;
    }
    // acknowledgements trigger the publishes queued behind them: let those run before shutting down
    producer.flush();
    if (sequencer instanceof ExecutorService service) {
      service.shutdown();
      try {
        service.awaitTermination(closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    producer.close(closeTimeout);
    published.close();
  }
}
