package org.mediamonitor.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Small producing and consuming helpers for integration tests. */
public final class TestRecords {

    private static final Duration POLL = Duration.ofMillis(200);

    private TestRecords() {
    }

    /**
     * Reads {@code topic} from the beginning with {@code read_committed} isolation and no consumer
     * group, until at least {@code expectedCount} records have come AND every partition has been read
     * to its end, so that a test can assert that nothing else came out. With {@code expectedCount = 0}
     * it returns what the topic holds now (nothing if the topic does not exist).
     *
     * @param clientProps at least {@code bootstrap.servers}; group, isolation and offset settings are set here
     * @throws AssertionError if fewer records came within {@code timeout}
     */
    public static <K, V> List<ConsumerRecord<K, V>> consumeAll(final Map<String, Object> clientProps,
                                                               final String topic,
                                                               final Deserializer<K> keyDeserializer,
                                                               final Deserializer<V> valueDeserializer,
                                                               final int expectedCount,
                                                               final Duration timeout) {
        final Map<String, Object> props = new HashMap<>(clientProps);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "test-records-" + topic);

        final List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keyDeserializer, valueDeserializer)) {
            final List<TopicPartition> partitions = new ArrayList<>();
            Awaitility.await().atMost(timeout).pollInSameThread().pollInterval(Duration.ofMillis(10))
                // A broker that is restarting makes metadata calls time out: try again.
                .ignoreExceptionsInstanceOf(TimeoutException.class)
                .until(() -> {
                    if (partitions.isEmpty()) {
                        final List<TopicPartition> found = consumer.partitionsFor(topic, POLL).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .collect(Collectors.toList());
                        if (found.isEmpty()) {
                            return expectedCount == 0;
                        }
                        partitions.addAll(found);
                        consumer.assign(partitions);
                        consumer.seekToBeginning(partitions);
                    }
                    for (final ConsumerRecord<K, V> record : consumer.poll(POLL)) {
                        records.add(record);
                    }
                    if (records.size() < expectedCount) {
                        return false;
                    }
                    final Map<TopicPartition, Long> end = consumer.endOffsets(partitions, POLL);
                    return partitions.stream().allMatch(tp -> consumer.position(tp, POLL) >= end.get(tp));
                });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(String.format(
                "Expected at least %d committed records in %s within %s, got %d: %s", expectedCount, topic, timeout,
                records.size(), records.stream().limit(10).map(r -> r.key() + "=" + r.value())
                    .collect(Collectors.joining(", ", "[", records.size() > 10 ? ", ...]" : "]"))), e);
        }
        return records;
    }

    /** {@link #consumeAll} reduced to the values, in partition order. */
    public static <K, V> List<V> consumeValues(final Map<String, Object> clientProps, final String topic,
                                               final Deserializer<K> keyDeserializer,
                                               final Deserializer<V> valueDeserializer,
                                               final int expectedCount, final Duration timeout) {
        return consumeAll(clientProps, topic, keyDeserializer, valueDeserializer, expectedCount, timeout).stream()
            .map(ConsumerRecord::value)
            .collect(Collectors.toList());
    }

    /** Sends the records in order with an idempotent producer ({@code acks=all}) and waits until all are written. */
    public static <K, V> void produce(final Map<String, Object> clientProps, final String topic,
                                      final Serializer<K> keySerializer, final Serializer<V> valueSerializer,
                                      final List<Map.Entry<K, V>> records) {
        final Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<K, V> producer = new KafkaProducer<>(props, keySerializer, valueSerializer)) {
            final List<Future<?>> sent = new ArrayList<>();
            for (final Map.Entry<K, V> record : records) {
                sent.add(producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())));
            }
            for (final Future<?> future : sent) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot produce to " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while producing to " + topic, e);
        }
    }
}
