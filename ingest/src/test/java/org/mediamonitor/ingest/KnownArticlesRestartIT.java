package org.mediamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mediamonitor.common.Topic;
import org.mediamonitor.common.TopicAdmin;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.config.Settings;
import org.mediamonitor.schema.RawArticle;
import org.mediamonitor.testkit.KafkaBrokerExtension;

/**
 * The on-disk known-articles store against a real broker: a restart reads only what others wrote
 * since, a re-created topic empties the store, and a store held by another process falls back to
 * the heap with nothing forgotten.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KnownArticlesRestartIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final AtomicInteger RUN = new AtomicInteger();
  private static final Duration ACK = Duration.ofSeconds(15);
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-02T08:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path stateDir;

  @TempDir
  Path spare;

  private Topic<String, RawArticle> raw;
  private Map<String, Object> client;

  @BeforeEach
  void setUp() {
    Settings settings = Settings.of(Map.of(
        CommonConfig.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers(),
        CommonConfig.TOPIC_PREFIX, "known-it-" + RUN.incrementAndGet() + "-"));
    CommonConfig common = CommonConfig.from(settings);
    IngestApp.ensureTopics(common, IngestConfig.from(settings));
    raw = common.topics().rawArticles();
    client = common.clientProperties();
  }

  private ArticlePublisher publisher(Path dir) {
    return ArticlePublisher.start(client, raw, ACK, 1 << 20, CLOCK, dir);
  }

  private static ArticleInput article(int i, String version) {
    String url = "https://vestnik-stepi.example/news/" + i;
    String body = "The district court in Aktobe fined the editor of Vestnik Stepi, Dana Oralova, in case " + i
        + ", version " + version + ".";
    return new ArticleInput(url, "Vestnik Stepi", "Case " + i, body, Instant.parse("2025-05-01T09:00:00Z"), "en");
  }

  private static List<PublishResult> publishAll(ArticlePublisher publisher, List<ArticleInput> inputs) {
    List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
    inputs.forEach(a -> futures.add(publisher.publish(a)));
    return futures.stream().map(CompletableFuture::join).toList();
  }

  private static List<ArticleInput> articles(int from, int to, String version) {
    List<ArticleInput> list = new ArrayList<>();
    for (int i = from; i < to; i++) {
      list.add(article(i, version));
    }
    return list;
  }

  private Map<Integer, Long> endOffsets() throws Exception {
    try (Admin admin = Admin.create(client)) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < raw.partitions(); p++) {
        latest.put(new TopicPartition(raw.name(), p), OffsetSpec.latest());
      }
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(latest).all()
          .get(30, TimeUnit.SECONDS);
      Map<Integer, Long> end = new HashMap<>();
      offsets.forEach((tp, info) -> end.put(tp.partition(), info.offset()));
      return end;
    }
  }

  @Test
  void aRestartReadsOnlyWhatAnotherWriterAddedAndForgetsNothing() throws Exception {
    try (ArticlePublisher first = publisher(stateDir)) {
      assertThat(publishAll(first, articles(0, 60, "a")))
          .allMatch(r -> r.status() == PublishResult.Status.PUBLISHED && r.revision() == 1);
    }
    // every acknowledgement followed the one before in its partition: the position is the topic's end
    try (DiskKnownArticles store = DiskKnownArticles.open(stateDir.resolve(raw.name()), CLOCK)) {
      assertThat(store.positions()).isEqualTo(endOffsets());
      assertThat(store.catchUp(client, raw, ACK)).as("records read at a restart").isZero();
      assertThat(store.size()).isEqualTo(60);
    }

    // another writer (a publisher without the store, as the publish command beside the service)
    try (ArticlePublisher other = publisher(null)) {
      assertThat(publishAll(other, List.of(article(100, "a"), article(3, "b"))))
          .extracting(PublishResult::revision).containsExactly(1, 2);
    }
    try (DiskKnownArticles store = DiskKnownArticles.open(stateDir.resolve(raw.name()), CLOCK)) {
      assertThat(store.catchUp(client, raw, ACK)).as("only the other writer's records").isEqualTo(2);
      assertThat(store.get(article(100, "a").id())).isNotNull();
      assertThat(store.get(article(3, "b").id()).revision()).isEqualTo(2);
      assertThat(store.size()).as("a new revision is not a new article").isEqualTo(61);
    }

    // the service again: what it published, and what the other writer did, is known
    try (ArticlePublisher again = publisher(stateDir)) {
      List<PublishResult> results = publishAll(again, List.of(article(0, "a"), article(3, "b"), article(100, "a"),
          article(7, "b"), article(200, "a")));
      assertThat(results).extracting(PublishResult::status).containsExactly(PublishResult.Status.UNCHANGED,
          PublishResult.Status.UNCHANGED, PublishResult.Status.UNCHANGED, PublishResult.Status.PUBLISHED,
          PublishResult.Status.PUBLISHED);
      assertThat(results).extracting(PublishResult::revision).containsExactly(1, 2, 1, 2, 1);
    }
    try (DiskKnownArticles store = DiskKnownArticles.open(stateDir.resolve(raw.name()), CLOCK)) {
      assertThat(store.positions()).isEqualTo(endOffsets());
      assertThat(store.size()).isEqualTo(62);
    }
  }

  @Test
  void aWriterInterleavedWhileTheServiceRunsIsReadAtTheNextStart() throws Exception {
    try (ArticlePublisher service = publisher(stateDir)) {
      publishAll(service, articles(0, 30, "a"));
      // another writer adds to every partition while the service runs
      try (ArticlePublisher other = publisher(null)) {
        publishAll(other, articles(500, 530, "a"));
      }
      // the service's next acknowledgements leave a gap behind them: its position must not jump it
      publishAll(service, articles(30, 60, "a"));
    }
    try (DiskKnownArticles store = DiskKnownArticles.open(stateDir.resolve(raw.name()), CLOCK)) {
      assertThat(store.get(article(510, "a").id())).as("not acknowledged to the service").isNull();
      long read = store.catchUp(client, raw, ACK);
      assertThat(read).as("at least the other writer's records").isGreaterThanOrEqualTo(30);
      for (int i = 500; i < 530; i++) {
        assertThat(store.get(article(i, "a").id())).as("article %d of the other writer", i).isNotNull();
      }
      assertThat(store.size()).isEqualTo(90);
      assertThat(store.positions()).isEqualTo(endOffsets());
    }
  }

  @Test
  void recordsOlderThanTheTombstoneRetentionAreReadFromTheBeginning() throws Exception {
    try (ArticlePublisher service = publisher(stateDir)) {
      publishAll(service, articles(0, 10, "a"));
    }
    try (ArticlePublisher other = publisher(null)) {
      publishAll(other, articles(10, 15, "a"));
    }
    Path copy = spare.resolve("copy");
    copyTree(stateDir, copy);
    // within delete.retention.ms (one day by default) of the position: the five new records only
    try (DiskKnownArticles store = DiskKnownArticles.open(stateDir.resolve(raw.name()),
        Clock.offset(CLOCK, Duration.ofHours(23)))) {
      assertThat(store.catchUp(client, raw, ACK)).isEqualTo(5);
    }
    // a day and more later a tombstone in that range may be compacted away: everything is read again
    try (DiskKnownArticles store = DiskKnownArticles.open(copy.resolve(raw.name()),
        Clock.offset(CLOCK, Duration.ofHours(25)))) {
      assertThat(store.catchUp(client, raw, ACK)).isEqualTo(15);
      assertThat(store.size()).isEqualTo(15);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, to.resolve(from.relativize(f).toString()));
      }
    }
  }

  @Test
  void aStoreWrittenForAnEarlierTopicOfTheSameNameIsEmptied() throws Exception {
    try (ArticlePublisher first = publisher(stateDir)) {
      publishAll(first, articles(0, 10, "a"));
    }
    try (Admin admin = Admin.create(client)) {
      admin.deleteTopics(List.of(raw.name())).all().get(30, TimeUnit.SECONDS);
    }
    // re-created, and longer than before, so the store's offsets alone would look plausible
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
      TopicAdmin.ensureTopics(client, List.of(raw));
      assertThat(endOffsets()).hasSize(raw.partitions());
    });
    try (ArticlePublisher other = publisher(null)) {
      publishAll(other, articles(50, 80, "a"));
    }
    try (ArticlePublisher again = publisher(stateDir)) {
      // an article of the old topic is new to this one; one of the new topic is known
      assertThat(again.knownArticles()).as("only the new topic's articles").isEqualTo(30);
      assertThat(publishAll(again, List.of(article(0, "a"), article(50, "a"))))
          .extracting(PublishResult::status)
          .containsExactly(PublishResult.Status.PUBLISHED, PublishResult.Status.UNCHANGED);
      assertThat(again.knownArticles()).isEqualTo(31);
    }
  }

  @Test
  void aStoreHeldByAnotherProcessFallsBackToTheHeapWithNothingForgotten() throws Exception {
    try (ArticlePublisher first = publisher(stateDir)) {
      publishAll(first, articles(0, 20, "a"));
    }
    try (DiskKnownArticles holder = DiskKnownArticles.open(stateDir.resolve(raw.name()), CLOCK)) {
      KnownArticles state = ArticlePublisher.loadState(client, raw, ACK, CLOCK, stateDir);
      try {
        assertThat(state).isInstanceOf(PublishedState.class);
        assertThat(state.size()).isEqualTo(20);
        assertThat(state.get(article(5, "a").id())).isNotNull();
      } finally {
        state.close();
      }
      assertThat(holder.get(article(5, "a").id())).as("the holder is untouched").isNotNull();
    }
  }
}
