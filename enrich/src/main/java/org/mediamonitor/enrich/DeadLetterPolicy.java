package org.mediamonitor.enrich;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.mediamonitor.common.Topics;
import org.mediamonitor.schema.DeadLetter;

/**
 * How enrich dead-letters a record, shared by its three exception handlers and its tagging processor.
 *
 * <p>Kafka Streams' built-in dead-letter queue (KIP-1034, {@code errors.dead.letter.queue.topic.name})
 * sends the source record's raw key and value bytes with {@code __streams.errors.*} headers. Our
 * dead-letter topic carries Avro {@link DeadLetter} values, so the handlers build that record
 * themselves and hand it back through the same mechanism ({@code Response.resume(records)}): Streams
 * sends it with the task's producer, inside the exactly-once transaction of the failed input. The
 * target topic is read from {@code errors.dead.letter.queue.topic.name}, and the same headers are
 * added so that generic DLQ tooling still finds the error.
 *
 * <p>Handlers are created by Streams from class names, so this policy travels to them as an object
 * in the Streams properties under {@link #CONFIG}.
 */
public final class DeadLetterPolicy {

  /** Streams property holding the {@link DeadLetterPolicy} instance the handlers use. */
  public static final String CONFIG = "media.monitor.enrich.dead.letter.policy";
  public static final String STAGE = "enrich";

  static final String HEADER_EXCEPTION = "__streams.errors.exception";
  static final String HEADER_MESSAGE = "__streams.errors.message";
  static final String HEADER_TOPIC = "__streams.errors.topic";
  static final String HEADER_PARTITION = "__streams.errors.partition";
  static final String HEADER_OFFSET = "__streams.errors.offset";

  private final String topic;
  private final Serializer<DeadLetter> serializer;
  private final Set<String> globalTopics;
  private final EnrichMetrics metrics;

  public DeadLetterPolicy(String topic, Serializer<DeadLetter> serializer, Set<String> globalTopics, EnrichMetrics metrics) {
    this.topic = Objects.requireNonNull(topic, "topic");
    this.serializer = Objects.requireNonNull(serializer, "serializer");
    this.globalTopics = Set.copyOf(globalTopics);
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** The policy for these topics: dead letters go to {@code deadLetters}; {@code taxonomy} is read by the global thread. */
  public static DeadLetterPolicy of(Topics topics, EnrichMetrics metrics) {
    return new DeadLetterPolicy(topics.deadLetters().name(), topics.deadLetters().valueSerde().serializer(),
        Set.of(topics.taxonomy().name()), metrics);
  }

  /** The policy a handler was configured with; fails fast when the Streams properties lack it. */
  static DeadLetterPolicy from(Map<String, ?> configs) {
    Object policy = configs.get(CONFIG);
    if (!(policy instanceof DeadLetterPolicy p)) {
      throw new ConfigException(CONFIG, policy, "enrich's exception handlers need a DeadLetterPolicy instance"
          + " (EnrichConfig.streamsProperties sets it)");
    }
    Object configured = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    if (configured != null && !configured.toString().isBlank() && !configured.toString().equals(p.topic)) {
      return new DeadLetterPolicy(configured.toString(), p.serializer, p.globalTopics, p.metrics);
    }
    return p;
  }

  public String topic() {
    return topic;
  }

  EnrichMetrics metrics() {
    return metrics;
  }

  /**
   * Global-store records cannot be dead-lettered by Streams (the global thread has no producer; Kafka
   * 4.3 rejects DLQ records there), so handlers only log and count those.
   */
  boolean fromGlobalTopic(String sourceTopic) {
    return sourceTopic != null && globalTopics.contains(sourceTopic);
  }

  /** The dead letter for a record that failed in a task, from what the error context knows. */
  DeadLetter deadLetter(DeadLetterReason reason, String detail, Throwable error, ErrorHandlerContext context,
      boolean keepValue) {
    return DeadLetter.newBuilder()
        .setStage(STAGE)
        .setEntryPoint(context.topic())
        .setReason(reason.describe(detail))
        .setErrorClass(error == null ? null : error.getClass().getName())
        .setSourceTopic(context.topic())
        .setSourcePartition(context.partition() < 0 ? null : context.partition())
        .setSourceOffset(context.offset() < 0 ? null : context.offset())
        .setOriginalKey(wrap(context.sourceRawKey()))
        .setOriginalValue(keepValue ? wrap(context.sourceRawValue()) : null)
        .setFailedAt(Instant.now())
        .build();
  }

  /** Encodes a dead letter as the record Streams will send, and counts it. */
  ProducerRecord<byte[], byte[]> record(DeadLetter letter, DeadLetterReason reason, Throwable error) {
    byte[] key = letter.getOriginalKey() == null ? null : bytes(letter.getOriginalKey());
    Headers headers = new RecordHeaders();
    if (error != null) {
      headers.add(HEADER_EXCEPTION, utf8(error.getClass().getName()));
      headers.add(HEADER_MESSAGE, utf8(String.valueOf(error.getMessage())));
    }
    if (letter.getSourceTopic() != null) {
      headers.add(HEADER_TOPIC, utf8(letter.getSourceTopic()));
    }
    if (letter.getSourcePartition() != null) {
      headers.add(HEADER_PARTITION, utf8(letter.getSourcePartition().toString()));
    }
    if (letter.getSourceOffset() != null) {
      headers.add(HEADER_OFFSET, utf8(letter.getSourceOffset().toString()));
    }
    byte[] value = serializer.serialize(topic, headers, letter);
    metrics.deadLettered(reason.tag());
    return new ProducerRecord<>(topic, null, key, value, headers);
  }

  static String detail(Throwable error) {
    if (error == null) {
      return null;
    }
    Throwable cause = error.getCause();
    String message = error.getMessage();
    if (cause != null && cause.getMessage() != null && (message == null || !message.contains(cause.getMessage()))) {
      return (message == null ? "" : message + ": ") + cause.getMessage();
    }
    return message == null ? error.getClass().getSimpleName() : message;
  }

  static ByteBuffer wrap(byte[] bytes) {
    return bytes == null ? null : ByteBuffer.wrap(bytes);
  }

  static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
