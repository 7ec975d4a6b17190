package org.mediamonitor.common;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a compacted topic from its beginning to the end offsets it had when reading started, so a
 * service can rebuild what it knows (last record per key) from Kafka instead of a local file.
 */
public final class CompactedTopic {

  private static final Logger LOG = LoggerFactory.getLogger(CompactedTopic.class);

  private static final long PROGRESS_REPORT_NANOS = 10_000_000_000L;

  private CompactedTopic() {}

  /**
   * Calls {@code apply} for every committed record in offset order per partition (a null value is a
   * tombstone). A record that cannot be decoded is logged and skipped: what it held is lost to the
   * reader, which each caller must tolerate. {@code timeout} bounds each wait for the broker and
   * any stretch without progress, not the whole read: a topic of years of articles takes as long
   * as it takes, a broker that stops answering fails it.
   */
  public static <K, V> void readToEnd(Map<String, Object> clientProps, Topic<K, V> topic, String clientId,
      Duration timeout, BiConsumer<K, V> apply) {
    readToEnd(clientProps, topic, clientId, timeout, Map.of(), r -> apply.accept(r.key(), r.value()));
  }

  /**
   * Reads each partition from {@code from} (the next offset to read; a partition not named, or an
   * offset below the log start, is read from its beginning) to the end offset it had when reading
   * started, and calls {@code apply} with every committed record, in offset order per partition.
   * Undecodable records are logged and skipped, as above.
   *
   * @return the end offsets reached, by partition number: the next offset of each partition, past
   *     any transaction markers, so a reader can resume exactly there
   */
  public static <K, V> Map<Integer, Long> readToEnd(Map<String, Object> clientProps, Topic<K, V> topic,
      String clientId, Duration timeout, Map<Integer, Long> from, Consumer<ConsumerRecord<K, V>> apply) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    long deadline = System.nanoTime() + timeout.toNanos();
    long read = 0;
    long nextReport = System.nanoTime() + PROGRESS_REPORT_NANOS;
    try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props,
        topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), timeout).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, timeout);
      for (TopicPartition tp : partitions) {
        Long next = from.get(tp.partition());
        consumer.seek(tp, next == null ? beginning.get(tp) : Math.max(next, beginning.get(tp)));
      }
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      while (!reachedEnd(consumer, end)) {
        long now = System.nanoTime();
        if (now > deadline) {
          throw new IllegalStateException("could not read " + topic.name() + " to its end: no progress for " + timeout
              + " after " + read + " records");
        }
        if (now > nextReport) {
          nextReport = now + PROGRESS_REPORT_NANOS;
          LOG.info("reading {}: {} records so far, up to {}", topic.name(), read, end);
        }
        try {
          ConsumerRecords<K, V> records = consumer.poll(Duration.ofMillis(200));
          if (!records.isEmpty()) {
            deadline = System.nanoTime() + timeout.toNanos();
          }
          for (ConsumerRecord<K, V> r : records) {
            apply.accept(r);
            read++;
          }
        } catch (RecordDeserializationException e) {
          LOG.warn("skipping unreadable record {}@{} of {}: {}", e.topicPartition(), e.offset(), topic.name(),
              e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
          deadline = System.nanoTime() + timeout.toNanos(); // skipping is progress too
        }
      }
      Map<Integer, Long> reached = new HashMap<>();
      for (TopicPartition tp : partitions) {
        reached.put(tp.partition(), consumer.position(tp));
      }
      return reached;
    }
  }

  private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }
}
