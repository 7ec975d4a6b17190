package org.mediamonitor.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.mediamonitor.common.CompactedTopic;
import org.mediamonitor.common.Topic;
import org.mediamonitor.schema.RawArticle;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link KnownArticles} in a RocksDB store on disk, with the position of raw-articles it reflects.
 * The heap holds nothing per article, so ten years of articles cost disk (~40 bytes an article
 * before compression), not memory; and a restart reads only the records written since that
 * position instead of every body ever published.
 *
 * <p>The position is, per partition, the next offset whose record the store has applied. Only the
 * topic moves it, in the same atomic batch as the entries it covers: the start-up catch-up applies
 * every record from the position to the end of the topic, then a follower thread keeps reading
 * the topic as it grows. So what another writer publishes (another ingest process, the
 * {@code publish} command) is known within a poll, not only after the next start. This
 * publisher's acknowledgements write their entry at once, ahead of the follower, so that a
 * re-publish right after is recognised; the follower then finds the entry already there and
 * does not even decode the record.
 *
 * <p>Each entry keeps the partition and offset of the record it came from, and a record never
 * replaces an entry from a later offset of its partition: the follower reaching an older record of
 * an article this publisher has since acknowledged again, or an acknowledgement arriving after
 * the follower already read past it, cannot bring back an older state.
 *
 * <p>The store is thrown away and rebuilt from the whole topic when it cannot be trusted: it was
 * written for another incarnation of the topic (the topic id differs: deleted and re-created, or
 * another cluster), a partition it knew is gone or shorter than its position, or it would have to
 * read records older than the topic's {@code delete.retention.ms}: compaction may have removed a
 * tombstone in that range, and an entry the tombstone cleared would survive.
 *
 * <p>Thread-safe: every operation holds this object's lock (a RocksDB call of a few microseconds,
 * or one poll's worth of records for the follower), which also keeps calls after {@link #close()}
 * away from the closed native handle.
 */
final class DiskKnownArticles implements KnownArticles {

  private static final Logger LOG = LoggerFactory.getLogger(DiskKnownArticles.class);

  private static final byte ARTICLE = 'a';
  private static final byte META = 'm';
  private static final byte[] TOPIC_ID = meta("topic-id");
  /** Wall-clock ms when the position was last moved or confirmed. */
  private static final byte[] POSITION_AT = meta("position-at");
  /** Followed by the partition number (4 bytes): the next offset of that partition not applied. */
  private static final byte[] NEXT_OFFSET = meta("next-offset:");
  /** How many article keys the store holds, kept exact in the batches that add or remove them. */
  private static final byte[] COUNT = meta("count");
  /** Records applied per atomic batch during the catch-up. */
  private static final int CATCH_UP_BATCH = 1_000;
  private static final long BLOCK_CACHE_BYTES = 8L << 20;
  private static final long WRITE_BUFFER_BYTES = 8L << 20;
  private static final int ENTRY_BYTES = Long.BYTES + Integer.BYTES + Integer.BYTES + Long.BYTES;
  /** How long the follower waits on an idle topic before it looks again (and confirms the position). */
  private static final Duration FOLLOW_POLL = Duration.ofMillis(200);
  /** How often an idle, caught-up follower refreshes the position's time. */
  private static final Duration CONFIRM_EVERY = Duration.ofMinutes(1);
  /** How long close() lets the follower read to the topic's end. */
  private static final Duration FINAL_READ = Duration.ofSeconds(5);

  static {
    RocksDB.loadLibrary();
  }

  private final Path dir;
  private final Clock clock;
  private final Options options;
  private final LRUCache blockCache;
  private final BloomFilter bloom;
  private final WriteOptions writeOptions = new WriteOptions();
  private RocksDB db;
  /** Article keys in the store: {@link #COUNT}, as last written. */
  private long count;
  /** The position as last written: partition to the next offset the store has applied. */
  private final Map<Integer, Long> applied = new HashMap<>();
  /** Reads the topic after the start-up catch-up; null until {@link #follow} and after {@link #close()}. */
  private volatile Follower follower;
  /** The follower's lag after its last poll, or -1 before it knows it. */
  private volatile long behind = -1;
  private boolean closed;

