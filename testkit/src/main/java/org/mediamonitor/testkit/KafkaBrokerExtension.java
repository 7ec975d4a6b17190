package org.mediamonitor.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mediamonitor.broker.EmbeddedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One real Kafka broker per test class:
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
 * }</pre>
 * Where Docker runs, the broker is a Testcontainers {@link KafkaContainer} ({@value #KAFKA_IMAGE});
 * elsewhere it is an {@link EmbeddedKafkaBroker} in a temporary directory, deleted afterwards. Fault
 * tests that stop, kill and restart the broker need the embedded one: use {@link #embedded()}.
 *
 * <p>The choice can be forced for a whole run with {@code -Dmediamonitor.testkit.broker=embedded}
 * (or {@code docker}); {@link #embedded()} always stays embedded.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    public static final String KAFKA_IMAGE = "apache/kafka:4.3.1";
    public static final String MODE_PROPERTY = "mediamonitor.testkit.broker";

    /** Which broker a test class gets. */
    public enum Mode {
        /** Testcontainers if Docker is available, else embedded. */
        AUTO,
        EMBEDDED,
        DOCKER
    }

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerExtension.class);
    private static final Duration TOPIC_READY_TIMEOUT = Duration.ofSeconds(30);
    private static Boolean dockerAvailable;

    private final Mode requested;
    private int depth;
    private Mode active;
    private Path tempDir;
    private EmbeddedKafkaBroker embedded;
    private KafkaContainer container;

    /** A broker chosen automatically: Testcontainers where Docker runs, else embedded. */
    public KafkaBrokerExtension() {
        this(Mode.AUTO);
    }

    public KafkaBrokerExtension(final Mode mode) {
        this.requested = Objects.requireNonNull(mode, "mode");
    }

    /** Always the embedded broker, which supports {@link #stopBroker()}, {@link #startBroker()} and {@link #killBroker()}. */
    public static KafkaBrokerExtension embedded() {
        return new KafkaBrokerExtension(Mode.EMBEDDED);
    }

    @Override
    public synchronized void beforeAll(final ExtensionContext context) throws Exception {
        // Nested test classes call beforeAll again with the same instance: keep the one broker.
        if (depth++ > 0) {
            return;
        }
        final String testClass = context.getRequiredTestClass().getSimpleName();
        final Mode mode = resolveMode();
        if (mode == Mode.DOCKER && startContainer(testClass)) {
            active = Mode.DOCKER;
            LOG.info("{}: Kafka broker from Testcontainers ({}) at {}", testClass, KAFKA_IMAGE,
                container.getBootstrapServers());
        } else {
            tempDir = Files.createTempDirectory("media-monitor-kafka-");
            embedded = EmbeddedKafkaBroker.start(tempDir.resolve("data"));
            active = Mode.EMBEDDED;
            LOG.info("{}: embedded Kafka broker at {} (data dir {}, started in {} ms)", testClass,
                embedded.bootstrapServers(), embedded.dataDir(), embedded.lastStartupDuration().toMillis());
        }
    }

    @Override
    public synchronized void afterAll(final ExtensionContext context) {
        if (--depth > 0) {
            return;
        }
        try {
            if (container != null) {
                container.stop();
            }
            if (embedded != null) {
                embedded.close();
            }
        } finally {
            container = null;
            embedded = null;
            active = null;
            if (tempDir != null) {
                deleteQuietly(tempDir);
                tempDir = null;
            }
        }
    }

    /** The broker this class got: {@link Mode#EMBEDDED} or {@link Mode#DOCKER}. */
    public synchronized Mode mode() {
        requireStarted();
        return active;
    }

    /** True when {@link #stopBroker()}, {@link #startBroker()} and {@link #killBroker()} work. */
    public synchronized boolean supportsFaultInjection() {
        return mode() == Mode.EMBEDDED;
    }

    public synchronized String bootstrapServers() {
        requireStarted();
        return container != null ? container.getBootstrapServers() : embedded.bootstrapServers();
    }

    /** A new mutable map holding {@code bootstrap.servers}, to add client settings to. */
    public Map<String, Object> clientProps() {
        final Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    /** Creates a topic with one replica (nothing happens if it exists) and waits until every partition has a leader. */
    public void createTopic(final String name, final int partitions) {
        createTopic(name, partitions, Map.of());
    }

    public void createTopic(final String name, final int partitions, final Map<String, String> configs) {
        try (Admin admin = Admin.create(clientProps())) {
            try {
                admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Cannot create topic " + name, e.getCause());
                }
            }
            Awaitility.await().alias("partitions of " + name + " have leaders").atMost(TOPIC_READY_TIMEOUT)
                .pollInSameThread()
                .ignoreExceptions()
                .until(() -> {
                    final TopicDescription description =
                        admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
                    return description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        }
    }

    /** Stops the embedded broker cleanly (SIGTERM); {@link #startBroker()} brings it back with its data and port. */
    public synchronized void stopBroker() {
        requireEmbedded("stopBroker").stop();
    }

    /** Starts the embedded broker again on the same data directory and, when free, the same port. */
    public synchronized void startBroker() {
        final EmbeddedKafkaBroker broker = requireEmbedded("startBroker");
        if (!broker.isRunning()) {
            broker.restart();
        }
    }

    /** Kills the embedded broker (SIGKILL), as a crash would. */
    public synchronized void killBroker() {
        requireEmbedded("killBroker").kill();
    }

    /** The embedded broker, for what this class does not cover; empty on Testcontainers. */
    public synchronized Optional<EmbeddedKafkaBroker> embeddedBroker() {
        requireStarted();
        return Optional.ofNullable(embedded);
    }

    private EmbeddedKafkaBroker requireEmbedded(final String operation) {
        requireStarted();
        if (embedded == null) {
            throw new UnsupportedOperationException(operation + " needs the embedded broker, but this test class"
                + " runs on Testcontainers; register KafkaBrokerExtension.embedded() for fault tests");
        }
        return embedded;
    }

    private void requireStarted() {
        if (active == null) {
            throw new IllegalStateException("The Kafka broker is not running: register KafkaBrokerExtension as a"
                + " static @RegisterExtension field and use it from tests or @BeforeAll/@BeforeEach methods");
        }
    }

    private Mode resolveMode() {
        if (requested == Mode.EMBEDDED) {
            return Mode.EMBEDDED;
        }
        final String forced = System.getProperty(MODE_PROPERTY, "").trim().toUpperCase(Locale.ROOT);
        final Mode mode = forced.isEmpty() ? requested : Mode.valueOf(forced);
        if (mode == Mode.EMBEDDED) {
            return Mode.EMBEDDED;
        }
        final boolean docker = isDockerAvailable();
        if (mode == Mode.DOCKER && !docker) {
            throw new IllegalStateException("A Testcontainers broker was requested, but Docker is not available");
        }
        return docker ? Mode.DOCKER : Mode.EMBEDDED;
    }

    /**
     * Starts the container; false if that failed and the embedded broker should be used instead (for
     * instance Docker runs but cannot pull the image), unless Docker was explicitly requested.
     */
    private boolean startContainer(final String testClass) {
        final KafkaContainer candidate = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
            .withEnv("KAFKA_MIN_INSYNC_REPLICAS", "1")
            .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
        try {
            candidate.start();
            container = candidate;
            return true;
        } catch (RuntimeException e) {
            candidate.stop();
            if (requested == Mode.DOCKER || Mode.DOCKER.name().equalsIgnoreCase(System.getProperty(MODE_PROPERTY, "").trim())) {
                throw e;
            }
            LOG.warn("{}: the Testcontainers broker did not start ({}); using the embedded broker from now on",
                testClass, e.toString());
            synchronized (KafkaBrokerExtension.class) {
                dockerAvailable = false;
            }
            return false;
        }
    }

    /** Asked once per JVM; any failure of the probe counts as no Docker. */
    static synchronized boolean isDockerAvailable() {
        if (dockerAvailable == null) {
            boolean available;
            try {
                available = DockerClientFactory.instance().isDockerAvailable();
            } catch (Throwable t) {
                LOG.debug("Docker probe failed", t);
                available = false;
            }
            dockerAvailable = available;
            LOG.info("Docker is {}available: integration tests use {}", available ? "" : "not ",
                available ? "Testcontainers" : "the embedded Kafka broker");
        }
        return dockerAvailable;
    }

    private static void deleteQuietly(final Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(final Path d, final IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.toString());
        }
    }
}
