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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 * The on-disk known-articles store against a real broker: what another writer publishes while the
 * service runs is known without a restart, a restart reads only what others wrote since, a
 * re-created topic empties the store, and a store held by another process falls back to the heap
 * with nothing forgotten.
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
  void aWriterInterleavedWhileTheServiceRunsIsKnownToTheServiceWithoutARestart() throws Exception {
    try (ArticlePublisher service = publisher(stateDir)) {
      publishAll(service, articles(0, 30, "a"));
      // another writer adds to every partition while the service runs
      try (ArticlePublisher other = publisher(null)) {
        publishAll(other, articles(500, 530, "a"));
        publishAll(other, List.of(article(7, "b")));
      }
      // the service's next acknowledgements land after the other writer's records in every partition
      publishAll(service, articles(30, 60, "a"));
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(service.knownArticles()).as("the service's 60 and the other writer's 30").isEqualTo(90));
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(service.knownArticlesBehind()).as("nothing left to apply").hasValue(0));
      // what the other writer published is not published again, and its new revision is the base of the next
      List<PublishResult> again = publishAll(service, List.of(article(510, "a"), article(7, "b"), article(7, "c")));
      assertThat(again).extracting(PublishResult::status).containsExactly(PublishResult.Status.UNCHANGED,
          PublishResult.Status.UNCHANGED, PublishResult.Status.PUBLISHED);
      assertThat(again).extracting(PublishResult::revision).containsExactly(1, 2, 3);
    }
    try (DiskKnownArticles store = DiskKnownArticles.open(stateDir.resolve(raw.name()), CLOCK)) {
      assertThat(store.positions()).as("the follower read to the end before closing").isEqualTo(endOffsets());
      assertThat(store.catchUp(client, raw, ACK)).as("records read at the next start").isZero();
      for (int i = 500; i < 530; i++) {
        assertThat(store.get(article(i, "a").id())).as("article %d of the other writer", i).isNotNull();
      }
      assertThat(store.get(article(7, "c").id()).revision()).isEqualTo(3);
      assertThat(store.size()).isEqualTo(90);
    }
  }

  @Test
  void anOlderRecordNeverReplacesALaterAcknowledgementNorALateAcknowledgementALaterRecord() throws Exception {
    String id = "follower-race-1";
    Map<String, Object> txProps = new HashMap<>(client);
    txProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, raw.name() + "-race");
    try (DiskKnownArticles store = DiskKnownArticles.open(stateDir.resolve(raw.name()), CLOCK);
        KafkaProducer<String, RawArticle> writer = new KafkaProducer<>(txProps, raw.keySerde().serializer(),
            raw.valueSerde().serializer())) {
      assertThat(store.catchUp(client, raw, ACK)).isZero();
      writer.initTransactions();
      // revisions 1 and 2 at offsets 0 and 2 (each followed by its commit marker); revision 3 at
      // offset 4, in a transaction still open, so the follower can read 1 and 2 but not yet 3
      for (int revision = 1; revision <= 2; revision++) {
        writer.beginTransaction();
        writer.send(record(id, revision)).get(30, TimeUnit.SECONDS);
        writer.commitTransaction();
      }
      writer.beginTransaction();
      writer.send(record(id, 3)).get(30, TimeUnit.SECONDS);
      // this publisher's acknowledgement of revision 3 comes before the follower reads the older ones
      store.acknowledged(id, hash(3), 3, 0, 4);
      store.follow(client, raw);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(store.positions()).containsEntry(0, 4L));
      assertThat(store.get(id).revision()).as("revisions 1 and 2, read after 3 was acknowledged").isEqualTo(3);
      writer.commitTransaction();

      // another writer deletes the article; an acknowledgement of the older record arrives after that
      writer.beginTransaction();
      writer.send(new ProducerRecord<>(raw.name(), 0, id, null)).get(30, TimeUnit.SECONDS);
      writer.commitTransaction();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(store.get(id)).isNull());
      store.acknowledged(id, hash(3), 3, 0, 4);
      assertThat(store.get(id)).as("a late acknowledgement of a record the follower already passed").isNull();
      assertThat(store.size()).isZero();
    }
  }

  private ProducerRecord<String, RawArticle> record(String id, int revision) {
    RawArticle article = RawArticle.newBuilder()
        .setId(id)
        .setUrl("https://vestnik-stepi.example/news/race")
        .setSource("Vestnik Stepi")
        .setTitle("Race")
        .setBody("Revision " + revision + " of the report on Dana Oralova.")
        .setLanguageHint("en")
        .setPublishedAt(Instant.parse("2025-05-01T09:00:00Z"))
        .setFetchedAt(Instant.parse("2025-05-01T09:00:00Z"))
        .setContentHash(hash(revision))
        .setRevision(revision)
        .build();
    return new ProducerRecord<>(raw.name(), 0, id, article);
  }

  private static String hash(int revision) {
    return ArticleIds.contentHash("Revision " + revision + " of the report on Dana Oralova.");
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
