package org.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.config.Settings;
import org.mediamonitor.common.streams.DeadLetterDeserializationHandler;
import org.mediamonitor.common.streams.DeadLetterPolicy;
import org.mediamonitor.common.streams.DeadLetterProcessingHandler;
import org.mediamonitor.common.streams.DeadLetterProductionHandler;

class EnrichConfigTest {

  @Test
  void shouldUseDefaults() {
    EnrichConfig config = EnrichConfig.defaults();

    assertThat(config.applicationId()).isEqualTo("media-monitor-enrich");
    assertThat(config.numStreamThreads()).isEqualTo(1);
    assertThat(config.commitIntervalMs()).isEqualTo(100L);
    assertThat(config.taxonomyFile()).isEmpty();
  }

  @Test
  void shouldReadKeysFromSettings() {
    EnrichConfig config = EnrichConfig.from(Settings.of(Map.of(
        EnrichConfig.APPLICATION_ID, "enrich-2", EnrichConfig.STATE_DIR, "/var/lib/mm",
        EnrichConfig.NUM_STREAM_THREADS, "3", EnrichConfig.TAXONOMY_FILE, "/etc/mm/taxonomy.json")));

    assertThat(config.applicationId()).isEqualTo("enrich-2");
    assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/mm"));
    assertThat(config.numStreamThreads()).isEqualTo(3);
    assertThat(config.taxonomyFile()).contains(Path.of("/etc/mm/taxonomy.json"));
  }

  @Test
  void shouldRejectBadValueNamingTheKey() {
    assertThatThrownBy(() -> EnrichConfig.from(Settings.of(Map.of(EnrichConfig.NUM_STREAM_THREADS, "0"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining(EnrichConfig.NUM_STREAM_THREADS);
  }

  @Test
  void shouldAlwaysRunExactlyOnceWithTheDeadLetterPolicy() {
    CommonConfig common = CommonConfig.from(Settings.of(Map.of(CommonConfig.BOOTSTRAP_SERVERS, "broker:9092")));
    Properties props = EnrichConfig.defaults().streamsProperties(common);

    assertThat(props).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
        .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "media-monitor-enrich")
        .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
        .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100L)
        .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class)
        .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class)
        .containsEntry(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class)
        .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "media-monitor-dead-letters")
        .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true)
        .containsEntry(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
    assertThat(props.get(DeadLetterPolicy.CONFIG)).isInstanceOf(DeadLetterPolicy.class);
    // Streams accepts the whole set
    assertThat(new StreamsConfig(props).getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
  }
}
