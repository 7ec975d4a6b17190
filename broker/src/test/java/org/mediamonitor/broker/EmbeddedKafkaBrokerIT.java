package org.mediamonitor.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EmbeddedKafkaBrokerIT {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBrokerIT.class);
    private static final String TOPIC = "reports";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void shouldServeTransactionsAndHideAbortedRecordsFromReadCommitted() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(tmp.resolve("data"))) {
            LOG.info("Fresh broker ready in {} ms", broker.lastStartupDuration().toMillis());
            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
            assertThat(broker.port()).isNotEqualTo(broker.controllerPort());
            assertThat(tmp.resolve("data/kafka/meta.properties")).exists();
            createTopic(broker, TOPIC, 3);

            try (KafkaProducer<String, String> producer = transactionalProducer(broker, "tx-basic")) {
                producer.initTransactions();
                sendInTransaction(producer, TOPIC, records("committed-a", 10), true);
                sendInTransaction(producer, TOPIC, records("aborted", 5), false);
                sendInTransaction(producer, TOPIC, records("committed-b", 4), true);
            }

            final List<String> values = readCommitted(broker, TOPIC, 14);
            assertThat(values).containsExactlyInAnyOrderElementsOf(concat(values("committed-a", 10), values("committed-b", 4)));
        }
        assertThat(tmp.resolve("data/broker.log")).exists();
    }

    @Test
    void shouldKeepTopicsRecordsOffsetsAndClusterIdAcrossRestartOnOtherPorts() throws Exception {
        final Path dataDir = tmp.resolve("data");
        final String clusterId;
        final int firstPort;
        final int firstControllerPort;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            clusterId = broker.clusterId();
            firstPort = broker.port();
            firstControllerPort = broker.controllerPort();
            createTopic(broker, TOPIC, 3);
            try (KafkaProducer<String, String> producer = transactionalProducer(broker, "tx-restart")) {
                producer.initTransactions();
                sendInTransaction(producer, TOPIC, records("before", 12), true);
            }
            consumeAndCommit(broker, "group-restart", TOPIC, 12);
            broker.stop();
            assertThat(broker.isRunning()).isFalse();
        }

        // A new launcher on the same data directory, on other ports: the static quorum must not care.
        final int newPort = freePortOtherThan(firstPort, firstControllerPort);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dataDir).port(newPort).start()) {
            LOG.info("Restarted broker ready in {} ms", broker.lastStartupDuration().toMillis());
            assertThat(broker.port()).isEqualTo(newPort);
            assertThat(broker.controllerPort()).isNotEqualTo(firstControllerPort);
            assertThat(broker.clusterId()).isEqualTo(clusterId);
            try (Admin admin = admin(broker)) {
                assertThat(admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions()).hasSize(3);
                final Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets("group-restart").partitionsToOffsetAndMetadata().get();
                final Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, 3).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(TOPIC, p), p -> OffsetSpec.latest()));
                final Map<TopicPartition, Long> endOffsets = admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
                assertThat(committed.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset())))
                    .as("group-restart resumes at the end of every partition")
                    .isEqualTo(endOffsets);
            }
            assertThat(readCommitted(broker, TOPIC, 12)).containsExactlyInAnyOrderElementsOf(values("before", 12));

            // The same instance restarts on its own ports and still serves transactions.
            final int portBefore = broker.port();
            broker.restart();
            assertThat(broker.port()).isEqualTo(portBefore);
            try (KafkaProducer<String, String> producer = transactionalProducer(broker, "tx-restart")) {
                producer.initTransactions();
                sendInTransaction(producer, TOPIC, records("after", 3), true);
            }
            assertThat(readCommitted(broker, TOPIC, 15))
                .containsExactlyInAnyOrderElementsOf(concat(values("before", 12), values("after", 3)));
        }
    }

    @Test
    void shouldRecoverAfterKillAndAbortTheTransactionLeftOpen() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(tmp.resolve("data"))) {
            createTopic(broker, TOPIC, 2);
            final KafkaProducer<String, String> crashed = transactionalProducer(broker, "tx-crash");
            crashed.initTransactions();
            sendInTransaction(crashed, TOPIC, records("committed", 6), true);
            crashed.beginTransaction();
            for (final ProducerRecord<String, String> r : records("open", 3)) {
                crashed.send(r);
            }
            crashed.flush();

            final long pid = broker.pid().orElseThrow();
            final int port = broker.port();
            broker.kill();
            assertThat(broker.isRunning()).isFalse();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
            crashed.close(Duration.ZERO);

            broker.restart();
            LOG.info("Broker restarted after kill in {} ms", broker.lastStartupDuration().toMillis());
            assertThat(broker.port()).isEqualTo(port);
            try (KafkaProducer<String, String> producer = transactionalProducer(broker, "tx-crash")) {
                // Same transactional.id: fences the crashed producer and aborts its open transaction.
                producer.initTransactions();
                sendInTransaction(producer, TOPIC, records("after-crash", 2), true);
            }
            assertThat(readCommitted(broker, TOPIC, 8))
                .containsExactlyInAnyOrderElementsOf(concat(values("committed", 6), values("after-crash", 2)));
        }
    }

    @Test
    void shouldStopTheBrokerWhenTheLaunchingJvmIsKilled() throws Exception {
        final Path dataDir = tmp.resolve("data");
        final Path info = tmp.resolve("launcher.txt");
        final Process launcher = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            "-Xmx128m",
            LauncherStub.class.getName(), dataDir.toString(), info.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("launcher.log").toFile())
            .start();
        try {
            await().alias("launcher started its broker").atMost(WAIT).until(() -> Files.exists(info) || !launcher.isAlive());
            assertThat(launcher.isAlive()).as("launcher alive; its log: %s",
                Files.exists(tmp.resolve("launcher.log")) ? Files.readString(tmp.resolve("launcher.log")) : "").isTrue();
            final String[] parts = Files.readString(info, StandardCharsets.UTF_8).trim().split(" ");
            final ProcessHandle brokerProcess = ProcessHandle.of(Long.parseLong(parts[0])).orElseThrow();
            assertThat(brokerProcess.isAlive()).isTrue();

            launcher.destroyForcibly();
            await().alias("orphaned broker exits").atMost(WAIT).until(() -> !brokerProcess.isAlive());
        } finally {
            launcher.destroyForcibly();
        }
        // It let go of the data directory: a new broker can take it over.
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir)) {
            assertThat(broker.isRunning()).isTrue();
        }
    }

    @Test
    void shouldFailWithTheBrokerLogWhenTheBrokerCannotStart() {
        final Path dataDir = tmp.resolve("data");
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder(dataDir)
            .brokerProperty("num.io.threads", "not-a-number")
            .start())
            .isInstanceOf(BrokerStartupException.class)
            .hasMessageContaining("exited with code")
            .hasMessageContaining("last lines of " + dataDir.resolve("broker.log"))
            .hasMessageContaining("num.io.threads");
    }

    @Test
    void shouldRefuseAFixedPortThatIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(tmp.resolve("data"), taken.getLocalPort()))
                .isInstanceOf(BrokerStartupException.class)
                .hasMessageContaining("port " + taken.getLocalPort());
        }
    }

    @Test
    void shouldRejectOverridingTheListeners() {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder(tmp).brokerProperty("listeners", "PLAINTEXT://:9092"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<ProducerRecord<String, String>> records(final String prefix, final int count) {
        return IntStream.range(0, count)
            .mapToObj(i -> new ProducerRecord<>(TOPIC, prefix + "-key-" + i, prefix + "-" + i))
            .collect(Collectors.toList());
    }

    private static List<String> values(final String prefix, final int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).collect(Collectors.toList());
    }

    private static List<String> concat(final List<String> a, final List<String> b) {
        final List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void sendInTransaction(final KafkaProducer<String, String> producer, final String topic,
                                          final List<ProducerRecord<String, String>> records, final boolean commit) {
        producer.beginTransaction();
        for (final ProducerRecord<String, String> r : records) {
            producer.send(new ProducerRecord<>(topic, r.key(), r.value()));
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.flush();
            producer.abortTransaction();
        }
    }

    private static KafkaProducer<String, String> transactionalProducer(final EmbeddedKafkaBroker broker, final String txId) {
        final Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, txId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static Admin admin(final EmbeddedKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static void createTopic(final EmbeddedKafkaBroker broker, final String topic, final int partitions)
        throws Exception {
        try (Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    private static Map<String, Object> consumerProps(final EmbeddedKafkaBroker broker) {
        final Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }

    /** Reads the whole topic without a group, until at least {@code expected} values and the end of every partition. */
    private static List<String> readCommitted(final EmbeddedKafkaBroker broker, final String topic, final int expected) {
        try (KafkaConsumer<String, String> consumer =
                 new KafkaConsumer<>(consumerProps(broker), new StringDeserializer(), new StringDeserializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final List<String> values = new ArrayList<>();
            await().alias("read " + expected + " committed records from " + topic).atMost(WAIT).pollInSameThread()
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    for (final ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        values.add(r.value());
                    }
                    final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                    return values.size() >= expected
                        && partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
                });
            return values;
        }
    }

    private static void consumeAndCommit(final EmbeddedKafkaBroker broker, final String group, final String topic,
                                         final int expected) {
        final Map<String, Object> props = consumerProps(broker);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        try (KafkaConsumer<String, String> consumer =
                 new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            final List<String> values = new ArrayList<>();
            await().alias("group " + group + " reads " + expected).atMost(WAIT).pollInSameThread()
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                    return values.size() >= expected;
                });
            consumer.commitSync();
        }
    }

    private static int freePortOtherThan(final int... avoid) throws Exception {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                final int port = socket.getLocalPort();
                if (IntStream.of(avoid).noneMatch(p -> p == port)) {
                    return port;
                }
            }
        }
    }
}
