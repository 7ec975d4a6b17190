package org.mediamonitor.ingest.feed;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.mediamonitor.common.CompactedTopic;
import org.mediamonitor.common.Sends;
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
    Map<String, FeedCheckpoint> state = new HashMap<>();
    // an unreadable checkpoint costs one full refetch of that feed; dedup prevents duplicates
    CompactedTopic.readToEnd(clientProps, topic, "media-monitor-ingest-feed-checkpoints-load", timeout.multipliedBy(4),
        (url, checkpoint) -> {
          if (url == null) {
            return;
          }
          if (checkpoint == null) {
            state.remove(url);
          } else {
            state.put(url, checkpoint);
          }
        });
    LOG.info("{} holds checkpoints of {} feeds", topic.name(), state.size());
    return state;
  }

  @Override
  public CompletableFuture<Void> save(FeedCheckpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    return Sends.send(producer, new ProducerRecord<>(topic.name(), checkpoint.getFeedUrl(), checkpoint));
  }

  @Override
  public void close() {
    producer.close(timeout);
  }
}
