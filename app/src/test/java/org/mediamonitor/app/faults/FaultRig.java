package org.mediamonitor.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.mediamonitor.aggregate.AggregateTopology;
import org.mediamonitor.common.Json;
import org.mediamonitor.common.TopicAdmin;
import org.mediamonitor.common.Topics;
import org.mediamonitor.common.serde.WireFormat;
import org.mediamonitor.schema.EnrichedArticle;
import org.mediamonitor.schema.MonthlyCharges;
import org.mediamonitor.schema.RawArticle;
import org.mediamonitor.testkit.KafkaBrokerExtension;
import org.mediamonitor.testkit.TestRecords;

/**
 * One fault test's world on the shared broker: its own topic prefix and application ids (so tests
 * never see each other's records or groups), child services, and the reads a test asserts on.
 */
final class FaultRig implements AutoCloseable {

  static final int PARTITIONS = 3;
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);

  private final KafkaBrokerExtension kafka;
  private final String run;
  private final Topics topics;
  private final Path workDir;
  private final Path logDir;
  private final List<ChildProcess> children = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private volatile String lastLag = "not checked yet";

  FaultRig(KafkaBrokerExtension kafka, String testName) throws IOException {
    this.kafka = kafka;
    this.run = testName.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
    this.topics = Topics.create(prefix(), PARTITIONS, WireFormat.singleObject());
    this.workDir = Files.createTempDirectory("media-monitor-faults-");
    // logs stay after the test (under target/ in a Maven build) so that a failure can be read
    this.logDir = Path.of("target", "fault-logs", run);
    TopicAdmin.ensureTopics(clientProps(), topics.all());
  }

  String prefix() {
    return "faults-" + run + "-";
  }

  String enrichApplicationId() {
    return "faults-" + run + "-enrich";
  }

  String aggregateApplicationId() {
    return "faults-" + run + "-aggregate";
  }

  Topics topics() {
    return topics;
  }

  Path stateDir(String name) throws IOException {
    return Files.createDirectories(workDir.resolve(name));
  }

  Map<String, Object> clientProps() {
    Map<String, Object> props = kafka.clientProps();
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
    return props;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  /** {@code media-monitor enrich} in a child JVM; the same state dir and application id make it a restart. */
  ChildProcess startEnrich(String name, Path stateDir, int httpPort) {
    Map<String, String> env = commonEnv();
    env.put("MEDIA_MONITOR_ENRICH_APPLICATION_ID", enrichApplicationId());
    env.put("MEDIA_MONITOR_ENRICH_STATE_DIR", stateDir.toString());
    return start(name, "enrich", httpPort, env);
  }

  /** {@code media-monitor aggregate} in a child JVM, advertising {@code localhost:httpPort} to the others. */
  ChildProcess startAggregate(String name, Path stateDir, int httpPort) {
    Map<String, String> env = commonEnv();
    env.put("MEDIA_MONITOR_AGGREGATE_APPLICATION_ID", aggregateApplicationId());
    env.put("MEDIA_MONITOR_AGGREGATE_STATE_DIR", stateDir.toString());
    env.put("MEDIA_MONITOR_AGGREGATE_QUERY_TIMEOUT_MS", "5000");
    return start(name, "aggregate", httpPort, env);
  }

  /** {@code media-monitor ingest} in a child JVM with a short acknowledgement timeout. */
  ChildProcess startIngest(String name, int httpPort, Duration ackTimeout) {
    Map<String, String> env = commonEnv();
    env.put("MEDIA_MONITOR_INGEST_ACK_TIMEOUT_MS", Long.toString(ackTimeout.toMillis()));
    return start(name, "ingest", httpPort, env);
  }

  private Map<String, String> commonEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("MEDIA_MONITOR_TOPIC_PREFIX", prefix());
    env.put("MEDIA_MONITOR_TOPIC_PARTITIONS", Integer.toString(PARTITIONS));
    // A SIGKILLed member stays in its group until its session expires (45 s by default), and the
    // restarted one waits for that rebalance; a short session keeps each test within its budget.
    env.put("KAFKA_SESSION_TIMEOUT_MS", "6000");
    env.put("KAFKA_HEARTBEAT_INTERVAL_MS", "1500");
    return env;
  }

  private ChildProcess start(String name, String command, int httpPort, Map<String, String> env) {
    ChildProcess child = ChildProcess.start(name, List.of(command, "--bootstrap-servers", kafka.bootstrapServers(),
        "--http-port", Integer.toString(httpPort)), env, logDir.resolve(name + ".log"));
    children.add(child);
    return child;
  }

  /** Produces the records in order, keyed by article id, with an idempotent producer. */
  void produce(List<RawArticle> records) {
    TestRecords.produce(clientProps(), topics.rawArticles().name(), Serdes.String().serializer(),
        topics.rawArticles().valueSerde().serializer(),
        records.stream().map(r -> (Map.Entry<String, RawArticle>) new AbstractMap.SimpleEntry<>(r.getId(), r)).toList());
  }

  /** The monthly tallies as a read_committed consumer sees them at the end of the compacted topic. */
  Map<String, ExpectedTallies.MonthFigures> publishedTallies() {
    Map<String, ExpectedTallies.MonthFigures> last = new TreeMap<>();
    for (ConsumerRecord<String, MonthlyCharges> r : TestRecords.consumeAll(clientProps(),
        topics.monthlyTallies().name(), Serdes.String().deserializer(), topics.monthlyTallies().valueSerde().deserializer(),
        0, READ_TIMEOUT)) {
      if (r.value() == null) {
        last.remove(r.key());
      } else {
        last.put(r.key(), ExpectedTallies.MonthFigures.of(r.value()));
      }
    }
    return last;
  }

  /** Every committed record of the enriched topic, read with read_committed isolation. */
  List<ConsumerRecord<String, EnrichedArticle>> enriched(int atLeast) {
    return TestRecords.consumeAll(clientProps(), topics.enrichedArticles().name(), Serdes.String().deserializer(),
        topics.enrichedArticles().valueSerde().deserializer(), atLeast, READ_TIMEOUT);
  }

  /** Every record of the raw topic. */
  List<ConsumerRecord<String, RawArticle>> raw(int atLeast) {
    return TestRecords.consumeAll(clientProps(), topics.rawArticles().name(), Serdes.String().deserializer(),
        topics.rawArticles().valueSerde().deserializer(), atLeast, READ_TIMEOUT);
  }

  /**
   * Asserts that a read_committed consumer of the enriched topic sees exactly one record per raw
   * record: one per article revision when each revision was produced once.
   */
  void assertOneEnrichedRecordPerRevision(List<RawArticle> produced) {
    Map<String, Long> expected = produced.stream()
        .collect(Collectors.groupingBy(r -> r.getId() + "#" + r.getRevision(), TreeMap::new, Collectors.counting()));
    Map<String, Long> seen = enriched(produced.size()).stream()
        .collect(Collectors.groupingBy(r -> r.key() + "#" + r.value().getRevision(), TreeMap::new, Collectors.counting()));
    Map<String, String> wrong = new TreeMap<>();
    expected.forEach((k, n) -> {
      if (!n.equals(seen.get(k))) {
        wrong.put(k, "produced " + n + ", enriched " + seen.get(k));
      }
    });
    seen.forEach((k, n) -> {
      if (!expected.containsKey(k)) {
        wrong.put(k, "produced 0, enriched " + n);
      }
    });
    assertThat(wrong).as("article revisions a read_committed consumer of the enriched topic sees a wrong number of times")
        .isEmpty();
  }

  /** Records the group has committed on a topic: under exactly-once, what it has processed and published. */
  long committed(String group, String topic) {
    try (Admin admin = Admin.create(clientProps())) {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS)
          .entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset()).sum();
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * True when both Streams applications have committed every record of their input topics (the
   * aggregate's repartition topics included), checked upstream first: what enrich committed was
   * written in the same transaction as its output, so an aggregate caught up after that has seen it.
   */
  boolean caughtUp() throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
    try (Admin admin = Admin.create(clientProps())) {
      if (!caughtUp(admin, enrichApplicationId(), Set.of(topics.rawArticles().name()))) {
        return false;
      }
      String app = aggregateApplicationId();
      for (String topic : List.of(topics.enrichedArticles().name(),
          app + "-" + AggregateTopology.BY_STORY_REPARTITION + "-repartition",
          app + "-" + AggregateTopology.BY_JURISDICTION_REPARTITION + "-repartition")) {
        if (!caughtUp(admin, app, Set.of(topic))) {
          return false;
        }
      }
      return true;
    }
  }

  /** Where {@link #caughtUp()} last found a group behind: for the message of a test that timed out. */
  String lastLag() {
    return lastLag;
  }

  private boolean caughtUp(Admin admin, String group, Set<String> topicNames)
      throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
    Map<String, org.apache.kafka.clients.admin.TopicDescription> described =
        admin.describeTopics(topicNames).allTopicNames().get(5, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
    described.values().forEach(d -> d.partitions()
        .forEach(p -> ends.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(ends).all().get(5, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
    Map<TopicPartition, String> behind = new TreeMap<>(Comparator.comparing(TopicPartition::toString));
    end.forEach((tp, info) -> {
      OffsetAndMetadata c = committed.get(tp);
      if (info.offset() != (c == null ? 0 : c.offset())) {
        behind.put(tp, "end " + info.offset() + ", committed " + (c == null ? "none" : c.offset()));
      }
    });
    if (!behind.isEmpty()) {
      lastLag = group + " behind on " + behind;
    }
    return behind.isEmpty();
  }

  /** Waits until the child's Streams client (or ingest) is RUNNING, failing at once if the child died. */
  void awaitRunning(int port, String service, ChildProcess child) {
    Awaitility.await(service + " RUNNING (" + child + ")").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> {
          assertThat(child.alive()).as(child + " alive").isTrue();
          return running(port, service);
        });
  }

  /** Waits until {@link #caughtUp()}, failing at once if one of {@code services} died. */
  void awaitCaughtUp(Duration atMost, ChildProcess... services) {
    try {
      Awaitility.await("both applications committed all their input").atMost(atMost)
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptionsMatching(e -> !(e instanceof AssertionError))
          .until(() -> {
            for (ChildProcess s : services) {
              assertThat(s.alive()).as(s + " alive").isTrue();
            }
            return caughtUp();
          });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "; last seen: " + lastLag + "; logs: " + logDir, e);
    }
  }

  HttpResponse<String> get(int port, String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " on port " + port + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> post(int port, String path, String json) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("POST " + path + " on port " + port + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** True when the child's {@code /health} reports its Streams client (or ingest) RUNNING / UP. */
  boolean running(int port, String service) {
    try {
      HttpResponse<String> r = get(port, "/health");
      if (r.statusCode() != 200) {
        return false;
      }
      JsonNode s = json(r).path("services").path(service);
      return !s.has("state") || "RUNNING".equals(s.get("state").asText());
    } catch (IllegalStateException e) {
      return false; // not listening yet
    }
  }

  /** {@code GET /api/v1/months} as month figures, or null when the answer is not 200. */
  Map<String, ExpectedTallies.MonthFigures> months(int port) {
    HttpResponse<String> r = get(port, "/api/v1/months");
    if (r.statusCode() != 200) {
      return null;
    }
    Map<String, ExpectedTallies.MonthFigures> out = new TreeMap<>();
    json(r).forEach(m -> out.put(m.get("month").asText(), ExpectedTallies.MonthFigures.of(m)));
    return out;
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + response.body(), e);
    }
  }

  @Override
  public void close() {
    for (ChildProcess child : children) {
      child.close();
    }
    try (Stream<Path> files = Files.walk(workDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temp dir left behind is harmless
    }
  }
}
