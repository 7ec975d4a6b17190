package org.mediamonitor.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KafkaBrokerExtensionIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void shouldCreateTopicWithTheRequestedPartitions() throws Exception {
        KAFKA.createTopic("ext-partitions", 3);
        KAFKA.createTopic("ext-partitions", 3);

        try (Admin admin = Admin.create(KAFKA.clientProps())) {
            assertThat(admin.describeTopics(List.of("ext-partitions")).allTopicNames().get()
                .get("ext-partitions").partitions()).hasSize(3);
        }
    }

    @Test
    void shouldReturnOnlyCommittedRecordsAndNothingElse() {
        KAFKA.createTopic("ext-transactions", 2);
        final Map<String, Object> props = KAFKA.clientProps();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "ext-tx");
        try (KafkaProducer<String, String> producer =
                 new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("ext-transactions", "a", "kept-1"));
            producer.send(new ProducerRecord<>("ext-transactions", "b", "kept-2"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("ext-transactions", "c", "dropped"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("ext-transactions", "d", "kept-3"));
            producer.commitTransaction();
        }

        final List<String> values = TestRecords.consumeValues(KAFKA.clientProps(), "ext-transactions",
            new StringDeserializer(), new StringDeserializer(), 3, WAIT);

        assertThat(values).containsExactlyInAnyOrder("kept-1", "kept-2", "kept-3");
    }

    @Test
    void shouldReadNothingFromAnEmptyOrMissingTopic() {
        KAFKA.createTopic("ext-empty", 1);

        assertThat(TestRecords.consumeAll(KAFKA.clientProps(), "ext-empty",
            new StringDeserializer(), new StringDeserializer(), 0, WAIT)).isEmpty();
        assertThat(TestRecords.consumeAll(KAFKA.clientProps(), "ext-missing",
            new StringDeserializer(), new StringDeserializer(), 0, WAIT)).isEmpty();
    }

    @Test
    void shouldFailClearlyWhenFewerRecordsArrive() {
        KAFKA.createTopic("ext-short", 1);
        TestRecords.produce(KAFKA.clientProps(), "ext-short", new StringSerializer(), new StringSerializer(),
            List.of(Map.entry("k", "only-one")));

        assertThatThrownBy(() -> TestRecords.consumeAll(KAFKA.clientProps(), "ext-short",
            new StringDeserializer(), new StringDeserializer(), 2, Duration.ofSeconds(3)))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("Expected at least 2")
            .hasMessageContaining("got 1")
            .hasMessageContaining("k=only-one");
    }

    @Test
    void shouldHandOutIndependentClientProps() {
        final Map<String, Object> first = KAFKA.clientProps();
        first.put("client.id", "changed");

        assertThat(KAFKA.clientProps()).containsOnlyKeys("bootstrap.servers")
            .containsEntry("bootstrap.servers", KAFKA.bootstrapServers());
    }

    @Test
    void shouldRefuseFaultInjectionOnlyWithoutTheEmbeddedBroker() {
        if (KAFKA.supportsFaultInjection()) {
            assertThat(KAFKA.mode()).isEqualTo(KafkaBrokerExtension.Mode.EMBEDDED);
            assertThat(KAFKA.embeddedBroker()).isPresent();
        } else {
            assertThatThrownBy(KAFKA::killBroker).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("KafkaBrokerExtension.embedded()");
        }
    }
}
