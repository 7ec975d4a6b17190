package org.mediamonitor.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mediamonitor.aggregate.Counts;
import org.mediamonitor.schema.RawArticle;
import org.mediamonitor.testkit.KafkaBrokerExtension;

/**
 * The broker stopped and restarted in the middle of a stream of 5,000 articles, with ingest, enrich
 * and aggregate each in its own JVM: meanwhile ingest answers 503 rather than accepting an article
 * it cannot store; afterwards the tallies equal the fault-free ones exactly, the article posted again
 * is counted, and a read_committed consumer sees one enriched record per raw record.
 */
@Tag("faults")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BrokerRestartFaultIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.embedded();

  private static final List<RawArticle> INPUT = InventedArticles.generate(5_000, 4_242L);
  private static final String POSTED = """
      {"url": "https://kostanay-tribune.example/news/outage", "source": "Kostanay Tribune", "language": "en",
       "published_at": "2019-05-14T10:00:00+05:00",
       "body": "Police in Kostanay opened a criminal case against blogger Aliya Inventova under Article 274 of the Criminal Code (dissemination of knowingly false information) over a post about the outage."}
      """;

  private FaultRig rig;

  @BeforeEach
  void requireFaultInjection() {
    Assumptions.assumeTrue(KAFKA.supportsFaultInjection(), "fault tests need the embedded broker");
  }

  @AfterEach
  void tearDown() {
    KAFKA.startBroker();
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void shouldRefuseWhileTheBrokerIsDownAndCountExactlyOnceAfterItsRestart() throws IOException {
    rig = new FaultRig(KAFKA, "broker-restart");
    int ingestPort = FaultRig.freePort();
    int enrichPort = FaultRig.freePort();
    int aggregatePort = FaultRig.freePort();
    ChildProcess ingest = rig.startIngest("ingest", ingestPort, Duration.ofSeconds(3));
    ChildProcess enrich = rig.startEnrich("enrich", rig.stateDir("enrich"), enrichPort);
    ChildProcess aggregate = rig.startAggregate("aggregate", rig.stateDir("aggregate"), aggregatePort);
    rig.awaitRunning(ingestPort, "ingest", ingest);
    rig.awaitRunning(enrichPort, "enrich", enrich);
    rig.awaitRunning(aggregatePort, "aggregate", aggregate);

    List<RawArticle> first = INPUT.subList(0, INPUT.size() / 2);
    rig.produce(first);
    await("enrich has committed a part of the first half").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> rig.committed(rig.enrichApplicationId(), rig.topics().rawArticles().name()) >= first.size() / 5);

    KAFKA.stopBroker();
    long start = System.nanoTime();
    HttpResponse<String> refused = rig.post(ingestPort, "/api/v1/articles", POSTED);
    assertThat(refused.statusCode()).as("POST while the broker is down: " + refused.body()).isEqualTo(503);
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("answered within the ack timeout")
        .isLessThan(30);
    KAFKA.startBroker();

    List<HttpResponse<String>> accepted = new ArrayList<>();
    await("ingest accepts the article again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> {
          HttpResponse<String> r = rig.post(ingestPort, "/api/v1/articles", POSTED);
          accepted.add(r);
          return r.statusCode() == 202;
        });
    assertThat(accepted).extracting(HttpResponse::statusCode).as("answers after the restart").isSubsetOf(503, 202);
    String postedId = FaultRig.json(accepted.get(accepted.size() - 1)).get("id").asText();
    rig.produce(INPUT.subList(first.size(), INPUT.size()));

    rig.awaitCaughtUp(Duration.ofSeconds(120), ingest, enrich, aggregate);
    List<RawArticle> stored = rig.raw(INPUT.size() + 1).stream().map(ConsumerRecord::value).toList();
    Map<String, Long> storedPerRevision = stored.stream()
        .collect(Collectors.groupingBy(r -> r.getId() + "#" + r.getRevision(), Collectors.counting()));
    assertThat(INPUT).as("every produced revision stored once")
        .allMatch(r -> storedPerRevision.get(r.getId() + "#" + r.getRevision()) == 1L);
    assertThat(stored).as("the posted article is stored").anyMatch(r -> r.getId().equals(postedId));

    Map<String, ExpectedTallies.MonthFigures> expected = ExpectedTallies.of(stored);
    assertThat(expected.get("2019-05").computed().getCriminal())
        .as("the posted criminal case counts in May 2019").isGreaterThan(
            ExpectedTallies.of(INPUT).getOrDefault("2019-05", new ExpectedTallies.MonthFigures("2019-05",
                Counts.zero(), Counts.zero(), 0)).computed().getCriminal());
    assertThat(rig.publishedTallies()).as("monthly tallies on the compacted topic").isEqualTo(expected);
    rig.assertOneEnrichedRecordPerRevision(stored);
    await("the query API answers").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
        .until(() -> rig.months(aggregatePort) != null);
    assertThat(rig.months(aggregatePort)).as("GET /api/v1/months").isEqualTo(expected);
  }
}
