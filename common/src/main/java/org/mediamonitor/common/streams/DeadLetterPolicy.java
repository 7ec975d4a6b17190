package org.mediamonitor.common.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

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
 * How a Streams application dead-letters a record, shared by the three exception handlers of this
 * package ({@link DeadLetterDeserializationHandler}, {@link DeadLetterProcessingHandler},
 * {@link DeadLetterProductionHandler}); {@link #install} puts them and this policy into the
 * Streams properties.
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
  public static final String CONFIG = "media.monitor.dead.letter.policy";

  /** Reason codes of the generic handlers: the metric tag and the prefix of {@code DeadLetter.reason}. */
  public static final String DESERIALIZATION = "deserialization";
  public static final String PROCESSING = "processing";
  public static final String SERIALIZATION = "serialization";
  public static final String TOO_LARGE = "too_large";

  static final String HEADER_EXCEPTION = "__streams.errors.exception";
  static final String HEADER_MESSAGE = "__streams.errors.message";
  static final String HEADER_TOPIC = "__streams.errors.topic";
  static final String HEADER_PARTITION = "__streams.errors.partition";
  static final String HEADER_OFFSET = "__streams.errors.offset";

  /** Told of every record dead-lettered (or skipped, for a global topic); must be thread-safe. */
  @FunctionalInterface
  public interface Listener {
    void deadLettered(String reason);
  }

  private final String stage;
  private final String topic;
  private final Serializer<DeadLetter> serializer;
  private final Set<String> globalTopics;
  private final Listener listener;
  private final Function<? super Exception, String> processingReason;

  /**
   * @param stage the {@code DeadLetter.stage} written ({@code enrich}, {@code aggregate})
   * @param globalTopics topics read by global stores: their bad records can only be skipped
   * @param processingReason the reason code of an exception thrown by a processor
   */
  public DeadLetterPolicy(String stage, String topic, Serializer<DeadLetter> serializer, Set<String> globalTopics,
      Listener listener, Function<? super Exception, String> processingReason) {
    this.stage = Objects.requireNonNull(stage, "stage");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.serializer = Objects.requireNonNull(serializer, "serializer");
    this.globalTopics = Set.copyOf(globalTopics);
    this.listener = Objects.requireNonNull(listener, "listener");
    this.processingReason = Objects.requireNonNull(processingReason, "processingReason");
  }

  /** Dead letters of {@code stage} go to {@code topics.deadLetters()}; processor exceptions are {@link #PROCESSING}. */
  public static DeadLetterPolicy of(String stage, Topics topics, Set<String> globalTopics, Listener listener) {
    return new DeadLetterPolicy(stage, topics.deadLetters().name(), topics.deadLetters().valueSerde().serializer(),
        globalTopics, listener, e -> PROCESSING);
  }

  /** The same policy, naming processor exceptions with {@code reason} (e.g. a domain failure). */
  public DeadLetterPolicy withProcessingReason(Function<? super Exception, String> reason) {
    return new DeadLetterPolicy(stage, topic, serializer, globalTopics, listener, reason);
  }

  /** Installs the three exception handlers of this package and {@code policy} into Streams properties. */
  public static Properties install(Properties props, DeadLetterPolicy policy) {
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
    props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, policy.topic());
    // Streams 4.3 warns at start unless this is set, and 5.0 makes it the default: a processing
    // error in a global store's processor (enrich's taxonomy loader, written not to throw) then
    // goes to the processing handler, which logs and counts it and lets the global thread go on
    // (Streams cannot send dead letters from there), instead of an uncaught error stopping the
    // client. The partition assignor checks it again in a config made of the main consumer's
    // settings only, hence the copy for the main consumer (which ignores it).
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
    props.put(CONFIG, policy);
    return props;
  }

  /** The policy a handler was configured with; fails fast when the Streams properties lack it. */
  static DeadLetterPolicy from(Map<String, ?> configs) {
    Object policy = configs.get(CONFIG);
    if (!(policy instanceof DeadLetterPolicy p)) {
      throw new ConfigException(CONFIG, policy, "the dead-letter exception handlers need a DeadLetterPolicy instance"
          + " (DeadLetterPolicy.install sets it)");
    }
    Object configured = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    if (configured != null && !configured.toString().isBlank() && !configured.toString().equals(p.topic)) {
      return new DeadLetterPolicy(p.stage, configured.toString(), p.serializer, p.globalTopics, p.listener,
          p.processingReason);
    }
    return p;
  }

  public String stage() {
    return stage;
  }

  public String topic() {
    return topic;
  }

  Listener listener() {
    return listener;
  }

  String processingReason(Exception error) {
    return processingReason.apply(error);
  }

  /**
   * Global-store records cannot be dead-lettered by Streams (the global thread has no producer; Kafka
   * 4.3 rejects DLQ records there), so handlers only log and count those.
   */
  boolean fromGlobalTopic(String sourceTopic) {
    return sourceTopic != null && globalTopics.contains(sourceTopic);
  }

  /** The text stored in {@code DeadLetter.reason}: the code, then what went wrong. */
  public static String describe(String reason, String detail) {
    return detail == null || detail.isBlank() ? reason : reason + ": " + detail;
  }

  /** The dead letter for a record that failed in a task, from what the error context knows. */
  DeadLetter deadLetter(String reason, String detail, Throwable error, ErrorHandlerContext context, boolean keepValue) {
    return DeadLetter.newBuilder()
        .setStage(stage)
        .setEntryPoint(context.topic())
        .setReason(describe(reason, detail))
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
  ProducerRecord<byte[], byte[]> record(DeadLetter letter, String reason, Throwable error) {
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
    listener.deadLettered(reason);
    return new ProducerRecord<>(topic, null, key, value, headers);
  }

  /** The message of an error, with its cause's when that adds something. */
  public static String detail(Throwable error) {
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

  public static ByteBuffer wrap(byte[] bytes) {
    return bytes == null ? null : ByteBuffer.wrap(bytes);
  }

  /** The bytes of a buffer (from a {@link DeadLetter} field), leaving the buffer as it was. */
  public static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
