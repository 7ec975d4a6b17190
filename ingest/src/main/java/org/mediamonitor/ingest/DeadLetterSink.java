package org.mediamonitor.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.mediamonitor.common.Sends;
import org.mediamonitor.common.Topic;
import org.mediamonitor.schema.DeadLetter;

/** Writes refused input to the dead-letters topic, with the reason and the original bytes. */
public final class DeadLetterSink implements AutoCloseable {

  public static final String STAGE = "ingest";
  /**
   * Original bytes kept in a dead letter. A refused record can be far larger than a Kafka message
   * may be (a 16 MiB HTTP body); the head is enough to see what was sent.
   */
  public static final int MAX_ORIGINAL_BYTES = 512 * 1024;

  private final Producer<byte[], DeadLetter> producer;
  private final String topic;
  private final Clock clock;
  private final Duration closeTimeout;

  DeadLetterSink(Producer<byte[], DeadLetter> producer, String topic, Clock clock, Duration closeTimeout) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.closeTimeout = closeTimeout;
  }

  public static DeadLetterSink start(Map<String, Object> clientProps, Topic<byte[], DeadLetter> topic,
      Duration ackTimeout, Clock clock) {
    Map<String, Object> props = new HashMap<>(
        ArticlePublisher.producerProps(clientProps, ackTimeout, MAX_ORIGINAL_BYTES));
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "media-monitor-ingest-dead-letters");
    return new DeadLetterSink(new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer()),
        topic.name(), clock, ackTimeout);
  }

  /**
   * Sends a dead letter; completes when the broker acknowledged it.
   *
   * @param origin where the record came from (file name, {@code file.jsonl:12}), or null; it is the key
   */
  public CompletableFuture<Void> send(EntryPoint entryPoint, InvalidArticleException error, byte[] original,
      String origin) {
    byte[] kept = original == null || original.length <= MAX_ORIGINAL_BYTES
        ? original : Arrays.copyOf(original, MAX_ORIGINAL_BYTES);
    String reason = error.rejection().code() + ": " + error.getMessage()
        + (kept != original ? " (original truncated to " + MAX_ORIGINAL_BYTES + " of " + original.length + " bytes)" : "");
    DeadLetter letter = DeadLetter.newBuilder()
        .setStage(STAGE)
        .setEntryPoint(entryPoint.tag())
        .setReason(reason)
        .setErrorClass(error.getClass().getName())
        .setOriginalKey(origin == null ? null : ByteBuffer.wrap(origin.getBytes(StandardCharsets.UTF_8)))
        .setOriginalValue(kept == null ? null : ByteBuffer.wrap(kept))
        .setFailedAt(clock.instant())
        .build();
    byte[] key = origin == null ? null : origin.getBytes(StandardCharsets.UTF_8);
    return Sends.send(producer, new ProducerRecord<>(topic, key, letter));
  }

  @Override
  public void close() {
    producer.close(closeTimeout);
  }
}
