package org.mediamonitor.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {

    @Test
    void shouldWritePropertiesThatKafkaReadsBackUnchanged() throws Exception {
        final String key = "log.dirs";
        final String value = "/home/Әлия Нұрланқызы/data dir/kafka=1:2#!\\x";
        final String line = EmbeddedKafkaBroker.escape(key) + "=" + EmbeddedKafkaBroker.escape(value) + "\n";

        final Properties props = new Properties();
        // Kafka loads server.properties as ISO-8859-1, like Properties.load(InputStream).
        props.load(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));

        assertThat(line).isEqualTo(new String(line.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII));
        assertThat(props.getProperty(key)).isEqualTo(value);
    }

    @Test
    void shouldNotLetExtraPropertiesMoveTheListenersOrStorage() {
        final EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder(Path.of("unused"));
        for (final String key : new String[] {"listeners", "controller.quorum.voters", "log.dirs", "node.id"}) {
            assertThatThrownBy(() -> builder.brokerProperty(key, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key);
        }
    }

    @Test
    void shouldRejectInvalidBuilderValues() {
        final EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder(Path.of("unused"));
        assertThatThrownBy(() -> builder.port(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.maxHeap("lots")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.port(9092).controllerPort(9092).start())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("must differ");
    }

    @Test
    void shouldReadBrokerLogTailFromTheGivenOffset() throws Exception {
        final Path log = Files.createTempFile("broker", ".log");
        try {
            Files.writeString(log, "old run\n");
            final long offset = Files.size(log);
            Files.writeString(log, "new line 1\nnew line 2\n", StandardOpenOption.APPEND);

            assertThat(EmbeddedKafkaBroker.tail(log, offset)).isEqualTo("new line 1" + System.lineSeparator() + "new line 2");
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
