package org.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mediamonitor.common.Topics;
import org.mediamonitor.common.streams.DeadLetterDeserializationHandler;
import org.mediamonitor.common.streams.DeadLetterPolicy;
import org.mediamonitor.common.streams.DeadLetterProcessingHandler;
import org.mediamonitor.common.streams.DeadLetterProductionHandler;
import org.mediamonitor.schema.DeadLetter;

class DeadLetterHandlersTest {

  private static final Topics TOPICS = Topics.defaults();

  private SimpleMeterRegistry registry;
  private Map<String, Object> configs;

  @BeforeEach
  void setUp() {
    registry = new SimpleMeterRegistry();
    Properties props = EnrichConfig.errorPolicy(new Properties(),
        EnrichConfig.deadLetterPolicy(TOPICS, new MicrometerEnrichMetrics(registry)));
    configs = new HashMap<>();
    props.forEach((k, v) -> configs.put((String) k, v));
  }

  @Test
  void shouldSkipUndecodableGlobalRecordWithoutDeadLetterRecords() {
    DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
    handler.configure(configs);
    ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(TOPICS.taxonomy().name(), 0, 4L, bytes("current"),
        new byte[] {1, 2});

    DeserializationExceptionHandler.Response response = handler.handleError(context(TOPICS.taxonomy().name(), 4L),
        record, new SerializationException("cannot decode TaxonomyRelease"));

    // Kafka 4.3 cannot send dead letters from the global thread, so none may be returned
    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
    assertThat(registry.get(MicrometerEnrichMetrics.DEAD_LETTERS).tag("reason", "deserialization").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void shouldDeadLetterUndecodableRecordWithStreamsErrorHeaders() {
    DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
    handler.configure(configs);
    ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(TOPICS.rawArticles().name(), 2, 9L, bytes("k"),
        bytes("garbage"));

    DeserializationExceptionHandler.Response response = handler.handleError(context(TOPICS.rawArticles().name(), 9L),
        record, new SerializationException("cannot decode RawArticle"));

    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    List<ProducerRecord<byte[], byte[]>> out = response.deadLetterQueueRecords();
    assertThat(out).singleElement().satisfies(r -> {
      assertThat(r.topic()).isEqualTo(TOPICS.deadLetters().name());
      assertThat(r.key()).isEqualTo(bytes("k"));
      assertThat(new String(r.headers().lastHeader("__streams.errors.offset").value(), StandardCharsets.UTF_8))
          .isEqualTo("9");
      DeadLetter letter = TOPICS.deadLetters().valueSerde().deserializer().deserialize(r.topic(), r.value());
      assertThat(letter.getReason()).isEqualTo("deserialization: cannot decode RawArticle");
      assertThat(letter.getSourcePartition()).isEqualTo(2);
      assertThat(letter.getErrorClass()).isEqualTo(SerializationException.class.getName());
    });
  }

  @Test
  void shouldSendToTheConfiguredDeadLetterTopic() {
    configs.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "elsewhere");
    DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
    handler.configure(configs);

    var response = handler.handleError(context("raw", 0L),
        new ConsumerRecord<>("raw", 0, 0L, null, bytes("x")), new SerializationException("bad"));

    assertThat(response.deadLetterQueueRecords()).extracting(ProducerRecord::topic).containsExactly("elsewhere");
  }

  @Test
  void shouldFailFastWithoutAPolicy() {
    assertThatThrownBy(() -> new DeadLetterProcessingHandler().configure(Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining(DeadLetterPolicy.CONFIG);
  }

  @Test
  void shouldFailOnBrokerErrorsButDeadLetterRecordsTooLarge() {
    DeadLetterProductionHandler handler = new DeadLetterProductionHandler();
    handler.configure(configs);
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(TOPICS.enrichedArticles().name(), bytes("a"), bytes("v"));

    assertThat(handler.handleError(context(TOPICS.rawArticles().name(), 1L), record, new TimeoutException("slow"))
        .result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
    ProductionExceptionHandler.Response tooLarge = handler.handleError(context(TOPICS.rawArticles().name(), 1L), record,
        new RecordTooLargeException("too large"));
    assertThat(tooLarge.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
    assertThat(tooLarge.deadLetterQueueRecords()).singleElement().satisfies(r -> {
      DeadLetter letter = TOPICS.deadLetters().valueSerde().deserializer().deserialize(r.topic(), r.value());
      assertThat(letter.getReason()).startsWith("too_large: ");
      assertThat(letter.getOriginalValue()).as("the value is what was too large").isNull();
    });
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static ErrorHandlerContext context(String topic, long offset) {
    return new ErrorHandlerContext() {
      @Override
      public String topic() {
        return topic;
      }

      @Override
      public int partition() {
        return 2;
      }

      @Override
      public long offset() {
        return offset;
      }

      @Override
      public Headers headers() {
        return new RecordHeaders();
      }

      @Override
      public String processorNodeId() {
        return "node";
      }

      @Override
      public TaskId taskId() {
        return new TaskId(0, 2);
      }

      @Override
      public long timestamp() {
        return 0L;
      }

      @Override
      public byte[] sourceRawKey() {
        return bytes("k");
      }

      @Override
      public byte[] sourceRawValue() {
        return bytes("garbage");
      }
    };
  }
}
