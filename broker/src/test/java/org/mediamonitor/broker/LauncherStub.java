package org.mediamonitor.broker;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Stands in for the all-in-one launcher in {@link EmbeddedKafkaBrokerIT}: starts a broker, writes
 * "{@code <broker pid> <bootstrap servers>}" to the file named by the second argument, then waits to be killed.
 */
public final class LauncherStub {

    private LauncherStub() {
    }

    public static void main(final String[] args) throws Exception {
        final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Path.of(args[0]));
        final Path out = Path.of(args[1]);
        final Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.writeString(tmp, broker.pid().orElseThrow() + " " + broker.bootstrapServers(), StandardCharsets.UTF_8);
        Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().join();
    }
}
