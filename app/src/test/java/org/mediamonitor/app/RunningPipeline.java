package org.mediamonitor.app;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.mediamonitor.common.Json;
import org.mediamonitor.common.config.Settings;
import org.mediamonitor.testkit.KafkaBrokerExtension;

/** The real all-in-one pipeline on a test broker, with its own topics and application ids, driven over HTTP. */
public final class RunningPipeline implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Pipeline pipeline;
  private final String base;

  private RunningPipeline(Pipeline pipeline, int port) {
    this.pipeline = pipeline;
    this.base = "http://127.0.0.1:" + port;
  }

  /** Starts and waits until /health answers 200 (every service up). */
  public static RunningPipeline start(KafkaBrokerExtension kafka, Path stateDir, String name) {
    String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    Settings settings = Settings.of(Map.of(
        "bootstrap.servers", kafka.bootstrapServers(),
        "topic.prefix", unique + "-",
        "enrich.application.id", unique + "-enrich",
        "aggregate.application.id", unique + "-aggregate"));
    int port = freePort();
    RunningPipeline running = new RunningPipeline(Pipeline.start(settings, stateDir, port, List.of()), port);
    try {
      await().alias("every service up").atMost(Duration.ofSeconds(90))
          .until(() -> running.get("/health").statusCode() == 200);
    } catch (RuntimeException e) {
      running.close();
      throw e;
    }
    return running;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String base() {
    return base;
  }

  public int port() {
    return pipeline.httpPort();
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts one invented article and returns the id ingest gave it (202 expected). */
  public String postArticle(String url, String source, String publishedAt, String body) throws IOException, InterruptedException {
    String json = Json.mapper().writeValueAsString(Map.of("url", url, "source", source, "language", "en",
        "published_at", publishedAt, "body", body));
    HttpResponse<String> r = post("/api/v1/articles", json);
    if (r.statusCode() != 202) {
      throw new AssertionError("POST /api/v1/articles answered " + r.statusCode() + ": " + r.body());
    }
    return Json.mapper().readTree(r.body()).get("id").asText();
  }

  /** True when the month's incidents list names the article. */
  public boolean listsIncidentOf(String month, String articleId) throws IOException, InterruptedException {
    HttpResponse<String> r = get("/api/v1/months/" + month + "/incidents");
    if (r.statusCode() != 200) {
      return false;
    }
    return containsArticleId(Json.mapper().readTree(r.body()), articleId);
  }

  private static boolean containsArticleId(JsonNode node, String articleId) {
    if (node.isObject() && articleId.equals(node.path("article_id").asText(null))) {
      return true;
    }
    for (JsonNode child : node) {
      if (containsArticleId(child, articleId)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    pipeline.close();
  }
}
