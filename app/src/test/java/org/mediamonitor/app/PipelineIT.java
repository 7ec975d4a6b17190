package org.mediamonitor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mediamonitor.common.Json;
import org.mediamonitor.testkit.KafkaBrokerExtension;

/** The whole pipeline in one process on a real broker, driven through its HTTP API as a user would. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PipelineIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  @TempDir
  static Path state;

  static RunningPipeline pipeline;

  @BeforeAll
  static void start() {
    pipeline = RunningPipeline.start(KAFKA, state, "pipeline-it");
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void shouldCountAReportedCriminalCaseOnceWithinFiveSecondsAndIgnoreARepost() throws Exception {
    // warm the path first, so the timed post measures the pipeline, not the first rebalance
    String warmup = article("https://kokshetau-courier.example/news/warmup", "2024-02-10T09:00:00+05:00",
        "A court in Kokshetau fined the editor of Kokshetau Courier, Dana Omarova, under Article 456-2 of the "
            + "Code of Administrative Offences for spreading false information.");
    assertThat(post(warmup).statusCode()).isEqualTo(202);
    await().alias("warm-up article counted").atMost(Duration.ofSeconds(60))
        .until(() -> figure("2024-02", "administrative") == 1);

    long before = figure("2025-06", "criminal");
    String body = article("https://steppe-herald.example/news/criminal-case-1", "2025-06-03T10:00:00+05:00",
        "Police in Taraz opened a criminal case against blogger Arman Testov under Article 274 of the Criminal "
            + "Code, dissemination of knowingly false information, over a post about the city budget.");

    HttpResponse<String> first = post(body);
    assertThat(first.statusCode()).isEqualTo(202);
    JsonNode accepted = Json.mapper().readTree(first.body());
    assertThat(accepted.get("status").asText()).isEqualTo("published");
    await().alias("criminal count of 2025-06 raised by one").atMost(Duration.ofSeconds(5))
        .until(() -> figure("2025-06", "criminal") == before + 1);

    HttpResponse<String> again = post(body);
    assertThat(again.statusCode()).isEqualTo(202);
    JsonNode repeated = Json.mapper().readTree(again.body());
    assertThat(repeated.get("status").asText()).isEqualTo("unchanged");
    assertThat(repeated.get("id").asText()).isEqualTo(accepted.get("id").asText());

    // a later article that is counted proves the stream moved past the repost
    String sentinel = article("https://steppe-herald.example/news/civil-suit-1", "2025-07-15T10:00:00+05:00",
        "A district court in Semey accepted a lawsuit for the protection of honour, dignity and business "
            + "reputation under Article 143 of the Civil Code against the newspaper Semey Evening.");
    assertThat(post(sentinel).statusCode()).isEqualTo(202);
    await().alias("sentinel counted").atMost(Duration.ofSeconds(30)).until(() -> figure("2025-07", "civil") == 1);
    assertThat(figure("2025-06", "criminal")).isEqualTo(before + 1);
    assertThat(get("/api/v1/months/2025-06/incidents").body()).contains(accepted.get("id").asText());
  }

  @Test
  void shouldAnswerBadInputWithAnErrorNamingTheField() throws Exception {
    HttpResponse<String> missingBody = post("{\"title\":\"no body here\"}");
    assertThat(missingBody.statusCode()).isEqualTo(400);
    assertThat(Json.mapper().readTree(missingBody.body()).get("field").asText()).isEqualTo("body");
    assertThat(get("/api/v1/months/1990-01").statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/months/not-a-month").statusCode()).isEqualTo(400);
  }

  @Test
  void shouldServeTheLivePageAndMetrics() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
    assertThat(page.body()).contains("id=\"incidents\"");
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.body()).contains("media_monitor_streams_running", "jvm_memory_used_bytes");
  }

  private static String article(String url, String publishedAt, String body) throws IOException {
    return Json.mapper().writeValueAsString(Map.of("url", url, "source", "Invented Outlet", "language", "en",
        "published_at", publishedAt, "body", body));
  }

  private static long figure(String month, String field) throws Exception {
    HttpResponse<String> r = get("/api/v1/months/" + month);
    if (r.statusCode() != 200) {
      return 0;
    }
    return Json.mapper().readTree(r.body()).get(field).asLong();
  }

  private static HttpResponse<String> post(String json) throws Exception {
    return pipeline.post("/api/v1/articles", json);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return pipeline.get(path);
  }
}