  private DiskKnownArticles(Path dir, Clock clock, Options options, LRUCache blockCache, BloomFilter bloom,
      RocksDB db) {
    this.dir = dir;
    this.clock = clock;
    this.options = options;
    this.blockCache = blockCache;
    this.bloom = bloom;
    this.db = db;
    this.count = readLong(COUNT, 0);
  }

  /**
   * Opens (or creates) the store in {@code dir}. Fails with a {@link RocksDBException} when another
   * process holds it.
   */
  static DiskKnownArticles open(Path dir, Clock clock) throws RocksDBException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new RocksDBException("cannot create " + dir + ": " + e.getMessage());
    }
    LRUCache cache = new LRUCache(BLOCK_CACHE_BYTES);
    // most lookups are for ids never published: the filter answers those without reading a block
    BloomFilter bloom = new BloomFilter(10, false);
    Options options = new Options()
        .setCreateIfMissing(true)
        .setWriteBufferSize(WRITE_BUFFER_BYTES)
        .setMaxWriteBufferNumber(2)
        .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(bloom));
    try {
      return new DiskKnownArticles(dir, clock, options, cache, bloom, RocksDB.open(options, dir.toString()));
    } catch (RocksDBException e) {
      options.close();
      cache.close();
      bloom.close();
      throw e;
    }
  }

  /**
   * Checks that the store belongs to {@code topic} as it is now (else empties it), then applies every
   * record written since its position. Returns the number of records read.
   */
  synchronized long catchUp(Map<String, Object> clientProps, Topic<String, RawArticle> topic, Duration timeout) {
    TopicFacts facts = TopicFacts.describe(clientProps, topic.name(), timeout);
    Map<Integer, Long> from = positions();
    applied.clear();
    applied.putAll(from);
    String reason = distrust(facts, from);
    if (reason != null) {
      LOG.info("{}: rebuilding the known-articles store at {} from the whole topic: {}", topic.name(), dir, reason);
      wipe(facts.topicId());
      from = new HashMap<>();
      applied.clear();
    }
    try (Batch batch = new Batch()) {
      Map<Integer, Long> end = CompactedTopic.readToEnd(clientProps, topic, "media-monitor-ingest-state", timeout, from,
          r -> batch.apply(r.partition(), r.offset(), r.key(), r.value() == null, r::value));
      batch.finish(end, true);
      LOG.info("{}: known-articles store at {} caught up: {} records read from {}, position now {}", topic.name(), dir,
          batch.read, reason != null ? "the beginning" : new TreeMap<>(from), new TreeMap<>(end));
      return batch.read;
    } finally {
      count = readLong(COUNT, 0); // what was written: the same after success, the truth after a failure
      applied.clear();
      applied.putAll(positions());
    }
  }

  /**
   * Keeps applying what is written to {@code topic} from the position the catch-up reached, on a
   * thread of its own, until {@link #close()}. Call after {@link #catchUp}.
   */
  synchronized void follow(Map<String, Object> clientProps, Topic<String, RawArticle> topic) {
    ensureOpen();
    if (follower != null) {
      throw new IllegalStateException("already following " + topic.name());
    }
    follower = new Follower(clientProps, topic, Map.copyOf(applied));
    follower.start();
  }

  /**
   * Writes of records read from the topic: applied in atomic batches of at most
   * {@link #CATCH_UP_BATCH} keys, each with the position it reaches and the count. Runs under the
   * store's lock.
   */
  private final class Batch implements AutoCloseable {
    private WriteBatch batch = new WriteBatch();
    /** Entries the open batch writes (null: removes): the store does not see them until it is written. */
    private final Map<Long, byte[]> pending = new HashMap<>();
    /** Partition to the next offset, for the records applied since the last write. */
    private final Map<Integer, Long> reached = new HashMap<>();
    long read;

    /**
     * Applies the record at {@code partition}/{@code offset}, unless the store already holds an
     * entry from that offset or a later one of the partition (then {@code value} is not called).
     * A value that cannot be decoded ({@code value} returns null) is skipped; the position still
     * moves past it.
     */
    void apply(int partition, long offset, String key, boolean tombstone, Supplier<RawArticle> value) {
      try {
        if (key != null) {
          long fp = ArticleIds.fingerprint(key);
          byte[] current = pending.containsKey(fp) ? pending.get(fp) : db.get(articleKey(fp));
          if (current == null || !fromOffsetAtOrAfter(current, partition, offset)) {
            RawArticle article = tombstone ? null : value.get();
            if (tombstone) {
              batch.delete(articleKey(fp));
              count -= current != null ? 1 : 0;
              pending.put(fp, null);
            } else if (article != null) {
              byte[] entry = entry(PublishedState.prefix(PublishedState.contentHash(article)), article.getRevision(),
                  partition, offset);
              batch.put(articleKey(fp), entry);
              count += current != null ? 0 : 1;
              pending.put(fp, entry);
            }
          }
        }
        batch.put(nextOffsetKey(partition), longBytes(offset + 1));
        reached.put(partition, offset + 1);
        read++;
        if (pending.size() >= CATCH_UP_BATCH) {
          write();
        }
      } catch (RocksDBException e) {
        throw failure("write", e);
      }
    }

    /**
     * Writes what is left with the position reached, which may lie past the last record applied
     * (transaction markers): the next read resumes there. {@code confirm}: the store reflects the
     * whole topic now, so the position's time moves too.
     */
    void finish(Map<Integer, Long> end, boolean confirm) {
      try {
        for (Map.Entry<Integer, Long> e : end.entrySet()) {
          Long at = reached.containsKey(e.getKey()) ? reached.get(e.getKey()) : applied.get(e.getKey());
          if (!e.getValue().equals(at)) {
            batch.put(nextOffsetKey(e.getKey()), longBytes(e.getValue()));
            reached.put(e.getKey(), e.getValue());
          }
        }
        if (confirm) {
          batch.put(POSITION_AT, longBytes(clock.millis()));
        }
        if (confirm || !reached.isEmpty()) {
          write();
        }
      } catch (RocksDBException e) {
        throw failure("write", e);
      }
    }

    private void write() throws RocksDBException {
      batch.put(COUNT, longBytes(count));
      db.write(writeOptions, batch);
      applied.putAll(reached);
      reached.clear();
      batch.close();
      batch = new WriteBatch();
      pending.clear();
    }

    @Override
    public void close() {
      batch.close();
    }
  }

  /**
   * Applies what is written to the topic after the catch-up: this publisher's records (whose
   * entries its acknowledgements already wrote; skipped without decoding) and everybody else's.
   */
  private final class Follower implements Runnable {
    private final Topic<String, RawArticle> topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<RawArticle> values;
    private final Thread thread;
    private volatile boolean stopping;
    private long lastConfirm = System.nanoTime();

    Follower(Map<String, Object> clientProps, Topic<String, RawArticle> topic, Map<Integer, Long> from) {
      this.topic = topic;
      Map<String, Object> props = new HashMap<>(clientProps);
      props.remove(ConsumerConfig.GROUP_ID_CONFIG);
      props.put(ConsumerConfig.CLIENT_ID_CONFIG, "media-monitor-ingest-follower");
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      // what the pipeline sees: an aborted transaction of another writer published nothing
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      this.consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), new ByteArrayDeserializer());
      this.values = topic.valueSerde().deserializer();
      List<TopicPartition> partitions = new ArrayList<>();
      from.keySet().forEach(p -> partitions.add(new TopicPartition(topic.name(), p)));
      consumer.assign(partitions);
      from.forEach((p, next) -> consumer.seek(new TopicPartition(topic.name(), p), next));
      this.thread = new Thread(this, "ingest-known-articles-follower");
      thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    @Override
    public void run() {
      try {
        while (!stopping) {
          ConsumerRecords<String, byte[]> records;
          try {
            records = consumer.poll(FOLLOW_POLL);
          } catch (WakeupException e) {
            break;
          } catch (RecordDeserializationException e) {
            skip(e);
            continue;
          }
          if (!apply(records, records.isEmpty() && confirmDue())) {
            return;
          }
        }
        readToEnd();
      } catch (RuntimeException e) {
        LOG.error("{}: the known-articles follower stopped: {}; the next start reads what it did not apply", topic.name(),
            e.toString(), e);
      } finally {
        consumer.close();
      }
    }

    /** Applies one poll's records under the store's lock; false when the store is closed. */
    private boolean apply(ConsumerRecords<String, byte[]> records, boolean confirm) {
      synchronized (DiskKnownArticles.this) {
        if (closed) {
          return false;
        }
        try (Batch batch = new Batch()) {
          for (ConsumerRecord<String, byte[]> r : records) {
            batch.apply(r.partition(), r.offset(), r.key(), r.value() == null, () -> decode(r));
          }
          Map<Integer, Long> position = new HashMap<>();
          consumer.assignment().forEach(tp -> position.put(tp.partition(), consumer.position(tp)));
          batch.finish(position, confirm);
        }
        long lag = 0;
        for (TopicPartition tp : consumer.assignment()) {
          java.util.OptionalLong l = consumer.currentLag(tp); // from the last fetch, no request
          if (l.isEmpty()) {
            lag = -1;
            break;
          }
          lag += l.getAsLong();
        }
        behind = lag;
        return true;
      }
    }

    private RawArticle decode(ConsumerRecord<String, byte[]> r) {
      try {
        return values.deserialize(r.topic(), r.headers(), r.value());
      } catch (RuntimeException e) {
        LOG.warn("{}: skipping unreadable record {}@{}: {}", topic.name(), r.partition(), r.offset(), e.getMessage());
        return null;
      }
    }

    private void skip(RecordDeserializationException e) {
      LOG.warn("{}: skipping unreadable record {}@{}: {}", topic.name(), e.topicPartition().partition(), e.offset(),
          e.getMessage());
      consumer.seek(e.topicPartition(), e.offset() + 1);
    }

    /** An idle follower has read all there is: the position's time can move, once in a while. */
    private boolean confirmDue() {
      long now = System.nanoTime();
      if (now - lastConfirm < CONFIRM_EVERY.toNanos()) {
        return false;
      }
      lastConfirm = now;
      return true;
    }

    /** On close: reads up to the end the topic has now, so that the next start reads nothing it did not need to. */
    private void readToEnd() {
      long deadline = System.nanoTime() + FINAL_READ.toNanos();
      Map<TopicPartition, Long> end;
      try {
        try {
          end = consumer.endOffsets(consumer.assignment(), FINAL_READ);
        } catch (WakeupException e) {
          // stop() woke the consumer while it was applying, not polling: the wakeup is spent now
          end = consumer.endOffsets(consumer.assignment(), FINAL_READ);
        }
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        LOG.info("{}: no end offsets at close ({}); the next start reads what the follower did not", topic.name(),
            e.getMessage());
        return;
      }
      while (System.nanoTime() < deadline) {
        boolean reached = end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        ConsumerRecords<String, byte[]> records;
        try {
          records = reached ? ConsumerRecords.empty() : consumer.poll(FOLLOW_POLL);
        } catch (RecordDeserializationException e) {
          skip(e);
          continue;
        } catch (WakeupException e) {
          continue; // a wakeup left over from stop()
        }
        if (!apply(records, reached) || reached) {
          return;
        }
      }
      LOG.info("{}: the known-articles follower did not reach the end of the topic within {} at close; the next start "
          + "reads the rest", topic.name(), FINAL_READ);
    }

    void stop() {
      stopping = true;
      consumer.wakeup();
      try {
        thread.join(FINAL_READ.plusSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Why the store cannot continue from its position, or null when it can. */
  private String distrust(TopicFacts facts, Map<Integer, Long> from) {
    String storedId = topicId();
    if (storedId == null) {
      return "the store is new";
    }
    if (!storedId.equals(facts.topicId())) {
      return "it was written for topic id " + storedId + ", the topic is now " + facts.topicId();
    }
    boolean behind = false;
    for (Map.Entry<Integer, Long> e : from.entrySet()) {
      Long end = facts.endOffsets().get(e.getKey());
      if (end == null) {
        return "partition " + e.getKey() + " is gone";
      }
      if (e.getValue() > end) {
        return String.format(Locale.ROOT, "partition %d ends at %d, before the store's position %d", e.getKey(), end,
            e.getValue());
      }
      behind |= e.getValue() < end;
    }
    for (Map.Entry<Integer, Long> e : facts.endOffsets().entrySet()) {
      behind |= !from.containsKey(e.getKey()) && e.getValue() > 0;
    }
    long age = clock.millis() - readLong(POSITION_AT, 0);
    if (behind && age > facts.deleteRetentionMs()) {
      return String.format(Locale.ROOT,
          "its position is %d s old, older than the topic's delete.retention.ms (%d s): a tombstone written since may "
              + "already be compacted away", age / 1000, facts.deleteRetentionMs() / 1000);
    }
    return null;
  }

  @Override
  public synchronized PublishedState.Known get(String id) {
    ensureOpen();
    try {
      byte[] v = db.get(articleKey(ArticleIds.fingerprint(id)));
      if (v == null) {
        return null;
      }
      ByteBuffer b = ByteBuffer.wrap(v);
      return new PublishedState.Known(b.getLong(), b.getInt());
    } catch (RocksDBException e) {
      throw failure("read", e);
    }
  }

  @Override
  public synchronized void acknowledged(String id, String contentHash, int revision, int partition, long offset) {
    if (closed || db == null) {
      return; // an acknowledgement after close: the next start reads it from the topic
    }
    Long next = applied.get(partition);
    if (next != null && offset < next) {
      return; // the follower already applied this record, and any later one of the article
    }
    long fp = ArticleIds.fingerprint(id);
    try {
      byte[] current = db.get(articleKey(fp));
      if (current != null && fromOffsetAtOrAfter(current, partition, offset)) {
        return;
      }
      try (WriteBatch batch = new WriteBatch()) {
        batch.put(articleKey(fp), entry(PublishedState.prefix(contentHash), revision, partition, offset));
        if (current == null) {
          batch.put(COUNT, longBytes(count + 1));
        }
        db.write(writeOptions, batch);
      }
      count += current == null ? 1 : 0;
    } catch (RocksDBException e) {
      // the record is in Kafka and the position is not past it: the follower or the next start applies it
      LOG.error("cannot record article {} in the known-articles store at {}: {}", id, dir, e.getMessage());
    }
  }

  @Override
  public java.util.OptionalLong behind() {
    long b = behind;
    return b < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(b);
  }

  @Override
  public synchronized long size() {
    return count;
  }

  @Override
  public String describe() {
    return size() + " articles (on disk at " + dir + ")";
  }

  /** The store's position: partition to the next offset not applied. */
  synchronized Map<Integer, Long> positions() {
    ensureOpen();
    Map<Integer, Long> positions = new HashMap<>();
    byte[] prefix = NEXT_OFFSET;
    try (RocksIterator it = db.newIterator()) {
      for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
        int partition = ByteBuffer.wrap(it.key(), prefix.length, Integer.BYTES).getInt();
        positions.put(partition, ByteBuffer.wrap(it.value()).getLong());
      }
    }
    return positions;
  }

  private String topicId() {
    try {
      byte[] v = db.get(TOPIC_ID);
      return v == null ? null : new String(v, StandardCharsets.UTF_8);
    } catch (RocksDBException e) {
      throw failure("read", e);
    }
  }

  private long readLong(byte[] key, long otherwise) {
    try {
      byte[] v = db.get(key);
      return v == null ? otherwise : ByteBuffer.wrap(v).getLong();
    } catch (RocksDBException e) {
      throw failure("read", e);
    }
  }

  private void wipe(String topicId) {
    try {
      db.close();
      db = null; // until reopened: a failure below leaves no handle to a closed store
      RocksDB.destroyDB(dir.toString(), options);
      db = RocksDB.open(options, dir.toString());
      db.put(writeOptions, TOPIC_ID, topicId.getBytes(StandardCharsets.UTF_8));
      count = 0;
    } catch (RocksDBException e) {
      throw failure("empty", e);
    }
  }

  private IllegalStateException failure(String verb, RocksDBException e) {
    return new IllegalStateException("cannot " + verb + " the known-articles store at " + dir + ": " + e.getMessage(), e);
  }

  private void ensureOpen() {
    if (closed || db == null) {
      throw new IllegalStateException("the known-articles store at " + dir + " is closed");
    }
  }

  /**
   * Stops the follower, which first reads the topic to the end it has now (briefly: an
   * unreachable broker leaves the rest to the next start), then closes the store.
   */
  @Override
  public void close() {
    Follower f = follower;
    if (f != null) {
      f.stop();
    }
    closeStore();
  }

  private synchronized void closeStore() {
    if (closed) {
      return;
    }
    closed = true;
    follower = null;
    if (db != null) {
      db.close();
    }
    writeOptions.close();
    options.close();
    blockCache.close();
    bloom.close();
  }

  private static byte[] articleKey(long fingerprint) {
    return ByteBuffer.allocate(1 + Long.BYTES).put(ARTICLE).putLong(fingerprint).array();
  }

  /**
   * Hash prefix, revision, and the partition and offset of the record it reflects. Entries written
   * before the offset was kept hold only the first two; their offset counts as unknown (older
   * than any), which is safe: the start-up catch-up leaves every later read past them.
   */
  private static byte[] entry(long hashPrefix, int revision, int partition, long offset) {
    return ByteBuffer.allocate(ENTRY_BYTES).putLong(hashPrefix).putInt(revision).putInt(partition).putLong(offset)
        .array();
  }

  /** Whether {@code entry} reflects the record at {@code offset} of {@code partition} or a later one of it. */
  private static boolean fromOffsetAtOrAfter(byte[] entry, int partition, long offset) {
    if (entry.length < ENTRY_BYTES) {
      return false;
    }
    ByteBuffer b = ByteBuffer.wrap(entry, Long.BYTES + Integer.BYTES, Integer.BYTES + Long.BYTES);
    return b.getInt() == partition && b.getLong() >= offset;
  }

  private static byte[] nextOffsetKey(int partition) {
    return ByteBuffer.allocate(NEXT_OFFSET.length + Integer.BYTES).put(NEXT_OFFSET).putInt(partition).array();
  }

  private static byte[] meta(String name) {
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(1 + n.length).put(META).put(n).array();
  }

  private static byte[] longBytes(long v) {
    return ByteBuffer.allocate(Long.BYTES).putLong(v).array();
  }

  private static boolean startsWith(byte[] key, byte[] prefix) {
    if (key.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (key[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** What the broker says of the topic now: its id, end offsets and tombstone retention. */
  record TopicFacts(String topicId, Map<Integer, Long> endOffsets, long deleteRetentionMs) {

    static TopicFacts describe(Map<String, Object> clientProps, String topic, Duration timeout) {
      try (Admin admin = Admin.create(clientProps)) {
        long ms = timeout.toMillis();
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(ms, TimeUnit.MILLISECONDS)
            .get(topic);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(ms, TimeUnit.MILLISECONDS).get(resource);
        ConfigEntry retention = config.get(TopicConfig.DELETE_RETENTION_MS_CONFIG);
        List<TopicPartition> partitions = new ArrayList<>();
        d.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin
            .listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
            .all().get(ms, TimeUnit.MILLISECONDS);
        Map<Integer, Long> end = new HashMap<>();
        offsets.forEach((tp, info) -> end.put(tp.partition(), info.offset()));
        return new TopicFacts(d.topicId().toString(), end,
            retention == null ? Duration.ofDays(1).toMillis() : Long.parseLong(retention.value()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while describing " + topic, e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("cannot describe " + topic + ": " + e.getMessage(), e);
      }
    }
  }
}
