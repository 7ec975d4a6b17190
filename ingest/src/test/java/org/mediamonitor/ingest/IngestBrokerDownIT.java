package org.mediamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.config.Settings;
import org.mediamonitor.common.http.Http;
import org.mediamonitor.testkit.KafkaBrokerExtension;

/** With the broker stopped, a post is refused with 503 within the acknowledgement timeout, never accepted. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class IngestBrokerDownIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.embedded();

  private final HttpClient client = HttpClient.newHttpClient();
  private IngestApp ingest;
  private Javalin http;

  @AfterEach
  void tearDown() {
    KAFKA.startBroker();
    if (http != null) {
      http.stop();
    }
    if (ingest != null) {
      ingest.close();
    }
  }

  private HttpResponse<String> post(String url, String json) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldAnswer503WhenTheBrokerDoesNotAcknowledgeAndAcceptTheRetryLater() throws Exception {
    Settings settings = Settings.of(Map.of(
        CommonConfig.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers(),
        CommonConfig.TOPIC_PREFIX, "down-it-",
        IngestConfig.ACK_TIMEOUT_MS, "3000"));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ingest = IngestApp.start(settings, registry);
    http = Http.create(registry, ingest::health);
    ingest.routes(http);
    http.start(0);
    String url = "http://localhost:" + http.port() + IngestHttp.PATH;
    assertThat(post(url, "{\"body\": \"Before the outage.\"}").statusCode()).isEqualTo(202);

    KAFKA.stopBroker();
    long start = System.nanoTime();
    HttpResponse<String> refused = post(url, "{\"body\": \"During the outage.\"}");
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.body()).contains("error");
    assertThat(tookMillis).isLessThan(30_000);
    assertThat(registry.scrape()).contains("media_monitor_ingest_failed_total{entry_point=\"http\"} 1.0");

    KAFKA.startBroker();
    HttpResponse<String> retried = post(url, "{\"body\": \"During the outage.\"}");
    assertThat(retried.statusCode()).isEqualTo(202);
    assertThat(retried.body()).contains("\"revision\":1").contains("published");
  }
}
