package org.mediamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.mediamonitor.common.config.Settings;

class IngestConfigTest {

  @Test
  void hasDefaults() {
    IngestConfig config = IngestConfig.from(Settings.of(Map.of()));
    assertThat(config.watchDir()).isNull();
    assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
    assertThat(config.httpToken()).isNull();
    assertThat(config.ackTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(config.watchPoll()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void readsKeysAndHidesTheToken() {
    IngestConfig config = IngestConfig.from(Settings.of(Map.of(
        IngestConfig.WATCH_DIR, "/tmp/inbox", IngestConfig.HTTP_TOKEN, "s3cret",
        IngestConfig.ACK_TIMEOUT_MS, "5000", IngestConfig.MAX_BODY_BYTES, "2048")));
    assertThat(config.watchDir()).isEqualTo(Path.of("/tmp/inbox"));
    assertThat(config.httpToken().value()).isEqualTo("s3cret");
    assertThat(config.ackTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.maxBodyBytes()).isEqualTo(2048);
    assertThat(config.toString()).doesNotContain("s3cret");
  }

  @Test
  void failsFastNamingTheKey() {
    assertThatThrownBy(() -> IngestConfig.from(Settings.of(Map.of(IngestConfig.ACK_TIMEOUT_MS, "10"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining(IngestConfig.ACK_TIMEOUT_MS);
    assertThatThrownBy(() -> IngestConfig.from(Settings.of(Map.of(IngestConfig.MAX_BODY_BYTES, "lots"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining(IngestConfig.MAX_BODY_BYTES);
  }
}
