package org.mediamonitor.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (combined broker and controller) running in a child JVM started
 * from this JVM's own class path, listening on loopback only.
 *
 * <p>Layout of the data directory: {@code kafka/} (log and metadata directory, formatted once and
 * then reused: topics, records, committed offsets and the cluster id survive restarts, also when
 * the ports change), {@code server.properties} (rewritten at each start) and {@code broker.log}
 * (the child's output, appended to).
 *
 * <p>The quorum is static ({@code controller.quorum.voters=1@127.0.0.1:<controller port>}) rather than
 * a dynamic KIP-853 quorum, whose voter endpoint is written into the metadata log and would pin the
 * controller port forever. The child exits when this JVM dies (see {@link BrokerMain}).
 *
 * <p>Use {@link #start(Path)} or {@link #builder(Path)}; {@link #stop()} for a clean shutdown,
 * {@link #kill()} to simulate a crash, {@link #restart()} to bring it back on the same data
 * directory and, when still free, the same ports. Instances are thread-safe.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /** Class path resource of the child's logback configuration. */
    public static final String LOGBACK_RESOURCE = "org/mediamonitor/broker/broker-logback.xml";
    public static final String DEFAULT_MAX_HEAP = "512m";
    /** A start slower than this is logged as a warning: a broker is normally ready in 3 to 8 s. */
    public static final Duration STARTUP_TARGET = Duration.ofSeconds(15);
    /**
     * How long {@code start} waits for the broker to answer {@code describeCluster} before it gives
     * up. Twice {@link #STARTUP_TARGET}: the margin is for a machine busy with builds and for log
     * recovery after a crash. Set {@code -Dmediamonitor.broker.startup-timeout=PT15S} (ISO-8601) or use
     * {@link Builder#startupTimeout(Duration)} to change it.
     */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    public static final String STARTUP_TIMEOUT_PROPERTY = "mediamonitor.broker.startup-timeout";

    static final String LOG_FILE = "broker.log";
    static final String CONFIG_FILE = "server.properties";
    static final String STORAGE_DIR = "kafka";
    static final String HOST = "127.0.0.1";
    static final int NODE_ID = 1;

    /** Keys that tie the broker to its ports and directory; extra properties may not override them. */
    static final Set<String> RESERVED_PROPERTIES = Set.of(
        "process.roles", "node.id", "listeners", "advertised.listeners", "controller.listener.names",
        "controller.quorum.voters", "controller.quorum.bootstrap.servers", "inter.broker.listener.name",
        "listener.security.protocol.map", "log.dirs", "log.dir");

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final long LOG_ROTATE_BYTES = 10L * 1024 * 1024;
    private static final int LOG_TAIL_LINES = 60;
    private static final int BIND_ATTEMPTS = 3;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

    private final Path dataDir;
    private final boolean fixedPort;
    private final boolean fixedControllerPort;
    private final Map<String, String> extraProperties;
    private final List<String> jvmOptions;
    private final String maxHeap;
    private final String classPath;
    private final Duration startupTimeout;
    private final Duration shutdownTimeout;

    private int port;
    private int controllerPort;
    private Process process;
    private String clusterId;
    private Duration lastStartupDuration = Duration.ZERO;

    private EmbeddedKafkaBroker(final Builder builder) {
        this.dataDir = builder.dataDir.toAbsolutePath().normalize();
        this.port = builder.port;
        this.controllerPort = builder.controllerPort;
        this.fixedPort = builder.port > 0;
        this.fixedControllerPort = builder.controllerPort > 0;
        this.extraProperties = Collections.unmodifiableMap(new LinkedHashMap<>(builder.properties));
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.maxHeap = builder.maxHeap;
        this.classPath = builder.classPath;
        this.startupTimeout = builder.startupTimeout;
        this.shutdownTimeout = builder.shutdownTimeout;
    }

    /** Starts a broker on free ports over {@code dataDir} (created if needed) and waits until it is ready. */
    public static EmbeddedKafkaBroker start(final Path dataDir) {
        return builder(dataDir).start();
    }

    /** Starts a broker on the given client port (0 = any free port) over {@code dataDir}. */
    public static EmbeddedKafkaBroker start(final Path dataDir, final int port) {
        return builder(dataDir).port(port).start();
    }

    public static Builder builder(final Path dataDir) {
        return new Builder(dataDir);
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public synchronized String bootstrapServers() {
        return HOST + ":" + port;
    }

    public synchronized int port() {
        return port;
    }

    public synchronized int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The child's output; read it when something went wrong. */
    public Path logFile() {
        return dataDir.resolve(LOG_FILE);
    }

    /** The cluster id the running broker reported; it stays the same across restarts of a data directory. */
    public synchronized String clusterId() {
        return clusterId;
    }

    /** How long the last (re)start took until the broker answered. */
    public synchronized Duration lastStartupDuration() {
        return lastStartupDuration;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Process id of the child JVM, if it runs. */
    public synchronized OptionalLong pid() {
        return isRunning() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
    }

    /**
     * Stops the broker cleanly: SIGTERM, then up to the shutdown timeout (30 s by default) for it to
     * finish, then SIGKILL. Does nothing if it is not running.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        final Process p = process;
        process = null;
        if (!p.isAlive()) {
            return;
        }
        final long started = System.nanoTime();
        p.destroy();
        if (waitFor(p, shutdownTimeout)) {
            LOG.info("Kafka broker at {} stopped in {} ms (exit {})", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), p.exitValue());
            return;
        }
        LOG.warn("Kafka broker at {} did not stop within {}; killing it (see {})", bootstrapServers(),
            shutdownTimeout, logFile());
        p.destroyForcibly();
        waitFor(p, KILL_TIMEOUT);
    }

    /** Kills the broker with SIGKILL, as a crash would, and waits until the process is gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        final Process p = process;
        process = null;
        p.destroyForcibly();
        if (!waitFor(p, KILL_TIMEOUT)) {
            throw new IllegalStateException("Broker process " + p.pid() + " did not die after SIGKILL");
        }
        LOG.info("Kafka broker at {} killed", bootstrapServers());
    }

    /**
     * Stops the broker if it runs, then starts it again on the same data directory and waits until it
     * is ready. The previous ports are kept when still free (so clients can reconnect); a port that
     * was not fixed and has been taken in between is replaced by a free one.
     */
    public synchronized EmbeddedKafkaBroker restart() {
        stop();
        launch();
        return this;
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public synchronized String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers() + ", dataDir=" + dataDir
            + ", running=" + isRunning() + "]";
    }

    private void launch() {
        try {
            Files.createDirectories(dataDir);
            rotateLog();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare data directory " + dataDir, e);
        }
        for (final int fixed : new int[] {fixedPort ? port : 0, fixedControllerPort ? controllerPort : 0}) {
            if (fixed > 0 && !isFree(fixed)) {
                throw new BrokerStartupException("Cannot start the Kafka broker: port " + fixed + " on " + HOST
                    + " is already in use (data dir " + dataDir + ")");
            }
        }
        for (int attempt = 1; ; attempt++) {
            choosePorts();
            try {
                launchOnce();
                return;
            } catch (BrokerStartupException e) {
                final boolean portsMayMove = !fixedPort || !fixedControllerPort;
                if (attempt >= BIND_ATTEMPTS || !portsMayMove || !e.getMessage().contains("Address already in use")) {
                    throw e;
                }
                LOG.warn("Port taken while the broker started (attempt {}); retrying on other ports", attempt);
                // Forget the ports that were not fixed so that choosePorts picks new ones.
                if (!fixedPort) {
                    port = 0;
                }
                if (!fixedControllerPort) {
                    controllerPort = 0;
                }
            }
        }
    }

    private void launchOnce() {
        final Path config = dataDir.resolve(CONFIG_FILE);
        final Path logFile = logFile();
        final long logOffset;
        try {
            writeAtomically(config, serverProperties());
            logOffset = Files.exists(logFile) ? Files.size(logFile) : 0L;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + config, e);
        }

        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Djava.awt.headless=true");
        command.add("-Dlogback.configurationFile=" + LOGBACK_RESOURCE);
        // log4j-core comes with kafka-server; keep it from printing its own status noise.
        command.add("-Dlog4j2.statusLoggerLevel=OFF");
        command.addAll(jvmOptions);
        command.add(BrokerMain.class.getName());
        command.add(BrokerMain.PARENT_PID_ARG);
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(BrokerMain.CONFIG_ARG);
        command.add(config.toString());

        final ProcessBuilder pb = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // The class path goes by environment: it can be long, and `ps` stays readable.
        pb.environment().put("CLASSPATH", classPath);

        final long started = System.nanoTime();
        final Process p;
        try {
            appendMarker(logFile, "starting broker on " + bootstrapServers() + ", controller port " + controllerPort);
            p = pb.start();
        } catch (IOException e) {
            throw new BrokerStartupException("Cannot start the broker JVM: " + command.get(0), e);
        }
        process = p;
        try {
            clusterId = awaitReady(p, started);
        } catch (BrokerStartupException e) {
            process = null;
            p.destroyForcibly();
            waitFor(p, KILL_TIMEOUT);
            throw new BrokerStartupException(e.getMessage() + System.lineSeparator()
                + "--- last lines of " + logFile + " ---" + System.lineSeparator()
                + tail(logFile, logOffset), e.getCause());
        }
        lastStartupDuration = Duration.ofNanos(System.nanoTime() - started);
        if (lastStartupDuration.compareTo(STARTUP_TARGET) > 0) {
            LOG.warn("Kafka broker took {} ms to start, more than the {} s target; see {}",
                lastStartupDuration.toMillis(), STARTUP_TARGET.toSeconds(), logFile);
        }
        LOG.info("Kafka broker ready at {} in {} ms (cluster {}, data dir {}, pid {})", bootstrapServers(),
            lastStartupDuration.toMillis(), clusterId, dataDir, p.pid());
    }

    /** Waits until the client port accepts connections and the broker answers describeCluster. */
    private String awaitReady(final Process p, final long startedNanos) {
        final long deadline = startedNanos + startupTimeout.toNanos();
        // A plain TCP probe first: an Admin client pointed at a closed port logs a warning per retry.
        while (!accepts(port)) {
            checkAlive(p);
            checkDeadline(deadline, "the client port " + port + " to open");
            sleep(POLL_INTERVAL);
        }
        final Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "embedded-broker-readiness");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        try (Admin admin = Admin.create(props)) {
            while (true) {
                checkAlive(p);
                checkDeadline(deadline, "describeCluster to answer");
                try {
                    final DescribeClusterResult result = admin.describeCluster(
                        new DescribeClusterOptions().timeoutMs(3000));
                    final Collection<Node> nodes = result.nodes().get(5, TimeUnit.SECONDS);
                    final String id = result.clusterId().get(5, TimeUnit.SECONDS);
                    if (!nodes.isEmpty() && id != null) {
                        return id;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    LOG.debug("Broker not ready yet", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BrokerStartupException("Interrupted while waiting for the broker", e);
                }
                sleep(POLL_INTERVAL);
            }
        }
    }

    private void checkAlive(final Process p) {
        if (!p.isAlive()) {
            throw new BrokerStartupException(String.format(Locale.ROOT,
                "Kafka broker JVM exited with code %d during startup (data dir %s, port %d, controller port %d)",
                p.exitValue(), dataDir, port, controllerPort));
        }
    }

    private void checkDeadline(final long deadline, final String what) {
        if (System.nanoTime() - deadline > 0) {
            throw new BrokerStartupException(String.format(Locale.ROOT,
                "Kafka broker not ready within %s: still waiting for %s (data dir %s, port %d, controller port %d)",
                startupTimeout, what, dataDir, port, controllerPort));
        }
    }

    private void choosePorts() {
        if (!fixedPort && (port <= 0 || !isFree(port))) {
            port = freePort(-1);
        }
        if (!fixedControllerPort && (controllerPort <= 0 || controllerPort == port || !isFree(controllerPort))) {
            controllerPort = freePort(port);
        }
        if (port == controllerPort) {
            throw new IllegalArgumentException("Client and controller ports must differ: " + port);
        }
    }

    Map<String, String> serverProperties() {
        final Map<String, String> props = new LinkedHashMap<>();
        // Single node: every internal topic has one replica and needs only that one in sync.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "10");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "10");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("share.coordinator.state.topic.num.partitions", "10");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("num.partitions", "1");
        // No point waiting for more members to join: tests and the launcher start their groups at once.
        props.put("group.initial.rebalance.delay.ms", "0");
        // After a crash the restarted controller keeps the dead broker's session alive for
        // broker.session.timeout.ms (9 s by default) before it accepts the new registration, which
        // would be most of a restart; broker and controller share one process, so a short one is safe.
        props.put("broker.heartbeat.interval.ms", "1000");
        props.put("broker.session.timeout.ms", "4000");
        // Modest threads and buffers: this broker shares a small machine with the apps that use it.
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("background.threads", "4");
        props.put("num.recovery.threads.per.data.dir", "2");
        props.put("log.cleaner.threads", "1");
        props.put("log.cleaner.dedupe.buffer.size", Long.toString(32L * 1024 * 1024));
        props.putAll(extraProperties);

        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", dataDir.resolve(STORAGE_DIR).toString());
        return props;
    }

    private void rotateLog() throws IOException {
        final Path log = logFile();
        if (Files.exists(log) && Files.size(log) > LOG_ROTATE_BYTES) {
            Files.move(log, dataDir.resolve(LOG_FILE + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writeAtomically(final Path file, final Map<String, String> props) throws IOException {
        final StringBuilder text = new StringBuilder("# Written by EmbeddedKafkaBroker at each start; edits are lost.\n");
        props.forEach((k, v) -> text.append(escape(k)).append('=').append(escape(v)).append('\n'));
        final Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Escapes for {@link Properties#load(java.io.InputStream)}, which Kafka uses and which reads
     * ISO-8859-1: anything outside printable ASCII (a data directory under a Cyrillic or Kazakh user
     * name, say) is written as a {@code \\uXXXX} escape.
     */
    static String escape(final String s) {
        final StringBuilder out = new StringBuilder(s.length());
        for (final char c : s.toCharArray()) {
            if (c == '\\' || c == '=' || c == ':' || c == '#' || c == '!') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void appendMarker(final Path logFile, final String line) throws IOException {
        try (OutputStream out = Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(("=== " + Instant.now() + " EmbeddedKafkaBroker: " + line + System.lineSeparator())
                .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The last lines the child wrote since {@code fromOffset}. */
    static String tail(final Path file, final long fromOffset) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            final long length = raf.length();
            final long start = Math.max(Math.min(fromOffset, length), length - 64 * 1024);
            final byte[] bytes = new byte[(int) (length - start)];
            raf.seek(start);
            raf.readFully(bytes);
            final List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            return String.join(System.lineSeparator(),
                lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    private static boolean accepts(final int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isFree(final int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort(final int avoid) {
        for (int i = 0; i < 10; i++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
                final int candidate = socket.getLocalPort();
                if (candidate != avoid) {
                    return candidate;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot find a free port on " + HOST, e);
            }
        }
        throw new IllegalStateException("Cannot find a second free port on " + HOST);
    }

    private static boolean waitFor(final Process p, final Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    private static void sleep(final Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartupException("Interrupted while waiting for the broker");
        }
    }

    /** Options of an {@link EmbeddedKafkaBroker}; {@link #start()} launches it and waits until it is ready. */
    public static final class Builder {
        private final Path dataDir;
        private int port;
        private int controllerPort;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private String maxHeap = DEFAULT_MAX_HEAP;
        private String classPath = System.getProperty("java.class.path", "");
        private Duration startupTimeout = Optional.ofNullable(System.getProperty(STARTUP_TIMEOUT_PROPERTY))
            .map(Duration::parse)
            .orElse(DEFAULT_STARTUP_TIMEOUT);
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

        private Builder(final Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        /** Client (PLAINTEXT) port; 0, the default, picks a free one. */
        public Builder port(final int port) {
            this.port = checkPort(port);
            return this;
        }

        /** Controller (KRaft) port; 0, the default, picks a free one. */
        public Builder controllerPort(final int controllerPort) {
            this.controllerPort = checkPort(controllerPort);
            return this;
        }

        /** An extra broker property (e.g. {@code log.retention.hours}); it overrides this class's defaults. */
        public Builder brokerProperty(final String key, final String value) {
            if (RESERVED_PROPERTIES.contains(key)) {
                throw new IllegalArgumentException(key + " is set by EmbeddedKafkaBroker and cannot be overridden");
            }
            properties.put(key, Objects.requireNonNull(value, key));
            return this;
        }

        public Builder brokerProperties(final Map<String, String> props) {
            props.forEach(this::brokerProperty);
            return this;
        }

        /** Maximum heap of the child JVM, as in {@code -Xmx}: "512m" by default. */
        public Builder maxHeap(final String maxHeap) {
            if (!maxHeap.matches("\\d+[kKmMgG]?")) {
                throw new IllegalArgumentException("Not a heap size: " + maxHeap);
            }
            this.maxHeap = maxHeap;
            return this;
        }

        /** Additional options for the child JVM, e.g. {@code -XX:+UseSerialGC}. */
        public Builder jvmOption(final String option) {
            jvmOptions.add(Objects.requireNonNull(option));
            return this;
        }

        /**
         * Class path of the child JVM; by default this JVM's {@code java.class.path}, which holds Kafka
         * whether it comes from Maven or from a shaded jar. Set it when running on the module path.
         */
        public Builder classPath(final String classPath) {
            this.classPath = Objects.requireNonNull(classPath, "classPath");
            return this;
        }

        public Builder startupTimeout(final Duration timeout) {
            this.startupTimeout = requirePositive(timeout);
            return this;
        }

        public Builder shutdownTimeout(final Duration timeout) {
            this.shutdownTimeout = requirePositive(timeout);
            return this;
        }

        /** Launches the broker and waits until it answers; throws {@link BrokerStartupException} otherwise. */
        public EmbeddedKafkaBroker start() {
            if (port > 0 && port == controllerPort) {
                throw new IllegalArgumentException("Client and controller ports must differ: " + port);
            }
            if (classPath.isBlank()) {
                throw new IllegalStateException("java.class.path is empty (module path?): set Builder.classPath");
            }
            final EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(this);
            synchronized (broker) {
                broker.launch();
            }
            return broker;
        }

        private static int checkPort(final int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
            return port;
        }

        private static Duration requirePositive(final Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("Must be positive: " + d);
            }
            return d;
        }
    }
}
