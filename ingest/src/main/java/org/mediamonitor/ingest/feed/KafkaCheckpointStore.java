package org.mediamonitor.ingest.feed;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.mediamonitor.common.Topic;
import org.mediamonitor.common.serde.WireFormat;
import org.mediamonitor.schema.FeedCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feed checkpoints in a compacted topic, key = feed URL, so they survive restarts and follow the
 * service to another machine. The topic is read to its end at start; afterwards this instance is
 * the only writer of its feeds' keys (one ingest instance polls a given feed).
 */
public final class KafkaCheckpointStore implements CheckpointStore {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaCheckpointStore.class);

  /** Topic name after the prefix: {@code <prefix>feed-checkpoints}. */
  public static final String TOPIC_SUFFIX = "feed-checkpoints";

  private final Map<String, Object> clientProps;
  private final Topic<String, FeedCheckpoint> topic;
  private final Duration timeout;
  private final Producer<String, FeedCheckpoint> producer;

  private KafkaCheckpointStore(Map<String, Object> clientProps, Topic<String, FeedCheckpoint> topic, Duration timeout,
      Producer<String, FeedCheckpoint> producer) {
    this.clientProps = clientProps;
    this.topic = topic;
    this.timeout = timeout;
    this.producer = producer;
  }

  /**
   * The checkpoints topic: one partition (a few hundred small records at most) and compacted, so it
   * keeps one record per feed.
   */
  public static Topic<String, FeedCheckpoint> topic(String prefix, WireFormat wire) {
    return new Topic<>(prefix + TOPIC_SUFFIX, Serdes.String(), wire.serde(FeedCheckpoint.class), 1,
        Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
  }

  /** Opens the producer; the topic must exist. {@code timeout} bounds each save and the load. */
  public static KafkaCheckpointStore open(Map<String, Object> clientProps, Topic<String, FeedCheckpoint> topic,
      Duration timeout) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "media-monitor-ingest-feed-checkpoints");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    long ms = timeout.toMillis();
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ms);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, ms));
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1, Math.min(30_000, ms)));
    Producer<String, FeedCheckpoint> producer = new KafkaProducer<>(props, topic.keySerde().serializer(),
        topic.valueSerde().serializer());
    return new KafkaCheckpointStore(Map.copyOf(clientProps), topic, timeout, producer);
  }

  /** Reads the topic from the beginning to its end offsets; the last record of each feed wins. */
  @Override
  public Map<String, FeedCheckpoint> load() {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "media-monitor-ingest-feed-checkpoints-load");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    Duration loadTimeout = timeout.multipliedBy(4);
    long deadline = System.nanoTime() + loadTimeout.toNanos();
    Map<String, FeedCheckpoint> state = new HashMap<>();
    try (KafkaConsumer<String, FeedCheckpoint> consumer = new KafkaConsumer<>(props,
        topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), loadTimeout);
      List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, loadTimeout);
      while (!reachedEnd(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic.name() + " to its end within " + loadTimeout);
        }
        try {
          for (ConsumerRecord<String, FeedCheckpoint> r : consumer.poll(Duration.ofMillis(200))) {
            if (r.key() == null) {
              continue;
            }
            if (r.value() == null) {
              state.remove(r.key());
            } else {
              state.put(r.key(), r.value());
            }
          }
        } catch (RecordDeserializationException e) {
          // an unreadable checkpoint costs one full refetch of that feed; dedup prevents duplicates
          LOG.warn("skipping unreadable record {}@{} of {}: {}", e.topicPartition(), e.offset(), topic.name(),
              e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    }
    LOG.info("{} holds checkpoints of {} feeds", topic.name(), state.size());
    return state;
  }

  private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public CompletableFuture<Void> save(FeedCheckpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      producer.send(new ProducerRecord<>(topic.name(), checkpoint.getFeedUrl(), checkpoint), (metadata, error) -> {
        if (error != null) {
          done.completeExceptionally(error);
        } else {
          done.complete(null);
        }
      });
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
    return done;
  }

  @Override
  public void close() {
    producer.close(timeout);
  }
}
