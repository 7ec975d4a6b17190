package org.mediamonitor.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mediamonitor.schema.RawArticle;
import org.mediamonitor.testkit.KafkaBrokerExtension;

/**
 * kill -9 of the enrich or the aggregate process (a child JVM) in the middle of a stream of 5,000
 * articles, then a restart on the same state directory and application id: the final monthly tallies
 * equal the fault-free ones exactly, and a read_committed consumer of the enriched topic sees exactly
 * one record per article revision.
 */
@Tag("faults")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ChildKillFaultIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.embedded();

  private static final int ARTICLES = 5_000;
  private static final List<RawArticle> INPUT = InventedArticles.generate(ARTICLES, 20_251_125L);
  private static final Map<String, ExpectedTallies.MonthFigures> EXPECTED = ExpectedTallies.of(INPUT);
  /** SIGKILL's exit status: 128 + 9. */
  private static final int KILLED = 137;

  private FaultRig rig;

  @BeforeEach
  void requireFaultInjection() {
    Assumptions.assumeTrue(KAFKA.supportsFaultInjection(), "fault tests need the embedded broker");
  }

  @AfterEach
  void tearDown() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void shouldCountExactlyOnceWhenEnrichIsKilledMidStreamAndRestarted() throws IOException {
    rig = new FaultRig(KAFKA, "kill-enrich");
    Path enrichState = rig.stateDir("enrich");
    int enrichPort = FaultRig.freePort();
    int aggregatePort = FaultRig.freePort();
    ChildProcess enrich = rig.startEnrich("enrich-1", enrichState, enrichPort);
    ChildProcess aggregate = rig.startAggregate("aggregate", rig.stateDir("aggregate"), aggregatePort);
    rig.awaitRunning(enrichPort, "enrich", enrich);
    rig.awaitRunning(aggregatePort, "aggregate", aggregate);

    List<RawArticle> first = INPUT.subList(0, INPUT.size() / 2);
    rig.produce(first);
    String raw = rig.topics().rawArticles().name();
    await("enrich has committed a part of the first half").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> rig.committed(rig.enrichApplicationId(), raw) >= first.size() / 5);
    enrich.kill();
    long atKill = rig.committed(rig.enrichApplicationId(), raw);
    assertThat(enrich.exitCode()).as("killed by SIGKILL").isEqualTo(KILLED);

    rig.produce(INPUT.subList(first.size(), INPUT.size()));
    ChildProcess restarted = rig.startEnrich("enrich-2", enrichState, FaultRig.freePort());

    rig.awaitCaughtUp(Duration.ofSeconds(120), restarted, aggregate);
    assertThat(atKill).as("committed by enrich when it was killed").isLessThan(INPUT.size());
    assertFinalResult(aggregatePort);
  }

  @Test
  void shouldCountExactlyOnceWhenAggregateIsKilledMidStreamAndRestarted() throws IOException {
    rig = new FaultRig(KAFKA, "kill-aggregate");
    Path aggregateState = rig.stateDir("aggregate");
    int enrichPort = FaultRig.freePort();
    int aggregatePort = FaultRig.freePort();
    ChildProcess enrich = rig.startEnrich("enrich", rig.stateDir("enrich"), enrichPort);
    ChildProcess aggregate = rig.startAggregate("aggregate-1", aggregateState, aggregatePort);
    rig.awaitRunning(enrichPort, "enrich", enrich);
    rig.awaitRunning(aggregatePort, "aggregate", aggregate);

    List<RawArticle> first = INPUT.subList(0, INPUT.size() / 2);
    rig.produce(first);
    String enriched = rig.topics().enrichedArticles().name();
    await("aggregate has committed a part of the first half").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> rig.committed(rig.aggregateApplicationId(), enriched) >= first.size() / 5);
    aggregate.kill();
    long atKill = rig.committed(rig.aggregateApplicationId(), enriched);
    assertThat(aggregate.exitCode()).as("killed by SIGKILL").isEqualTo(KILLED);

    rig.produce(INPUT.subList(first.size(), INPUT.size()));
    int restartedPort = FaultRig.freePort();
    ChildProcess restarted = rig.startAggregate("aggregate-2", aggregateState, restartedPort);

    rig.awaitCaughtUp(Duration.ofSeconds(120), enrich, restarted);
    assertThat(atKill).as("committed by aggregate when it was killed").isLessThan(INPUT.size());
    assertFinalResult(restartedPort);
  }

  private void assertFinalResult(int aggregatePort) {
    assertThat(ExpectedTallies.total(EXPECTED).getCriminal()).as("the input holds criminal cases").isPositive();
    assertThat(rig.publishedTallies()).as("monthly tallies on the compacted topic").isEqualTo(EXPECTED);
    rig.assertOneEnrichedRecordPerRevision(INPUT);
    await("the query API answers").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
        .until(() -> rig.months(aggregatePort) != null);
    assertThat(rig.months(aggregatePort)).as("GET /api/v1/months").isEqualTo(EXPECTED);
  }
}
