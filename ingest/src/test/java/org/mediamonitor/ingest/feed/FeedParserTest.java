package org.mediamonitor.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {

  private final FeedParser parser = new FeedParser(1024 * 1024);

  @Test
  void shouldReadRssItemsWithContentSummaryDatesAndGuids() throws Exception {
    FeedParser.ParsedFeed feed = parser.parse(FeedFixtures.bytes("rss.xml"), "application/rss+xml");

    assertThat(feed.feedType()).startsWith("rss_2.0");
    assertThat(feed.language()).isEqualTo("ru-RU");
    assertThat(feed.items()).hasSize(2);
    FeedItem first = feed.items().get(0);
    assertThat(first.id()).isEqualTo("sh-101");
    assertThat(first.link()).isEqualTo("https://steppe-herald.example/news/101");
    assertThat(first.title()).isEqualTo("Court fines blogger Arman Tleuov over a post");
    assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-03-14T04:30:00Z"));
    assertThat(first.summary()).isEqualTo("A short teaser.");
    // HTML paragraphs become paragraphs of plain text
    assertThat(first.content()).startsWith("An administrative court in the invented town of Karatobe")
        .contains("local akimat.\n\nHis lawyer said").doesNotContain("<p>");
    assertThat(first.bestText()).isEqualTo(first.content());

    FeedItem second = feed.items().get(1);
    assertThat(second.content()).isNull();
    // the description was escaped HTML: one level of entities is markup, the second is text
    assertThat(second.summary()).isEqualTo("Police summoned the journalist & editor Dana Serikova.");
    assertThat(second.bestText()).isEqualTo(second.summary());
  }

  @Test
  void shouldReadAtomEntries() throws Exception {
    FeedParser.ParsedFeed feed = parser.parse(FeedFixtures.bytes("atom.xml"), null);

    assertThat(feed.feedType()).startsWith("atom_1.0");
    assertThat(feed.items()).hasSize(1);
    FeedItem entry = feed.items().get(0);
    assertThat(entry.id()).isEqualTo("tag:altyn-dala.example,2025:entry-7");
    assertThat(entry.link()).isEqualTo("https://altyn-dala.example/2025/03/editor-detained");
    assertThat(entry.title()).isEqualTo("Editor of an invented weekly detained");
    assertThat(entry.publishedAt()).isEqualTo(Instant.parse("2025-03-14T03:15:00Z"));
    assertThat(entry.updatedAt()).isEqualTo(Instant.parse("2025-03-14T04:00:00Z"));
    assertThat(entry.summary()).startsWith("The editor Nurlan Abenov was detained in");
    assertThat(entry.content()).isEqualTo("The editor Nurlan Abenov was detained on Friday morning.\n\n"
        + "Colleagues said the detention followed an article about land sales.");
  }

  @Test
  void shouldGiveAnEditedItemANewFingerprintAndAnUnchangedOneTheSame() throws Exception {
    FeedItem original = parser.parse(FeedFixtures.bytes("rss.xml"), null).items().get(0);
    FeedItem again = parser.parse(FeedFixtures.bytes("rss.xml"), null).items().get(0);
    byte[] edited = FeedFixtures.text("rss.xml").replace("would be appealed", "was appealed on Monday")
        .getBytes(StandardCharsets.UTF_8);
    FeedItem changed = parser.parse(edited, null).items().get(0);

    assertThat(again.fingerprint()).isEqualTo(original.fingerprint()).hasSize(FeedItem.FINGERPRINT_HEX);
    assertThat(changed.fingerprint()).isNotEqualTo(original.fingerprint());
  }

  @Test
  void shouldRefuseAnExternalEntityWithoutReadingTheFile(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT-4242");
    byte[] xxe = FeedFixtures.text("xxe.xml").replace("SECRET_PATH", secret.toAbsolutePath().toString())
        .getBytes(StandardCharsets.UTF_8);

    FeedRejectedException e = catchThrowableOfType(FeedRejectedException.class,
        () -> parser.parse(xxe, "application/rss+xml"));

    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(FeedRejectedException.DOCTYPE);
    assertThat(fullText(e)).doesNotContain("TOP-SECRET-CONTENT-4242");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS) // a guard: expansion would take far longer and gigabytes
  void shouldRefuseABillionLaughsFeedBeforeExpandingAnything() {
    byte[] bomb = FeedFixtures.bytes("billion-laughs.xml");
    long before = usedHeap();

    FeedRejectedException e = catchThrowableOfType(FeedRejectedException.class, () -> parser.parse(bomb, null));

    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(FeedRejectedException.DOCTYPE);
    // 10^9 "lol"s would be gigabytes of text; refusing the DOCTYPE allocates next to nothing
    assertThat(usedHeap() - before).isLessThan(256L * 1024 * 1024);
  }

  @Test
  void shouldRefuseMalformedXmlAndXmlThatIsNotAFeed() {
    assertThatThrownBy(() -> parser.parse("<rss><channel><item>".getBytes(StandardCharsets.UTF_8), null))
        .isInstanceOfSatisfying(FeedRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(FeedRejectedException.MALFORMED));
    assertThatThrownBy(() -> parser.parse("<html><body>not a feed</body></html>".getBytes(StandardCharsets.UTF_8),
        "text/html"))
        .isInstanceOfSatisfying(FeedRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(FeedRejectedException.MALFORMED));
  }

  @Test
  void shouldRefuseADocumentOverTheSizeLimit() {
    FeedParser small = new FeedParser(100);

    assertThatThrownBy(() -> small.parse(FeedFixtures.bytes("rss.xml"), null))
        .isInstanceOfSatisfying(FeedRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(FeedRejectedException.TOO_LARGE));
  }

  private static String fullText(Throwable e) {
    StringBuilder s = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      s.append(t).append('\n');
    }
    return s.toString();
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
