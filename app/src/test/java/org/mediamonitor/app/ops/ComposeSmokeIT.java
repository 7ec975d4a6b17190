package org.mediamonitor.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mediamonitor.common.Json;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The production shape as an operator starts it: {@code docker-compose.yml} builds the image and
 * runs the broker and the three services; ingest takes an article over HTTP and aggregate counts it.
 * Prometheus, Alertmanager and Grafana are left out (their files are checked by ops/check.sh).
 * Skipped where Docker or the compose plugin is unavailable.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class ComposeSmokeIT {

  private static final int INGEST_PORT = 8081;
  private static final int AGGREGATE_PORT = 8083;
  private static final Duration STARTUP = Duration.ofMinutes(12);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void shouldCountAnArticlePostedToIngestInAggregatesMonths() throws Exception {
    // checked here rather than in a @BeforeAll, so the report shows the test skipped, with the reason
    Assumptions.assumeTrue(dockerAvailable(), "Docker is not available: the compose smoke test needs a Docker daemon");
    Assumptions.assumeTrue(composeAvailable(), "the docker CLI with its compose plugin (docker compose) is not installed");
    Path root = OpsFiles.repoRoot();
    try (ComposeContainer compose = new ComposeContainer(new File(root.resolve("docker-compose.yml").toString()))
        .withServices("kafka", "kafka-init", "ingest", "enrich", "aggregate")
        .withBuild(true)
        .withRemoveVolumes(true)
        .withExposedService("ingest", INGEST_PORT,
            Wait.forHttp("/health").forStatusCode(200).withStartupTimeout(STARTUP))
        .withExposedService("aggregate", AGGREGATE_PORT,
            Wait.forHttp("/health").forStatusCode(200).withStartupTimeout(STARTUP))
        .withStartupTimeout(STARTUP)) {
      compose.start();
      String ingest = "http://" + compose.getServiceHost("ingest", INGEST_PORT) + ":"
          + compose.getServicePort("ingest", INGEST_PORT);
      String aggregate = "http://" + compose.getServiceHost("aggregate", AGGREGATE_PORT) + ":"
          + compose.getServicePort("aggregate", AGGREGATE_PORT);

      String article = Json.mapper().writeValueAsString(Map.of(
          "url", "https://steppe-herald.example/news/compose-smoke", "source", "Steppe Herald", "language", "en",
          "published_at", "2025-06-03T10:00:00+05:00",
          "body", "Police in Taraz opened a criminal case against blogger Arman Testov under Article 274 of the "
              + "Criminal Code, dissemination of knowingly false information, over a post about the city budget."));
      HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(ingest + "/api/v1/articles"))
          .header("content-type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(article)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);

      await().alias("2025-06 counted by aggregate").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
          .until(() -> criminal(aggregate, "2025-06") >= 1);
      HttpResponse<String> months = get(aggregate + "/api/v1/months");
      assertThat(months.statusCode()).isEqualTo(200);
      assertThat(months.body()).contains("2025-06");
    }
  }

  private static long criminal(String aggregate, String month) throws Exception {
    HttpResponse<String> r = get(aggregate + "/api/v1/months/" + month);
    if (r.statusCode() != 200) {
      return 0;
    }
    JsonNode body = Json.mapper().readTree(r.body());
    return body.path("criminal").asLong(0);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** {@link ComposeContainer} built from files runs the local {@code docker compose}. */
  private static boolean composeAvailable() {
    try {
      Process p = new ProcessBuilder("docker", "compose", "version")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
