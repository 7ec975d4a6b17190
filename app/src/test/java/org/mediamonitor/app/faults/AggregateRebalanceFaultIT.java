package org.mediamonitor.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * A second aggregate instance joins in the middle of a stream of 5,000 articles and leaves again
 * while it still flows: the tallies equal the fault-free ones exactly, both instances answer the
 * complete result while both are up, the remaining one after the other left, and the first instance's
 * {@code GET /api/v1/months} answers 200 throughout, or 503 only while the tallies move.
 */
@Tag("faults")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AggregateRebalanceFaultIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.embedded();

  private static final List<RawArticle> INPUT = InventedArticles.generate(5_000, 99L);

  private FaultRig rig;
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();

  @BeforeEach
  void requireFaultInjection() {
    Assumptions.assumeTrue(KAFKA.supportsFaultInjection(), "fault tests need the embedded broker");
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    poller.shutdownNow();
    poller.awaitTermination(10, TimeUnit.SECONDS);
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void shouldKeepCountingExactlyAndAnsweringWhileASecondInstanceJoinsAndLeaves() throws IOException {
    rig = new FaultRig(KAFKA, "aggregate-rebalance");
    int enrichPort = FaultRig.freePort();
    int firstPort = FaultRig.freePort();
    int secondPort = FaultRig.freePort();
    ChildProcess enrich = rig.startEnrich("enrich", rig.stateDir("enrich"), enrichPort);
    ChildProcess first = rig.startAggregate("aggregate-1", rig.stateDir("aggregate-1"), firstPort);
    rig.awaitRunning(enrichPort, "enrich", enrich);
    rig.awaitRunning(firstPort, "aggregate", first);

    // every answer of the first instance, from now to the end
    ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
    poller.scheduleWithFixedDelay(() -> {
      try {
        answers.add(Integer.toString(rig.get(firstPort, "/api/v1/months").statusCode()));
      } catch (RuntimeException e) {
        answers.add(e.toString());
      }
    }, 0, 250, TimeUnit.MILLISECONDS);

    int a = INPUT.size() * 2 / 5;
    int b = INPUT.size() * 7 / 10;
    String enriched = rig.topics().enrichedArticles().name();
    rig.produce(INPUT.subList(0, a));
    await("aggregate has committed a part of the first chunk").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> rig.committed(rig.aggregateApplicationId(), enriched) >= a / 5);
    ChildProcess second = rig.startAggregate("aggregate-2", rig.stateDir("aggregate-2"), secondPort);
    rig.awaitRunning(secondPort, "aggregate", second);
    rig.produce(INPUT.subList(a, b));

    Map<String, ExpectedTallies.MonthFigures> expectedSoFar = ExpectedTallies.of(INPUT.subList(0, b));
    rig.awaitCaughtUp(Duration.ofSeconds(90), enrich, first, second);
    for (int port : new int[] {firstPort, secondPort}) {
      await("complete answer from the instance on port " + port).atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> expectedSoFar.equals(rig.months(port)));
    }

    long committedBefore = rig.committed(rig.aggregateApplicationId(), enriched);
    rig.produce(INPUT.subList(b, INPUT.size()));
    await("aggregate has committed a part of the last chunk").atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> rig.committed(rig.aggregateApplicationId(), enriched) >= committedBefore + (INPUT.size() - b) / 5);
    second.stop();
    // a JVM ended by SIGTERM exits with 143 even when its shutdown hook finished cleanly
    assertThat(second.exitCode()).as("aggregate-2 stopped by SIGTERM (" + second.log() + ")").isIn(0, 143);
    // the close call's own line: the state listener's "-> NOT_RUNNING" comes from Streams' close
    // thread and may not be written before the JVM exits once close has returned
    assertThat(Files.readString(second.log())).as("aggregate-2 closed its Streams client")
        .contains("aggregate: closed (NOT_RUNNING)");

    Map<String, ExpectedTallies.MonthFigures> expected = ExpectedTallies.of(INPUT);
    rig.awaitCaughtUp(Duration.ofSeconds(90), enrich, first);
    assertThat(rig.publishedTallies()).as("monthly tallies on the compacted topic").isEqualTo(expected);
    await("complete answer from the remaining instance").atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> expected.equals(rig.months(firstPort)));
    rig.assertOneEnrichedRecordPerRevision(INPUT);

    poller.shutdownNow();
    assertThat(answers).as("answers of GET /api/v1/months on the first instance").isNotEmpty()
        .allMatch(s -> s.equals("200") || s.equals("503"));
    assertThat(answers.stream().filter("200"::equals).count()).as("answers with 200")
        .isGreaterThan(answers.size() / 2);
  }
}
