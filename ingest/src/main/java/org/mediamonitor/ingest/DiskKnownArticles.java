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
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
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
 * The heap holds nothing per article, so ten years of articles cost disk (~30 bytes an article
 * before compression), not memory; and a restart reads only the records written since that
 * position instead of every body ever published.
 *
 * <p>The position is, per partition, the next offset whose record the store has not applied. It
 * moves in two ways, each written in the same atomic batch as the entries it covers: the start-up
 * catch-up applies every record from the position to the end of the topic; at run time, an
 * acknowledgement of this publisher moves it only while the acknowledged offsets follow on
 * without a gap. A gap means someone else wrote to the partition (another ingest process, the
 * {@code publish} command); the position then stays put until the next start reads the gap.
 *
 * <p>The store is thrown away and rebuilt from the whole topic when it cannot be trusted: it was
 * written for another incarnation of the topic (the topic id differs: deleted and re-created, or
 * another cluster), a partition it knew is gone or shorter than its position, or it would have to
 * read records older than the topic's {@code delete.retention.ms}: compaction may have removed a
 * tombstone in that range, and an entry the tombstone cleared would survive.
 *
 * <p>Thread-safe: every operation holds this object's lock (a RocksDB call of a few microseconds),
 * which also keeps calls after {@link #close()} away from the closed native handle.
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
  /** Partition to next offset, for the partitions whose position still follows this publisher's acks. */
  private final Map<Integer, Long> contiguous = new HashMap<>();
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
    String reason = distrust(facts, from);
    if (reason != null) {
      LOG.info("{}: rebuilding the known-articles store at {} from the whole topic: {}", topic.name(), dir, reason);
      wipe(facts.topicId());
      from = new HashMap<>();
    }
    try (CatchUp batch = new CatchUp()) {
      Map<Integer, Long> end = CompactedTopic.readToEnd(clientProps, topic, "media-monitor-ingest-state", timeout, from,
          batch::apply);
      batch.finish(end);
      contiguous.clear();
      contiguous.putAll(end);
      LOG.info("{}: known-articles store at {} caught up: {} records read from {}, position now {}", topic.name(), dir,
          batch.read, reason != null ? "the beginning" : new TreeMap<>(from), new TreeMap<>(end));
      return batch.read;
    } finally {
      count = readLong(COUNT, 0); // what was written: the same after success, the truth after a failure
    }
  }

  /**
   * The catch-up's writes: records applied in atomic batches of {@link #CATCH_UP_BATCH} keys, each
   * with the position it reaches and the count. Runs under the store's lock.
   */
  private final class CatchUp implements AutoCloseable {
    private WriteBatch batch = new WriteBatch();
    /** Keys the open batch adds (true) or removes (false): the store does not see them until it is written. */
    private final Map<Long, Boolean> pending = new HashMap<>();
    long read;

    void apply(ConsumerRecord<String, RawArticle> r) {
      try {
        if (r.key() != null) {
          long fp = ArticleIds.fingerprint(r.key());
          Boolean was = pending.get(fp);
          boolean existed = was != null ? was : db.get(articleKey(fp)) != null;
          if (r.value() == null) {
            batch.delete(articleKey(fp));
            count -= existed ? 1 : 0;
          } else {
            batch.put(articleKey(fp), entry(PublishedState.prefix(PublishedState.contentHash(r.value())),
                r.value().getRevision()));
            count += existed ? 0 : 1;
          }
          pending.put(fp, r.value() != null);
        }
        batch.put(nextOffsetKey(r.partition()), longBytes(r.offset() + 1));
        read++;
        if (pending.size() >= CATCH_UP_BATCH) {
          write();
          batch.close();
          batch = new WriteBatch();
          pending.clear();
        }
      } catch (RocksDBException e) {
        throw failure("write", e);
      }
    }

    /** Writes what is left, with the position reached (past any transaction markers: resume there). */
    void finish(Map<Integer, Long> end) {
      try {
        for (Map.Entry<Integer, Long> e : end.entrySet()) {
          batch.put(nextOffsetKey(e.getKey()), longBytes(e.getValue()));
        }
        batch.put(POSITION_AT, longBytes(clock.millis()));
        write();
      } catch (RocksDBException e) {
        throw failure("write", e);
      }
    }

    private void write() throws RocksDBException {
      batch.put(COUNT, longBytes(count));
      db.write(writeOptions, batch);
    }

    @Override
    public void close() {
      batch.close();
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
    Long next = contiguous.get(partition);
    boolean follows = next != null && next == offset;
    long fp = ArticleIds.fingerprint(id);
    try (WriteBatch batch = new WriteBatch()) {
      boolean added = db.get(articleKey(fp)) == null;
      batch.put(articleKey(fp), entry(PublishedState.prefix(contentHash), revision));
      if (added) {
        batch.put(COUNT, longBytes(count + 1));
      }
      if (follows) {
        batch.put(nextOffsetKey(partition), longBytes(offset + 1));
        batch.put(POSITION_AT, longBytes(clock.millis()));
      }
      db.write(writeOptions, batch);
      count += added ? 1 : 0;
      if (follows) {
        contiguous.put(partition, offset + 1);
      } else if (next != null) {
        contiguous.remove(partition);
        LOG.info("partition {}: acknowledged offset {} where {} was next: another writer; the store's position there "
            + "waits for the next start", partition, offset, next);
      }
    } catch (RocksDBException e) {
      // the record is in Kafka; the position did not move past it, so the next start applies it
      contiguous.remove(partition);
      LOG.error("cannot record article {} in the known-articles store at {}: {}", id, dir, e.getMessage());
    }
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

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
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

  private static byte[] entry(long hashPrefix, int revision) {
    return ByteBuffer.allocate(Long.BYTES + Integer.BYTES).putLong(hashPrefix).putInt(revision).array();
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
