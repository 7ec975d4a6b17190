package org.mediamonitor.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  @Test
  void shouldLayerFileThenEnvironmentThenOverrides(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("mm.properties");
    Files.writeString(file, "topic.prefix=file-\ntopic.partitions=2\nkafka.linger.ms=5\n");

    Settings s = Settings.load(file,
        Map.of("MEDIA_MONITOR_TOPIC_PARTITIONS", "4", "KAFKA_BOOTSTRAP_SERVERS", "broker:9092", "HOME", "/root"),
        Map.of("topic.prefix", "flag-"));
    CommonConfig c = CommonConfig.from(s);

    assertThat(c.topicPrefix()).isEqualTo("flag-");
    assertThat(c.partitions()).isEqualTo(4);
    assertThat(c.bootstrapServers()).isEqualTo("broker:9092");
    assertThat(c.clientProperties()).containsEntry("linger.ms", "5").containsEntry("bootstrap.servers", "broker:9092");
    assertThat(c.topics().rawArticles().name()).isEqualTo("flag-raw-articles");
  }

  @Test
  void shouldFailFastNamingTheKey() {
    Settings s = Settings.load(null, Map.of("MEDIA_MONITOR_TOPIC_PARTITIONS", "zero"), Map.of());
    assertThatThrownBy(() -> CommonConfig.from(s))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topic.partitions");
  }

  @Test
  void shouldRejectAMissingConfigFile(@TempDir Path dir) {
    assertThatThrownBy(() -> Settings.load(dir.resolve("absent.properties"), Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("absent.properties");
  }
}
