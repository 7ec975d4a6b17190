package org.mediamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mediamonitor.common.Topics;
import org.mediamonitor.schema.RawArticle;

class PublishedStateTest {

  private static final Instant NOW = Instant.parse("2025-03-14T06:00:00Z");

  private static String id(int i) {
    return ArticleIds.id("https://example.kz/news/" + i, "x");
  }

  private static String hash(int i, int revision) {
    return ArticleIds.contentHash("Story " + i + ", version " + revision + ".");
  }

  @Test
  void manyIdsKeepTheirOwnHashAndRevision() {
    PublishedState state = new PublishedState();
    int n = 300_000;
    for (int i = 0; i < n; i++) {
      state.put(id(i), hash(i, 1 + i % 5), 1 + i % 5);
    }
    assertThat(state.size()).isEqualTo(n);
    for (int i = 0; i < n; i++) {
      PublishedState.Known known = state.get(id(i));
      assertThat(known).as("article %d", i).isNotNull();
      assertThat(known.revision()).as("revision of %d", i).isEqualTo(1 + i % 5);
      assertThat(known.sameContent(hash(i, 1 + i % 5))).as("content of %d", i).isTrue();
      assertThat(known.sameContent(hash(i, 2 + i % 5))).as("changed content of %d", i).isFalse();
    }
    for (int i = n; i < n + 10_000; i++) {
      assertThat(state.get(id(i))).as("never published %d", i).isNull();
    }
    // far below the ~150 bytes an article of a map of strings
    assertThat(state.bytesAllocated() / n).isLessThan(64);
  }

  @Test
  void aRevisionCanGoBackToOneAndARemovedIdIsNew() {
    PublishedState state = new PublishedState();
    state.put("a", hash(1, 1), 3);
    state.put("a", hash(1, 2), 1);
    assertThat(state.get("a")).isEqualTo(new PublishedState.Known(PublishedState.prefix(hash(1, 2)), 1));
    state.put("b", hash(2, 1), 7);
    state.remove("b");
    assertThat(state.get("b")).isNull();
    state.put("b", hash(2, 1), 1);
    assertThat(state.get("b").revision()).isEqualTo(1);
    assertThat(state.size()).isEqualTo(2);
  }

  @Test
  void keysThatAreNotArticleIdsAreKeptApart() {
    PublishedState state = new PublishedState();
    String id = id(1);
    List<String> keys = List.of(id, id.toUpperCase(Locale.ROOT), "article-1", "article-2", "",
        "00000000000000000000000000000001", "00000000000000000000000000000002");
    for (int i = 0; i < keys.size(); i++) {
      state.put(keys.get(i), hash(i, 1), i + 1);
    }
    for (int i = 0; i < keys.size(); i++) {
      assertThat(state.get(keys.get(i))).as(keys.get(i))
          .isEqualTo(new PublishedState.Known(PublishedState.prefix(hash(i, 1)), i + 1));
    }
  }

  @Test
  void aContentHashThatIsNotHexIsStillRecognised() {
    PublishedState state = new PublishedState();
    state.put("a", "not-a-hash", 2);
    assertThat(state.get("a").sameContent("not-a-hash")).isTrue();
    assertThat(state.get("a").sameContent(hash(1, 1))).isFalse();
  }

  /** The state read back from the topic, as the old map of strings would have held it. */
  @Test
  void stateLoadedFromRecordsMatchesAMapOfEveryIdAndPublishesTheSame() throws Exception {
    Random random = new Random(11);
    List<Map.Entry<String, RawArticle>> records = new ArrayList<>();
    Map<String, PublishedState.Known> expected = new HashMap<>();
    for (int n = 0; n < 50_000; n++) {
      int i = random.nextInt(20_000);
      String key = id(i);
      int what = random.nextInt(20);
      if (what == 0) {
        records.add(new AbstractMap.SimpleImmutableEntry<>(key, null));
        expected.remove(key);
        continue;
      }
      int revision = expected.containsKey(key) ? expected.get(key).revision() + 1 : 1;
      String body = "Story " + i + ", version " + revision + ".";
      // one record in twenty is of schema v1: no content hash, which the load derives from the body
      String hash = what == 1 ? "" : ArticleIds.contentHash(body);
      records.add(Map.entry(key, raw(key, body, hash, revision)));
      expected.put(key, PublishedState.Known.of(ArticleIds.contentHash(body), revision));
    }
    PublishedState state = new PublishedState();
    state.apply(null, raw("ignored", "No key.", "", 1));
    for (Map.Entry<String, RawArticle> r : records) {
      state.apply(r.getKey(), r.getValue());
    }
    assertThat(state.size()).isEqualTo(expected.size());
    for (int i = 0; i < 20_000; i++) {
      assertThat(state.get(id(i))).as("article %d", i).isEqualTo(expected.get(id(i)));
    }

    // a publisher on the loaded state answers as one on the map would have: unchanged, next revision, new
    MockProducer<String, RawArticle> producer = new MockProducer<>(true, null, new StringSerializer(),
        Topics.defaults().rawArticles().valueSerde().serializer());
    ArticlePublisher publisher = new ArticlePublisher(producer, "raw", state, Clock.fixed(NOW, ZoneOffset.UTC),
        Duration.ofSeconds(1), Runnable::run);
    for (int i = 0; i < 2_000; i++) {
      PublishedState.Known known = expected.get(id(i));
      if (known == null) {
        assertThat(publisher.publish(article(i, "Fresh story " + i + ".")).get())
            .isEqualTo(new PublishResult(id(i), 1, PublishResult.Status.PUBLISHED));
        continue;
      }
      assertThat(publisher.publish(article(i, "Story " + i + ", version " + known.revision() + ".")).get())
          .isEqualTo(new PublishResult(id(i), known.revision(), PublishResult.Status.UNCHANGED));
      assertThat(publisher.publish(article(i, "Story " + i + ", corrected.")).get())
          .isEqualTo(new PublishResult(id(i), known.revision() + 1, PublishResult.Status.PUBLISHED));
    }
  }

