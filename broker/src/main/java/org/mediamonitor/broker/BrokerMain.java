package org.mediamonitor.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the child JVM started by {@link EmbeddedKafkaBroker}; not meant to be run by hand.
 *
 * <p>Usage: {@code BrokerMain --parent-pid <pid> --config <server.properties>}. It
 * <ol>
 *   <li>exits as soon as the parent process is gone, so a launcher that was killed never leaves a
 *       broker behind holding the data directory and the ports;</li>
 *   <li>formats the storage directories that lack {@code meta.properties} (only those, keeping the
 *       cluster id of a directory formatted before), the way {@code kafka-storage.sh format} does;</li>
 *   <li>runs a combined broker+controller {@link KafkaRaftServer} until SIGTERM, and then shuts it
 *       down cleanly (halting if that takes longer than {@link #SHUTDOWN_HALT_MILLIS}).</li>
 * </ol>
 * SIGINT and SIGHUP are ignored: the child shares the launcher's terminal, and Ctrl-C must let the
 * launcher close its own clients first and then stop the broker (SIGTERM) itself.
 */
public final class BrokerMain {

    static final String PARENT_PID_ARG = "--parent-pid";
    static final String CONFIG_ARG = "--config";
    static final String META_PROPERTIES = "meta.properties";
    /** Upper bound of a clean shutdown before the JVM is halted; the parent gives SIGKILL at 30 s anyway. */
    static final long SHUTDOWN_HALT_MILLIS = 45_000L;

    private static final Logger LOG = LoggerFactory.getLogger(BrokerMain.class);

    private static final int EXIT_USAGE = 2;
    private static final int EXIT_FORMAT_FAILED = 3;
    private static final int EXIT_PARENT_GONE = 4;
    private static final int EXIT_STARTUP_FAILED = 1;

    private BrokerMain() {
    }

    public static void main(final String[] args) {
        long parentPid = -1L;
        Path config = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (PARENT_PID_ARG.equals(args[i])) {
                parentPid = Long.parseLong(args[i + 1]);
            } else if (CONFIG_ARG.equals(args[i])) {
                config = Path.of(args[i + 1]);
            }
        }
        if (parentPid <= 0 || config == null) {
            LOG.error("Usage: BrokerMain {} <pid> {} <server.properties>", PARENT_PID_ARG, CONFIG_ARG);
            System.exit(EXIT_USAGE);
            return;
        }

        ignoreTerminalSignals();
        watchParent(parentPid);

        final Properties props;
        try {
            props = load(config);
            formatIfNeeded(config, props);
        } catch (Exception e) {
            LOG.error("Cannot prepare broker storage from {}", config, e);
            System.exit(EXIT_FORMAT_FAILED);
            return;
        }
        run(props);
    }

    private static void run(final Properties props) {
        final KafkaRaftServer server;
        try {
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        } catch (RuntimeException e) {
            LOG.error("Exiting: invalid broker configuration", e);
            System.exit(EXIT_USAGE);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(server), "kafka-shutdown-hook"));
        try {
            server.startup();
        } catch (Throwable t) {
            LOG.error("Exiting: fatal error during broker startup", t);
            System.exit(EXIT_STARTUP_FAILED);
            return;
        }
        server.awaitShutdown();
        System.exit(0);
    }

    private static void shutdown(final KafkaRaftServer server) {
        final Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(SHUTDOWN_HALT_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            LOG.error("Broker shutdown did not finish in {} ms; halting", SHUTDOWN_HALT_MILLIS);
            Runtime.getRuntime().halt(1);
        }, "kafka-shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        LOG.info("Shutting the broker down");
        server.shutdown();
        LOG.info("Broker stopped");
    }

    /** Through reflection: {@code sun.misc.Signal} is JDK-internal (jdk.unsupported), and javac warns on every use. */
    private static void ignoreTerminalSignals() {
        for (final String name : List.of("INT", "HUP")) {
            try {
                final Class<?> signal = Class.forName("sun.misc.Signal");
                final Class<?> handler = Class.forName("sun.misc.SignalHandler");
                signal.getMethod("handle", signal, handler)
                    .invoke(null, signal.getConstructor(String.class).newInstance(name), handler.getField("SIG_IGN").get(null));
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.warn("Signal {} cannot be ignored on this platform; Ctrl-C will also stop the broker", name, e);
            }
        }
    }

    private static void watchParent(final long parentPid) {
        final Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty() || !parent.get().isAlive()) {
            LOG.error("Parent process {} is gone; not starting the broker", parentPid);
            System.exit(EXIT_PARENT_GONE);
            return;
        }
        parent.get().onExit().thenRun(() -> {
            LOG.warn("Parent process {} exited; shutting the broker down", parentPid);
            // A fresh thread: System.exit blocks until the shutdown hooks have run, and this
            // callback runs on the JDK's process reaper thread.
            new Thread(() -> System.exit(0), "parent-gone-exit").start();
        });
    }

    static Properties load(final Path config) throws IOException {
        final Properties props = new Properties();
        try (InputStream in = Files.newInputStream(config)) {
            props.load(in);
        }
        return props;
    }

    /** Every directory that Kafka's formatter writes {@code meta.properties} into. */
    static List<Path> storageDirectories(final Properties props) {
        final Set<Path> dirs = new LinkedHashSet<>();
        final String logDirs = props.getProperty("log.dirs", props.getProperty("log.dir", ""));
        for (final String dir : logDirs.split(",")) {
            if (!dir.isBlank()) {
                dirs.add(Path.of(dir.trim()));
            }
        }
        final String metadataDir = props.getProperty("metadata.log.dir", "");
        if (!metadataDir.isBlank()) {
            dirs.add(Path.of(metadataDir.trim()));
        }
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("log.dirs is not set");
        }
        return new ArrayList<>(dirs);
    }

    static Optional<String> readClusterId(final Path dir) {
        final Path meta = dir.resolve(META_PROPERTIES);
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(load(meta).getProperty("cluster.id")).filter(id -> !id.isBlank());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void formatIfNeeded(final Path config, final Properties props) {
        final List<Path> dirs = storageDirectories(props);
        final List<Path> unformatted = dirs.stream()
            .filter(dir -> !Files.exists(dir.resolve(META_PROPERTIES)))
            .toList();
        final Optional<String> existingClusterId = dirs.stream()
            .map(BrokerMain::readClusterId)
            .flatMap(Optional::stream)
            .findFirst();
        if (unformatted.isEmpty()) {
            LOG.info("Storage already formatted, cluster id {}", existingClusterId.orElse("?"));
            return;
        }
        final String clusterId = existingClusterId.orElseGet(() -> Uuid.randomUuid().toString());
        final List<String> args = new ArrayList<>(List.of(
            "format", "--config", config.toString(), "--cluster-id", clusterId));
        if (existingClusterId.isPresent()) {
            // Some directories are formatted already: add the new ones to the same cluster.
            args.add("--ignore-formatted");
        }
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        final int rc;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(args.toArray(String[]::new), out);
        }
        final String output = buffer.toString(StandardCharsets.UTF_8).strip();
        if (rc != 0) {
            throw new IllegalStateException("Formatting " + unformatted + " failed (exit " + rc + "): " + output);
        }
        LOG.info("Formatted storage {} with cluster id {}: {}", unformatted, clusterId, output);
    }
}
