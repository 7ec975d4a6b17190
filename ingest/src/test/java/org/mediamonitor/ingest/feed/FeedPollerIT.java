package org.mediamonitor.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mediamonitor.common.Topics;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.config.Settings;
import org.mediamonitor.common.serde.WireFormat;
import org.mediamonitor.ingest.ArticleIds;
import org.mediamonitor.ingest.ArticleIngestor;
import org.mediamonitor.ingest.IngestApp;
import org.mediamonitor.ingest.IngestConfig;
import org.mediamonitor.ingest.IngestMetrics;
import org.mediamonitor.schema.FeedCheckpoint;
import org.mediamonitor.schema.RawArticle;
import org.mediamonitor.testkit.KafkaBrokerExtension;
import org.mediamonitor.testkit.TestRecords;

/** Feed polling on a real broker, with feeds served by a local HTTP server. Outlets and people are invented. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FeedPollerIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final AtomicInteger RUN = new AtomicInteger();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration INTERVAL = Duration.ofSeconds(1);

  private static final String PAGE_TEXT = "Police in the invented city of Ortalyk summoned the journalist Dana"
      + " Serikova for questioning on Thursday over a post about the regional budget. She was questioned as a"
      + " witness in a case of spreading knowingly false information, her editor said.";

  private FeedServer server;
  private Settings settings;
  private CommonConfig common;
  private Topics topics;
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    server = new FeedServer();
    settings = Settings.of(Map.of(
        CommonConfig.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers(),
        CommonConfig.TOPIC_PREFIX, "feed-it-" + RUN.incrementAndGet() + "-",
        CommonConfig.TOPIC_PARTITIONS, "2",
        IngestConfig.ACK_TIMEOUT_MS, "10000",
        FeedConfig.TIMEOUT_MS, "5000",
        // the test's feeds and pages are served on loopback
        FeedConfig.PAGE_ALLOW_PRIVATE, "true"));
    common = CommonConfig.from(settings);
    topics = common.topics();
    IngestApp.ensureTopics(common, IngestConfig.from(settings));
  }

  @AfterEach
  void tearDown() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    server.close();
  }

  /** Ingestor and poller as IngestApp wires them; closed in reverse order after the test. */
  private FeedPoller startPoller(SimpleMeterRegistry registry, FeedSpec... feeds) {
    ArticleIngestor ingestor = ArticleIngestor.open(common, IngestConfig.from(settings), registry);
    open.add(ingestor);
    FeedPoller poller = FeedPoller.open(common, FeedConfig.from(settings), List.of(feeds), ingestor, registry);
    open.add(poller);
    poller.start();
    return poller;
  }

  private void stop(FeedPoller poller) throws Exception {
    // the poller first, then its ingestor: the order IngestApp closes them in
    int at = open.indexOf(poller);
    poller.close();
    open.get(at - 1).close();
    open.remove(at);
    open.remove(at - 1);
  }

  private String rss(String teaserText, String fullText) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>Steppe Herald</title>
            <link>%1$s</link>
            <description>Invented outlet</description>
            <item>
              <title>Court fines blogger Arman Tleuov</title>
              <link>%1$s/news/101</link>
              <guid isPermaLink="false">sh-101</guid>
              <pubDate>Fri, 14 Mar 2025 09:30:00 +0500</pubDate>
              <description>A teaser.</description>
              <content:encoded><![CDATA[<p>%3$s</p>]]></content:encoded>
            </item>
            <item>
              <title>Journalist Dana Serikova summoned</title>
              <link>%1$s/news/100</link>
              <guid>%1$s/news/100</guid>
              <pubDate>Thu, 13 Mar 2025 18:00:00 +0500</pubDate>
              <description>%2$s</description>
            </item>
          </channel>
        </rss>
        """.formatted(server.url(""), teaserText, fullText);
  }

  private String atom() {
    return """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Altyn Dala Times</title>
          <id>urn:altyn-dala:feed</id>
          <updated>2025-03-14T10:00:00Z</updated>
          <entry>
            <title>Editor Nurlan Abenov detained</title>
            <id>tag:altyn-dala.example,2025:entry-7</id>
            <link rel="alternate" href="%s/2025/03/editor-detained"/>
            <published>2025-03-14T08:15:00+05:00</published>
            <updated>2025-03-14T09:00:00+05:00</updated>
            <content type="html">&lt;p&gt;The editor Nurlan Abenov of an invented weekly was detained on Friday \
        morning in the invented town of Zhanaqala, colleagues said, after the weekly published a long report on \
        land sales around the town. His lawyer said the detention was unlawful and that he would complain to the \
        prosecutor. The police did not comment.&lt;/p&gt;&lt;p&gt;Second paragraph.&lt;/p&gt;</content>
          </entry>
        </feed>
        """.formatted(server.url("/atom"));
  }

  private static String longText(String lead) {
    return lead + " The hearing took place in the administrative court of the invented district of Karatobe,"
        + " where the judge found that the post had insulted a local official. The blogger said he would appeal"
        + " the fine and that the post had only quoted public documents about road repairs in the district."
        + " Media lawyers from an invented press-freedom group said it was the third such fine in the district"
        + " this year.";
  }

  private List<ConsumerRecord<String, RawArticle>> rawArticles(int expected) {
    return TestRecords.consumeAll(KAFKA.clientProps(), topics.rawArticles().name(), new StringDeserializer(),
        topics.rawArticles().valueSerde().deserializer(), expected, WAIT);
  }

  private List<ConsumerRecord<String, FeedCheckpoint>> checkpoints(int expected) {
    var topic = KafkaCheckpointStore.topic(common.topicPrefix(), WireFormat.singleObject());
    return TestRecords.consumeAll(KAFKA.clientProps(), topic.name(), new StringDeserializer(),
        topic.valueSerde().deserializer(), expected, WAIT);
  }

  private static double count(SimpleMeterRegistry registry, String name, String... tags) {
    Counter c = registry.find(name).tags(tags).counter();
    return c == null ? 0 : c.count();
  }

  private static double gauge(SimpleMeterRegistry registry, String name, String... tags) {
    Gauge g = registry.find(name).tags(tags).gauge();
    return g == null ? 0 : g.value();
  }

  @Test
  void shouldPublishNewItemsOnceUseConditionalGetsAndRepublishNothingAfterARestart() throws Exception {
    server.put("/rss.xml", rss("Police summoned the journalist.", longText("A blogger was fined.")),
        "application/rss+xml; charset=utf-8");
    server.put("/atom.xml", atom(), "application/atom+xml");
    server.put("/news/100", "<html><head><script>var x = 1;</script></head><body><nav><p>Menu</p></nav>"
        + "<article><h1>Journalist summoned</h1><p>" + PAGE_TEXT + "</p></article></body></html>",
        "text/html; charset=utf-8");
    FeedSpec rssFeed = FeedSpec.of(server.url("/rss.xml"), INTERVAL, "Steppe Herald", "ru");
    FeedSpec atomFeed = FeedSpec.of(server.url("/atom.xml"), INTERVAL, "Altyn Dala Times", "kk");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Instant started = Instant.now();

    FeedPoller poller = startPoller(registry, rssFeed, atomFeed);

    List<ConsumerRecord<String, RawArticle>> records = rawArticles(3);
    // the second poll of each feed sends the ETag back and gets 304
    await().alias("second polls answered 304").atMost(WAIT)
        .until(() -> server.notModified("/rss.xml") >= 1 && server.notModified("/atom.xml") >= 1);
    assertThat(records).hasSize(3);
    assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
        ArticleIds.id(server.url("/news/101"), "x"), ArticleIds.id(server.url("/news/100"), "x"),
        ArticleIds.id(server.url("/atom/2025/03/editor-detained"), "x"));
    RawArticle fined = value(records, server.url("/news/101"));
    assertThat(fined.getSource()).isEqualTo("Steppe Herald");
    assertThat(fined.getLanguageHint()).isEqualTo("ru");
    assertThat(fined.getTitle()).isEqualTo("Court fines blogger Arman Tleuov");
    assertThat(fined.getBody()).isEqualTo(longText("A blogger was fined."));
    assertThat(fined.getPublishedAt()).isEqualTo(Instant.parse("2025-03-14T04:30:00Z"));
    assertThat(fined.getRevision()).isEqualTo(1);
    // a summary-only item: the page was fetched and its main text published, without script or menu
    RawArticle summoned = value(records, server.url("/news/100"));
    assertThat(summoned.getBody()).isEqualTo("Journalist summoned\n\n" + PAGE_TEXT);
    RawArticle detained = value(records, server.url("/atom/2025/03/editor-detained"));
    assertThat(detained.getSource()).isEqualTo("Altyn Dala Times");
    assertThat(detained.getLanguageHint()).isEqualTo("kk");
    assertThat(detained.getBody()).startsWith("The editor Nurlan Abenov").endsWith("\n\nSecond paragraph.");
    assertThat(server.userAgent("/rss.xml")).isEqualTo(FeedConfig.DEFAULT_USER_AGENT);
    assertThat(server.ok("/news/100")).isEqualTo(1);
    // an item with its full text in the feed costs no page fetch
    assertThat(server.requests("/news/101")).isZero();
    assertThat(count(registry, FeedMetrics.ITEMS_PUBLISHED, FeedMetrics.SOURCE, "Steppe Herald")).isEqualTo(2);
    assertThat(count(registry, FeedMetrics.ITEMS_PUBLISHED, FeedMetrics.SOURCE, "Altyn Dala Times")).isEqualTo(1);
    assertThat(count(registry, IngestMetrics.PUBLISHED, IngestMetrics.ENTRY_POINT, "feed")).isEqualTo(3);
    // the server counts the 304 when it answers; the poller counts it a moment later
    await().atMost(WAIT).untilAsserted(() -> assertThat(count(registry, FeedMetrics.POLLS, FeedMetrics.SOURCE,
        "Steppe Herald", FeedMetrics.OUTCOME, FeedMetrics.NOT_MODIFIED)).isGreaterThanOrEqualTo(1));
    assertThat(gauge(registry, FeedMetrics.LAST_SUCCESS, FeedMetrics.SOURCE, "Altyn Dala Times"))
        .isGreaterThanOrEqualTo(started.getEpochSecond());
    List<ConsumerRecord<String, FeedCheckpoint>> saved = checkpoints(2);
    FeedCheckpoint rssCheckpoint = saved.stream().filter(r -> r.key().equals(rssFeed.key()))
        .reduce((a, b) -> b).orElseThrow().value();
    assertThat(rssCheckpoint.getEtag()).isNotNull();
    assertThat(rssCheckpoint.getSeenItemIds()).hasSize(2);

    stop(poller);
    int fetchesBefore = server.ok("/rss.xml") + server.ok("/atom.xml");
    int notModifiedBefore = server.notModified("/rss.xml") + server.notModified("/atom.xml");
    SimpleMeterRegistry afterRestart = new SimpleMeterRegistry();
    startPoller(afterRestart, rssFeed, atomFeed);

    // the first polls after the restart send the checkpoint's ETags: 304, nothing fetched or published
    await().alias("polls after restart").atMost(WAIT).until(() ->
        server.notModified("/rss.xml") + server.notModified("/atom.xml") >= notModifiedBefore + 2);
    assertThat(server.ok("/rss.xml") + server.ok("/atom.xml")).isEqualTo(fetchesBefore);
    assertThat(server.ok("/news/100")).isEqualTo(1);
    assertThat(rawArticles(3)).hasSize(3);
    assertThat(count(afterRestart, IngestMetrics.PUBLISHED, IngestMetrics.ENTRY_POINT, "feed")).isZero();
  }

  @Test
  void shouldSkipSeenItemsWithoutValidatorsAndPublishAChangedItemAsTheNextRevision() throws Exception {
    server.put("/rss.xml", rss("Police summoned the journalist.", longText("A blogger was fined.")),
        "application/rss+xml");
    server.put("/news/100", "<html><body><article><p>" + PAGE_TEXT + "</p></article></body></html>", "text/html");
    FeedSpec feed = FeedSpec.of(server.url("/rss.xml"), INTERVAL, "Steppe Herald", "ru");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    startPoller(registry, feed);
    String id = ArticleIds.id(server.url("/news/101"), "x");
    assertThat(rawArticles(2)).hasSize(2);

    server.put("/rss.xml", rss("Police summoned the journalist.", longText("A blogger was fined, the court said.")),
        "application/rss+xml");

    List<ConsumerRecord<String, RawArticle>> records = rawArticles(3);
    assertThat(records).hasSize(3);
    List<RawArticle> revisions = records.stream().filter(r -> r.key().equals(id)).map(ConsumerRecord::value).toList();
    assertThat(revisions).extracting(RawArticle::getRevision).containsExactly(1, 2);
    assertThat(revisions.get(1).getBody()).isEqualTo(longText("A blogger was fined, the court said."));
    // the unchanged item was skipped from the checkpoint: its page was fetched only once
    await().alias("unchanged item skipped").atMost(WAIT)
        .until(() -> count(registry, FeedMetrics.ITEMS_SKIPPED, FeedMetrics.SOURCE, "Steppe Herald") >= 1);
    assertThat(server.ok("/news/100")).isEqualTo(1);
    assertThat(count(registry, FeedMetrics.ITEMS_PUBLISHED, FeedMetrics.SOURCE, "Steppe Herald")).isEqualTo(3);
  }

  @Test
  void shouldRefuseXxeAndBillionLaughsFeedsWithoutReadingFilesAndKeepPollingTheOthers(@TempDir Path dir)
      throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT-4242");
    server.put("/xxe.xml", FeedFixtures.text("xxe.xml").replace("SECRET_PATH", secret.toAbsolutePath().toString()),
        "application/rss+xml");
    server.put("/bomb.xml", FeedFixtures.text("billion-laughs.xml"), "application/rss+xml");
    server.put("/atom.xml", atom(), "application/atom+xml");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    long heapBefore = usedHeap();

    FeedPoller poller = startPoller(registry,
        FeedSpec.of(server.url("/xxe.xml"), INTERVAL, "Leaky", null),
        FeedSpec.of(server.url("/bomb.xml"), INTERVAL, "Bomb", null),
        FeedSpec.of(server.url("/atom.xml"), INTERVAL, "Altyn Dala Times", null));

    await().alias("both hostile feeds refused").atMost(WAIT).until(() ->
        count(registry, FeedMetrics.REJECTED, FeedMetrics.SOURCE, "Leaky", IngestMetrics.REASON, "doctype_refused") >= 1
            && count(registry, FeedMetrics.REJECTED, FeedMetrics.SOURCE, "Bomb", IngestMetrics.REASON,
            "doctype_refused") >= 1);
    List<ConsumerRecord<String, RawArticle>> records = rawArticles(1);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).value().getSource()).isEqualTo("Altyn Dala Times");
    assertThat(records).allSatisfy(r -> assertThat(r.value().getBody()).doesNotContain("TOP-SECRET", "lollol"));
    assertThat(count(registry, IngestMetrics.REJECTED, IngestMetrics.ENTRY_POINT, "feed", IngestMetrics.REASON,
        "doctype_refused")).isGreaterThanOrEqualTo(2);
    // refused feeds back off and keep being retried; the poller is still running
    assertThat(poller.isRunning()).isTrue();
    FeedPoller.FeedStatus leaky = poller.status().get(0);
    assertThat(leaky.consecutiveFailures()).isGreaterThanOrEqualTo(1);
    assertThat(leaky.lastError()).startsWith("doctype_refused").doesNotContain("TOP-SECRET");
    assertThat(leaky.lastSuccess()).isNull();
    assertThat(gauge(registry, FeedMetrics.LAST_SUCCESS, FeedMetrics.SOURCE, "Bomb")).isZero();
    assertThat(usedHeap() - heapBefore).isLessThan(512L * 1024 * 1024);
  }

  private static RawArticle value(List<ConsumerRecord<String, RawArticle>> records, String url) {
    String id = ArticleIds.id(url, "x");
    return records.stream().filter(r -> r.key().equals(id)).reduce((a, b) -> b).orElseThrow().value();
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
