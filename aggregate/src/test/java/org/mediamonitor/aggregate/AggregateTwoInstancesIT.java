package org.mediamonitor.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mediamonitor.aggregate.Articles.administrative;
import static org.mediamonitor.aggregate.Articles.article;
import static org.mediamonitor.aggregate.Articles.criminal;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mediamonitor.common.Json;
import org.mediamonitor.common.Topics;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.config.Settings;
import org.mediamonitor.common.http.Http;
import org.mediamonitor.common.serde.WireFormat;
import org.mediamonitor.schema.ChargeStage;
import org.mediamonitor.schema.EnrichedArticle;
import org.mediamonitor.testkit.KafkaBrokerExtension;
import org.mediamonitor.testkit.TestRecords;

/** Two instances of one application on a real broker: every endpoint gives the same, complete answer from both. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AggregateTwoInstancesIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private final List<Instance> instances = new ArrayList<>();
  private final HttpClient client = HttpClient.newHttpClient();

  private record Instance(AggregateApp app, Javalin http, int port, Path stateDir) {}

  @AfterEach
  void tearDown() throws IOException {
    for (Instance i : instances) {
      i.http().stop();
      i.app().close();
      try (Stream<Path> files = Files.walk(i.stateDir())) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private Instance startInstance(String prefix, String applicationId) throws IOException {
    int port = freePort();
    Path stateDir = Files.createTempDirectory("aggregate-it-" + port);
    Settings settings = Settings.of(Map.of(
        CommonConfig.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers(),
        CommonConfig.TOPIC_PREFIX, prefix,
        CommonConfig.TOPIC_PARTITIONS, "3",
        AggregateConfig.APPLICATION_ID, applicationId,
        AggregateConfig.STATE_DIR, stateDir.toString(),
        AggregateConfig.ADVERTISED_ENDPOINT, "localhost:" + port));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AggregateApp app = AggregateApp.create(settings, registry);
    Javalin http = Http.create(registry, () -> Map.of("status", app.running() ? "UP" : "DOWN"));
    app.routes(http);
    http.start("localhost", port);
    app.start();
    Instance instance = new Instance(app, http, port, stateDir);
    instances.add(instance);
    return instance;
  }

  private HttpResponse<String> get(Instance instance, String pathAndQuery) {
    try {
      return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + instance.port() + pathAndQuery))
          .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(response.body(), e);
    }
  }

  @Test
  void shouldAnswerEveryEndpointCompletelyFromEitherInstance() throws IOException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String prefix = "it-" + run + "-";
    String applicationId = "aggregate-it-" + run;
    Topics topics = Topics.create(prefix, 3, WireFormat.singleObject());
    Instance first = startInstance(prefix, applicationId);
    Instance second = startInstance(prefix, applicationId);
    Awaitility.await().alias("both instances running").atMost(Duration.ofSeconds(90))
        .until(() -> first.app().running() && second.app().running());

    // six steady months, then a burst in July: 4 + 1 a month, 15 criminal charges in July
    List<Map.Entry<String, EnrichedArticle>> records = new ArrayList<>();
    for (int month = 1; month <= 6; month++) {
      for (int day : new int[] {5, 12, 19, 26}) {
        LocalDate date = LocalDate.of(2024, month, day);
        records.add(entry(article("steady-" + date).incident(date.toString(), criminal(ChargeStage.filed, 1)).build()));
      }
      LocalDate day = LocalDate.of(2024, month, 15);
      records.add(entry(article("admin-" + day).incident(day.toString(), administrative(1)).build()));
    }
    for (int d = 1; d <= 15; d++) {
      records.add(entry(article("burst-" + d).incident(LocalDate.of(2024, 7, d).toString(),
          criminal(ChargeStage.in_court, 1)).build()));
    }
    // the same story from a second outlet counts once
    records.add(entry(article("zz-copy").hash("hash-of-burst-1").incident("2024-07-01", criminal(ChargeStage.in_court, 1)).build()));
    TestRecords.produce(KAFKA.clientProps(), topics.enrichedArticles().name(), Serdes.String().serializer(),
        topics.enrichedArticles().valueSerde().serializer(), records);

    Awaitility.await().alias("July complete on both instances").atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> instances.stream().allMatch(i -> {
          HttpResponse<String> r = get(i, "/api/v1/months/2024-07");
          return r.statusCode() == 200 && json(r).get("criminal").asLong() == 15
              && json(get(i, "/api/v1/alerts")).size() == 4;
        }));

    KeyQueryMetadata owner = first.app().service().streams().queryMetadataForKey(AggregateTopology.MONTHS_STORE,
        AggregateTopology.JURISDICTION, Serdes.String().serializer());
    assertThat(owner.activeHost().port()).isIn(first.port(), second.port());
    Instance other = owner.activeHost().port() == first.port() ? second : first;
    assertThatThrownBy(() -> other.app().service().streams().store(StoreQueryParameters.fromNameAndType(
        AggregateTopology.MONTHS_STORE, QueryableStoreTypes.<String, Object>keyValueStore())).get("2024-07"))
        .as("the other instance holds no tallies: it answers by forwarding")
        .isInstanceOf(InvalidStateStoreException.class);

    for (String path : List.of("/api/v1/months", "/api/v1/months?from=2024-03&to=2024-07", "/api/v1/months/2024-07",
        "/api/v1/months/2024-07/incidents", "/api/v1/alerts", "/api/v1/alerts?since=2000-01-01T00:00:00Z",
        "/api/v1/months/2030-01", "/api/v1/months/2024-13")) {
      HttpResponse<String> a = get(first, path);
      HttpResponse<String> b = get(second, path);
      assertThat(b.statusCode()).as(path).isEqualTo(a.statusCode());
      assertThat(json(b)).as(path).isEqualTo(json(a));
    }

    JsonNode months = json(get(second, "/api/v1/months"));
    assertThat(months).hasSize(7);
    assertThat(months.get(6).get("year_to_date").get("criminal").asLong()).isEqualTo(6 * 4 + 15);
    assertThat(months.get(6).get("criminal_in_court").asLong()).isEqualTo(15);
    assertThat(json(get(first, "/api/v1/months?from=2024-03&to=2024-07"))).hasSize(5);
    assertThat(json(get(first, "/api/v1/months/2024-07/incidents"))).hasSize(15);
    assertThat(get(first, "/api/v1/months/2030-01").statusCode()).isEqualTo(404);
    assertThat(get(second, "/api/v1/months/2024-13").statusCode()).isEqualTo(400);
    JsonNode alerts = json(get(first, "/api/v1/alerts"));
    assertThat(alerts).extracting(a -> a.get("id").asText())
        .contains("criminal/month/2024-07", "criminal_administrative/month/2024-07");
    assertThat(json(get(first, "/api/v1/alerts?since=2999-01-01T00:00:00Z"))).isEmpty();
  }

  private static Map.Entry<String, EnrichedArticle> entry(EnrichedArticle article) {
    return new AbstractMap.SimpleEntry<>(article.getArticleId(), article);
  }
}
