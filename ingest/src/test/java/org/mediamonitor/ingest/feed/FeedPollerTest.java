package org.mediamonitor.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mediamonitor.ingest.ArticleInput;
import org.mediamonitor.ingest.ArticleParser;
import org.mediamonitor.ingest.InvalidArticleException;
import org.mediamonitor.ingest.PublishResult;
import org.mediamonitor.schema.FeedCheckpoint;

/** Poll logic on a local HTTP server, an in-memory checkpoint store and a fake publisher; no broker. */
class FeedPollerTest {

  private static final Instant NOW = Instant.parse("2025-03-15T00:00:00Z");

  private FeedServer server;
  private final Map<String, FeedCheckpoint> saved = new HashMap<>();
  private final List<ArticleInput> published = new ArrayList<>();
  private final AtomicBoolean brokerDown = new AtomicBoolean();

  private final CheckpointStore store = new CheckpointStore() {
    @Override
    public Map<String, FeedCheckpoint> load() {
      return Map.copyOf(saved);
    }

    @Override
    public CompletableFuture<Void> save(FeedCheckpoint checkpoint) {
      saved.put(checkpoint.getFeedUrl(), checkpoint);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {}
  };

  @BeforeEach
  void setUp() throws Exception {
    server = new FeedServer();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private final List<String> rejected = new ArrayList<>();

  private FeedPoller poller(FeedSpec feed) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    FeedConfig config = FeedConfig.defaults();
    FeedPoller.ArticleSink sink = new FeedPoller.ArticleSink() {
      @Override
      public CompletableFuture<PublishResult> publish(ArticleInput article) {
        return FeedPollerTest.this.publish(article);
      }

      @Override
      public void reject(InvalidArticleException error, byte[] original, String origin) {
        rejected.add(error.rejection().code() + " " + origin + " " + new String(original, StandardCharsets.UTF_8));
      }
    };
    return new FeedPoller(List.of(feed), config, new FeedHttp(Duration.ofSeconds(5), "test-agent", 1 << 20, 1 << 20, true),
        store, true, sink, new ArticleParser(1 << 20, clock), Duration.ofSeconds(1),
        new SimpleMeterRegistry(), clock);
  }

  @Test
  void shouldHandARefusedItemToTheDeadLettersWithTheItemAsRead() throws Exception {
    String longTitle = "Title ".repeat(500);
    String feedXml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Invented Wire</title>"
        + "<item><title>" + longTitle + "</title><link>" + server.url("/r/long") + "</link><guid>long-1</guid>"
        + "<description>" + "An invented report about a court hearing. ".repeat(20) + "</description></item>"
        + "<item><title>Fine</title><link>" + server.url("/r/fine") + "</link><guid>fine-1</guid>"
        + "<description>" + "An invented report about a newsroom search. ".repeat(20) + "</description></item>"
        + "</channel></rss>";
    server.put("/rss.xml", feedXml, "application/rss+xml");
    FeedSpec feed = FeedSpec.of(server.url("/rss.xml"), Duration.ofMinutes(1), "Invented Wire", "en");

    poller(feed).pollAllOnce();

    assertThat(published).extracting(ArticleInput::title).containsExactly("Fine");
    assertThat(rejected).singleElement().satisfies(r -> assertThat(r)
        .startsWith("invalid_field " + feed.url() + "#long-1")
        .contains("\"link\":\"" + server.url("/r/long") + "\""));
  }

  private CompletableFuture<PublishResult> publish(ArticleInput article) {
    if (brokerDown.get()) {
      return CompletableFuture.failedFuture(new TimeoutException("no broker"));
    }
    published.add(article);
    return CompletableFuture.completedFuture(new PublishResult(article.id(), 1, PublishResult.Status.PUBLISHED));
  }

  private String atom(int entries) {
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
        + "<title>Invented Wire</title><id>urn:wire</id><updated>2025-03-14T10:00:00Z</updated>");
    for (int i = entries; i >= 1; i--) {
      s.append("<entry><title>Report ").append(i).append("</title><id>urn:wire:").append(i).append("</id>")
          .append("<link href=\"").append(server.url("/r/" + i)).append("\"/>")
          .append("<updated>2025-03-1").append(i).append("T10:00:00Z</updated>")
          .append("<content type=\"text\">").append(("Invented report number " + i + ". ").repeat(30))
          .append("</content></entry>");
    }
    return s.append("</feed>").toString();
  }

