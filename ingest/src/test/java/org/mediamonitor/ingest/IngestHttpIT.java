package org.mediamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mediamonitor.common.Json;
import org.mediamonitor.common.Topics;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.config.Settings;
import org.mediamonitor.common.http.Http;
import org.mediamonitor.schema.DeadLetter;
import org.mediamonitor.schema.RawArticle;
import org.mediamonitor.testkit.KafkaBrokerExtension;
import org.mediamonitor.testkit.TestRecords;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class IngestHttpIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final AtomicInteger RUN = new AtomicInteger();
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final HttpClient client = HttpClient.newHttpClient();
  private Settings settings;
  private Topics topics;
  private PrometheusMeterRegistry registry;
  private IngestApp ingest;
  private Javalin http;
  private String url;

  @BeforeEach
  void setUp() {
    // a topic prefix per test: each test sees only its own records
    settings = Settings.of(Map.of(
        CommonConfig.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers(),
        CommonConfig.TOPIC_PREFIX, "http-it-" + RUN.incrementAndGet() + "-",
        IngestConfig.ACK_TIMEOUT_MS, "10000"));
    topics = CommonConfig.from(settings).topics();
    start();
  }

  private void start() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ingest = IngestApp.start(settings, registry);
    http = Http.create(registry, ingest::health);
    ingest.routes(http);
    http.start(0);
    url = "http://localhost:" + http.port();
  }

  private void stop() {
    http.stop();
    ingest.close();
  }

  @AfterEach
  void tearDown() {
    stop();
  }

  private HttpResponse<String> post(String json) throws Exception {
    return post(json.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(byte[] body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url + IngestHttp.PATH))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Object> json(HttpResponse<String> response) throws Exception {
    return Json.mapper().readValue(response.body(), new TypeReference<>() {});
  }

  private List<ConsumerRecord<String, RawArticle>> rawArticles(int expected) {
    return TestRecords.consumeAll(KAFKA.clientProps(), topics.rawArticles().name(), new StringDeserializer(),
        topics.rawArticles().valueSerde().deserializer(), expected, WAIT);
  }

  private List<ConsumerRecord<byte[], DeadLetter>> deadLetters(int expected) {
    return TestRecords.consumeAll(KAFKA.clientProps(), topics.deadLetters().name(), new ByteArrayDeserializer(),
        topics.deadLetters().valueSerde().deserializer(), expected, WAIT);
  }

  @Test
  void shouldWriteOneRecordWhenTheSameArticleIsPostedTwice() throws Exception {
    String article = """
        {"url": "https://example.kz/news/42?utm_source=telegram", "source": "Example Times",
         "title": "Blogger fined", "body": "A court in Karaganda fined the blogger Arman Seitov.",
         "published_at": "2025-03-10", "language": "en"}""";
    HttpResponse<String> first = post(article);
    HttpResponse<String> second = post(article);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(json(first)).containsEntry("revision", 1).containsEntry("status", "published");
    assertThat(second.statusCode()).isEqualTo(202);
    assertThat(json(second)).containsEntry("id", json(first).get("id")).containsEntry("status", "unchanged");

    List<ConsumerRecord<String, RawArticle>> records = rawArticles(1);
    assertThat(records).hasSize(1);
    RawArticle value = records.get(0).value();
    assertThat(records.get(0).key()).isEqualTo(json(first).get("id"));
    assertThat(value.getTitle()).isEqualTo("Blogger fined");
    assertThat(value.getRevision()).isEqualTo(1);
    assertThat(value.getLanguageHint()).isEqualTo("en");
    assertThat(value.getPublishedAt()).isEqualTo(
        java.time.LocalDate.of(2025, 3, 10).atStartOfDay(ArticleParser.ALMATY).toInstant());
    assertThat(registry.scrape()).contains("media_monitor_ingest_published_total{entry_point=\"http\"} 1.0")
        .contains("media_monitor_ingest_unchanged_total{entry_point=\"http\"} 1.0");
  }

  @Test
  void shouldPublishRevisionTwoUnderTheSameKeyWhenTheBodyChanges() throws Exception {
    HttpResponse<String> first = post("{\"url\": \"https://example.kz/news/7\", \"body\": \"First version.\"}");
    HttpResponse<String> second = post("{\"url\": \"https://EXAMPLE.kz/news/7/\", \"body\": \"Corrected version.\"}");
    assertThat(json(second)).containsEntry("id", json(first).get("id")).containsEntry("revision", 2)
        .containsEntry("status", "published");

    List<ConsumerRecord<String, RawArticle>> records = rawArticles(2);
    assertThat(records).hasSize(2);
    assertThat(records).extracting(ConsumerRecord::key).containsOnly((String) json(first).get("id"));
    assertThat(records).extracting(r -> r.value().getRevision()).containsExactly(1, 2);
    assertThat(records).extracting(r -> r.value().getBody()).containsExactly("First version.", "Corrected version.");
  }

  @Test
  void shouldRepublishNothingAfterARestart() throws Exception {
    String batch = "[{\"url\": \"https://example.kz/a\", \"body\": \"Story A.\"},"
        + " {\"body\": \"Story B without a link.\"}]";
    List<Map<String, Object>> before = Json.mapper().readValue(post(batch).body(), new TypeReference<>() {});
    assertThat(before).extracting(r -> r.get("status")).containsExactly("published", "published");

    stop();
    start();
    assertThat(ingest.health()).containsEntry("status", "UP").containsEntry("knownArticles", 2L);

    HttpResponse<String> again = post(batch);
    assertThat(again.statusCode()).isEqualTo(202);
    List<Map<String, Object>> after = Json.mapper().readValue(again.body(), new TypeReference<>() {});
    assertThat(after).extracting(r -> r.get("status")).containsExactly("unchanged", "unchanged");
    assertThat(after).extracting(r -> r.get("id")).isEqualTo(before.stream().map(r -> r.get("id")).toList());
    assertThat(rawArticles(2)).hasSize(2);
  }

  @Test
  void shouldAnswer400NamingTheFieldAndDeadLetterBadInput() throws Exception {
    String bad = "{\"url\": \"ftp://example.kz/a\", \"body\": \"Story.\"}";
    HttpResponse<String> response = post(bad);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response)).containsEntry("field", "url").containsEntry("reason", "invalid_url");

    byte[] invalidUtf8 = {'{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    assertThat(post(invalidUtf8).statusCode()).isEqualTo(400);

    List<ConsumerRecord<byte[], DeadLetter>> letters = deadLetters(2);
    assertThat(letters).hasSize(2);
    DeadLetter first = letters.get(0).value();
    assertThat(first.getStage()).isEqualTo("ingest");
    assertThat(first.getEntryPoint()).isEqualTo("http");
    assertThat(first.getReason()).startsWith("invalid_url").contains("url");
    assertThat(StandardCharsets.UTF_8.decode(first.getOriginalValue()).toString()).isEqualTo(bad);
    assertThat(letters.get(1).value().getReason()).startsWith("invalid_utf8");
    assertThat(rawArticles(0)).isEmpty();
    assertThat(registry.scrape())
        .contains("media_monitor_ingest_rejected_total{entry_point=\"http\",reason=\"invalid_url\"} 1.0");
  }
}