  /** What a restarted ingest reads from the topic is what this run published: it republishes nothing. */
  @Test
  void aRestartFromThePublishedRecordsRepublishesNothing() throws Exception {
    MockProducer<String, RawArticle> producer = new MockProducer<>(true, null, new StringSerializer(),
        Topics.defaults().rawArticles().valueSerde().serializer());
    ArticlePublisher first = new ArticlePublisher(producer, "raw", new PublishedState(),
        Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(1), Runnable::run);
    for (int i = 0; i < 3_000; i++) {
      first.publish(article(i, "Story " + i + ".")).get();
      if (i % 3 == 0) {
        first.publish(article(i, "Story " + i + ", updated.")).get();
      }
    }
    PublishedState reloaded = new PublishedState();
    for (ProducerRecord<String, RawArticle> r : producer.history()) {
      reloaded.apply(r.key(), r.value());
    }
    MockProducer<String, RawArticle> after = new MockProducer<>(true, null, new StringSerializer(),
        Topics.defaults().rawArticles().valueSerde().serializer());
    ArticlePublisher second = new ArticlePublisher(after, "raw", reloaded, Clock.fixed(NOW, ZoneOffset.UTC),
        Duration.ofSeconds(1), Runnable::run);
    assertThat(second.knownArticles()).isEqualTo(first.knownArticles()).isEqualTo(3_000);
    for (int i = 0; i < 3_000; i++) {
      String body = i % 3 == 0 ? "Story " + i + ", updated." : "Story " + i + ".";
      assertThat(second.publish(article(i, body)).get())
          .isEqualTo(new PublishResult(id(i), i % 3 == 0 ? 2 : 1, PublishResult.Status.UNCHANGED));
    }
    assertThat(after.history()).isEmpty();
  }

  /**
   * Publishes run on HTTP, folder-watcher and feed threads while acknowledgements write from the
   * producer's. Unguarded, the primitive map loses entries or, mid-rehash, probes forever: hence
   * the timeout, so a regression fails instead of hanging the build.
   */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void concurrentWritersAndReadersLoseNothing() throws Exception {
    PublishedState state = new PublishedState();
    int threads = 4;
    int perThread = 50_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int base = t * perThread;
        done.add(pool.submit(() -> {
          for (int i = base; i < base + perThread; i++) {
            state.put(id(i), hash(i, 2), 2);
            // reads of other threads' ids while the table grows
            state.get(id((i * 7) % (threads * perThread)));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(state.size()).isEqualTo(threads * perThread);
    for (int i = 0; i < threads * perThread; i++) {
      assertThat(state.get(id(i))).as("article %d", i)
          .isEqualTo(new PublishedState.Known(PublishedState.prefix(hash(i, 2)), 2));
    }
  }

  private static ArticleInput article(int i, String body) {
    return new ArticleInput("https://example.kz/news/" + i, "Example Times", "A title", body,
        Instant.parse("2025-03-13T04:30:00Z"), "ru");
  }

  private static RawArticle raw(String id, String body, String hash, int revision) {
    return RawArticle.newBuilder()
        .setId(id)
        .setUrl(null)
        .setSource("Example Times")
        .setTitle("A title")
        .setBody(body)
        .setLanguageHint("ru")
        .setPublishedAt(NOW)
        .setFetchedAt(NOW)
        .setContentHash(hash)
        .setRevision(revision)
        .build();
  }
}
