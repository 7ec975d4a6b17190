package org.mediamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mediamonitor.common.Json;
import org.mediamonitor.common.http.Http;

/** The HTTP contract on mock producers; the broker round trip is in {@code IngestHttpIT}. */
class IngestHttpTest {

  private final MockIngest mock = new MockIngest(1000);
  private final HttpClient client = HttpClient.newHttpClient();
  private Javalin app;

  private String start(Password token) {
    app = Http.create(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> Map.of("status", "UP"));
    new IngestHttp(mock.ingestor, token).routes(app);
    app.start(0);
    return "http://localhost:" + app.port() + IngestHttp.PATH;
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
  }

  private HttpResponse<String> post(String url, byte[] body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Object> object(HttpResponse<String> response) throws Exception {
    return Json.mapper().readValue(response.body(), new TypeReference<>() {});
  }

  @Test
  void acceptsOneArticleAndThenRecognisesIt() throws Exception {
    String url = start(null);
    byte[] article = "{\"url\": \"https://example.kz/a\", \"body\": \"Story.\"}".getBytes();
    HttpResponse<String> first = post(url, article, null);
    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(object(first)).containsEntry("id", ArticleIds.id("https://example.kz/a", "x"))
        .containsEntry("revision", 1).containsEntry("status", "published");
    HttpResponse<String> second = post(url, article, null);
    assertThat(object(second)).containsEntry("status", "unchanged").containsEntry("revision", 1);
    assertThat(mock.articles.history()).hasSize(1);
  }

  @Test
  void answersAnArrayWithAnArray() throws Exception {
    String url = start(null);
    HttpResponse<String> response = post(url, "[{\"body\": \"One.\"}, {\"body\": \"Two.\"}]".getBytes(), null);
    assertThat(response.statusCode()).isEqualTo(202);
    List<Map<String, Object>> results = Json.mapper().readValue(response.body(), new TypeReference<>() {});
    assertThat(results).extracting(r -> r.get("status")).containsExactly("published", "published");
  }

  @Test
  void refusesBadInputNamingTheFieldAndDeadLettersIt() throws Exception {
    String url = start(null);
    byte[] bad = "[{\"body\": \"One.\"}, {\"body\": \"Two.\", \"published_at\": \"2999-01-01\"}]".getBytes();
    HttpResponse<String> response = post(url, bad, null);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(object(response)).containsEntry("field", "published_at").containsEntry("index", 1)
        .containsEntry("reason", "published_at_out_of_range");
    assertThat(mock.articles.history()).isEmpty();
    assertThat(mock.deadLetters.history()).hasSize(1);
    assertThat(mock.deadLetters.history().get(0).value().getOriginalValue().array()).isEqualTo(bad);
    assertThat(mock.deadLetters.history().get(0).value().getEntryPoint()).isEqualTo("http");
    assertThat(mock.count(IngestMetrics.REJECTED, "entry_point", "http", "reason", "published_at_out_of_range"))
        .isEqualTo(1);
  }

  @Test
  void refusesATooLargeBodyWith413() throws Exception {
    String url = start(null);
    HttpResponse<String> response = post(url, ("{\"body\": \"" + "x".repeat(1001) + "\"}").getBytes(), null);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(object(response)).containsEntry("field", "body");
  }

  @Test
  void requiresTheBearerTokenWhenConfigured() throws Exception {
    String url = start(new Password("s3cret"));
    byte[] article = "{\"body\": \"Story.\"}".getBytes();
    assertThat(post(url, article, null).statusCode()).isEqualTo(401);
    assertThat(post(url, article, "wrong").statusCode()).isEqualTo(401);
    assertThat(mock.articles.history()).isEmpty();
    assertThat(mock.deadLetters.history()).isEmpty();
    assertThat(post(url, article, "s3cret").statusCode()).isEqualTo(202);
  }

  @Test
  void answers503WhenTheBrokerDoesNotAcknowledge() throws Exception {
    String url = start(null);
    mock.articles.sendException = new org.apache.kafka.common.errors.TimeoutException("no broker");
    HttpResponse<String> response = post(url, "{\"body\": \"Story.\"}".getBytes(), null);
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(object(response)).containsKey("error");
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
  }
}
