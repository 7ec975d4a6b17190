package org.mediamonitor.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.config.Settings;
import org.mediamonitor.common.streams.DeadLetterDeserializationHandler;
import org.mediamonitor.common.streams.DeadLetterPolicy;
import org.mediamonitor.common.streams.DeadLetterProcessingHandler;
import org.mediamonitor.common.streams.DeadLetterProductionHandler;
import org.apache.kafka.streams.StreamsConfig;

class AggregateConfigTest {

  @Test
  void shouldHaveDocumentedDefaults() {
    AggregateConfig c = AggregateConfig.defaults();
    assertThat(c.applicationId()).isEqualTo("media-monitor-aggregate");
    assertThat(c.zone()).isEqualTo(ZoneId.of("Asia/Almaty"));
    assertThat(c.alertAlpha()).isEqualTo(0.01);
    assertThat(c.alertMinCount()).isEqualTo(3);
    assertThat(c.alertMinHistoryMonths()).isEqualTo(3);
    assertThat(c.alertBaselineMonths()).isEqualTo(12);
    assertThat(c.alertWindowDays()).isEqualTo(30);
    assertThat(c.advertisedEndpoint()).isEqualTo("localhost:8080");
  }

  @Test
  void shouldRejectFixedOffsetsAndUnknownZones() {
    assertThatThrownBy(() -> AggregateConfig.from(Settings.of(Map.of(AggregateConfig.ZONE, "+05:00"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining(AggregateConfig.ZONE);
    assertThatThrownBy(() -> AggregateConfig.from(Settings.of(Map.of(AggregateConfig.ZONE, "Asia/Atlantis"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining(AggregateConfig.ZONE);
  }

  @Test
  void shouldValidateAlertParametersAndEndpoint() {
    assertThatThrownBy(() -> AggregateConfig.from(Settings.of(Map.of(AggregateConfig.ALERT_ALPHA, "1.5"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining(AggregateConfig.ALERT_ALPHA);
    assertThatThrownBy(() -> AggregateConfig.from(Settings.of(Map.of(AggregateConfig.ALERT_MIN_COUNT, "0"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining(AggregateConfig.ALERT_MIN_COUNT);
    assertThatThrownBy(() -> AggregateConfig.from(Settings.of(Map.of(AggregateConfig.ADVERTISED_ENDPOINT, "no-port"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining(AggregateConfig.ADVERTISED_ENDPOINT);
  }

  @Test
  void shouldAlwaysRunExactlyOnce() {
    Settings settings = Settings.load(null, Map.of("KAFKA_PROCESSING_GUARANTEE", "at_least_once"),
        Map.of(AggregateConfig.ADVERTISED_ENDPOINT, "aggregate-1:7070"));
    var props = AggregateApp.streamsProperties(AggregateConfig.from(settings), CommonConfig.from(settings));
    assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(props.get(StreamsConfig.APPLICATION_SERVER_CONFIG)).isEqualTo("aggregate-1:7070");
    assertThat(props.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("media-monitor-aggregate");
  }

  @Test
  void shouldDeadLetterWhatItCannotReadInsteadOfDroppingIt() {
    Settings settings = Settings.of(Map.of("topic.prefix", "x-"));
    var props = AggregateApp.streamsProperties(AggregateConfig.from(settings), CommonConfig.from(settings), reason -> { });
    assertThat(props)
        .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class)
        .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class)
        .containsEntry(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class)
        .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "x-dead-letters")
        .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    DeadLetterPolicy policy = (DeadLetterPolicy) props.get(DeadLetterPolicy.CONFIG);
    assertThat(policy.stage()).isEqualTo(AggregateApp.NAME);
  }
}