  @Test
  void shouldKeepTheValidatorsBackUntilEveryItemIsPublished() throws Exception {
    server.put("/wire.xml", atom(2), "application/atom+xml");
    FeedSpec feed = FeedSpec.of(server.url("/wire.xml"), Duration.ofMinutes(1), "Invented Wire", "en");
    FeedPoller poller = poller(feed);

    brokerDown.set(true);
    poller.pollAllOnce();

    assertThat(published).isEmpty();
    assertThat(saved).doesNotContainKey(feed.key());
    assertThat(poller.status().get(0).consecutiveFailures()).isEqualTo(1);

    brokerDown.set(false);
    poller.pollAllOnce();

    // no 304: the document is fetched again in full and both entries are published, oldest first
    assertThat(server.notModified("/wire.xml")).isZero();
    assertThat(published).extracting(ArticleInput::title).containsExactly("Report 1", "Report 2");
    assertThat(published).allSatisfy(a -> {
      assertThat(a.source()).isEqualTo("Invented Wire");
      assertThat(a.language()).isEqualTo("en");
    });
    assertThat(saved.get(feed.key()).getEtag()).isNotNull();
    assertThat(saved.get(feed.key()).getSeenItemIds()).hasSize(2);
    assertThat(poller.status().get(0).consecutiveFailures()).isZero();
    assertThat(poller.status().get(0).lastSuccess()).isEqualTo(NOW);

    poller.pollAllOnce();

    assertThat(server.notModified("/wire.xml")).isEqualTo(1);
    assertThat(published).hasSize(2);
  }

  @Test
  void shouldSkipSeenItemsWhenTheServerIgnoresValidators() throws Exception {
    server.put("/wire.xml", atom(1), "application/atom+xml");
    FeedSpec feed = FeedSpec.of(server.url("/wire.xml"), Duration.ofMinutes(1), "Invented Wire", null);
    poller(feed).pollAllOnce();
    assertThat(published).hasSize(1);
    // a server without ETag support: forget the validators, keep the seen items
    FeedCheckpoint cp = saved.get(feed.key());
    saved.put(feed.key(), FeedCheckpoint.newBuilder(cp).setEtag(null).build());
    server.put("/wire.xml", atom(2), "application/atom+xml");

    poller(feed).pollAllOnce();

    assertThat(published).extracting(ArticleInput::title).containsExactly("Report 1", "Report 2");
    assertThat(saved.get(feed.key()).getSeenItemIds()).hasSize(2);
  }

  @Test
  void shouldDoubleTheWaitAfterEachFailureUpToTheCap() {
    Duration minute = Duration.ofMinutes(1);
    Duration hour = Duration.ofHours(1);

    assertThat(FeedPoller.backoff(minute, 0, hour)).isEqualTo(minute);
    assertThat(FeedPoller.backoff(minute, 1, hour)).isEqualTo(Duration.ofMinutes(2));
    assertThat(FeedPoller.backoff(minute, 3, hour)).isEqualTo(Duration.ofMinutes(8));
    assertThat(FeedPoller.backoff(minute, 6, hour)).isEqualTo(hour);
    assertThat(FeedPoller.backoff(minute, 10_000, hour)).isEqualTo(hour);
    // a cap below the interval never makes a failing feed polled more often than a healthy one
    assertThat(FeedPoller.backoff(Duration.ofHours(2), 3, hour)).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void shouldTakeAnAcceptedLanguageFromTheFeed() {
    assertThat(FeedPoller.language("ru-RU")).isEqualTo("ru");
    assertThat(FeedPoller.language("kk_KZ")).isEqualTo("kk");
    assertThat(FeedPoller.language("kz")).isEqualTo("kk");
    assertThat(FeedPoller.language("EN")).isEqualTo("en");
    assertThat(FeedPoller.language("de-DE")).isNull();
    assertThat(FeedPoller.language(null)).isNull();
  }
}
