package org.mediamonitor.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KafkaBrokerFaultsIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.embedded();

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void shouldKeepRecordsAndAddressThroughKillAndStop() {
        assertThat(KAFKA.mode()).isEqualTo(KafkaBrokerExtension.Mode.EMBEDDED);
        final String bootstrap = KAFKA.bootstrapServers();
        KAFKA.createTopic("faults", 2);
        TestRecords.produce(KAFKA.clientProps(), "faults", new StringSerializer(), new StringSerializer(),
            List.of(Map.entry("a", "1"), Map.entry("b", "2"), Map.entry("c", "3")));

        KAFKA.killBroker();
        assertThat(KAFKA.embeddedBroker().orElseThrow().isRunning()).isFalse();
        KAFKA.startBroker();
        assertThat(KAFKA.bootstrapServers()).isEqualTo(bootstrap);
        assertThat(TestRecords.consumeValues(KAFKA.clientProps(), "faults",
            new StringDeserializer(), new StringDeserializer(), 3, WAIT)).containsExactlyInAnyOrder("1", "2", "3");

        KAFKA.stopBroker();
        KAFKA.startBroker();
        TestRecords.produce(KAFKA.clientProps(), "faults", new StringSerializer(), new StringSerializer(),
            List.of(Map.entry("d", "4")));
        assertThat(TestRecords.consumeValues(KAFKA.clientProps(), "faults",
            new StringDeserializer(), new StringDeserializer(), 4, WAIT)).containsExactlyInAnyOrder("1", "2", "3", "4");
    }
}
