package org.mediamonitor.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedsFileTest {

  private static final Duration DEFAULT = Duration.ofSeconds(90);

  @Test
  void shouldReadFeedsWithDefaults() {
    List<FeedSpec> feeds = FeedsFile.parse("""
        {"feeds": [
          {"url": "https://steppe-herald.example/rss.xml", "source": "Steppe Herald", "language": "RU",
           "pollIntervalSeconds": 300},
          {"url": "https://altyn-dala.example/atom.xml"}
        ]}
        """, "feeds.json", DEFAULT);

    assertThat(feeds).containsExactly(
        new FeedSpec(URI.create("https://steppe-herald.example/rss.xml"), Duration.ofMinutes(5), "Steppe Herald", "ru"),
        new FeedSpec(URI.create("https://altyn-dala.example/atom.xml"), DEFAULT, "altyn-dala.example", null));
  }

  @Test
  void shouldAcceptABareArray() {
    assertThat(FeedsFile.parse("[{\"url\": \"http://127.0.0.1:8080/feed\"}]", "f", DEFAULT))
        .extracting(FeedSpec::key).containsExactly("http://127.0.0.1:8080/feed");
  }

  @Test
  void shouldRefuseMistakesNamingTheFeed() {
    assertThatThrownBy(() -> FeedsFile.parse("{\"feeds\": [{\"url\": \"https://a.example/\", \"langauge\": \"ru\"}]}",
        "feeds.json", DEFAULT)).hasMessageContaining("feeds.json: feed 1").hasMessageContaining("langauge");
    assertThatThrownBy(() -> FeedsFile.parse("[{\"url\": \"https://a.example/\"}, {\"url\": \"https://a.example/\"}]",
        "feeds.json", DEFAULT)).hasMessageContaining("feed 2").hasMessageContaining("listed twice");
    assertThatThrownBy(() -> FeedsFile.parse("[{\"url\": \"ftp://a.example/\"}]", "f", DEFAULT))
        .hasMessageContaining("http(s)");
    assertThatThrownBy(() -> FeedsFile.parse("[{\"url\": \"https://a.example/\", \"language\": \"de\"}]", "f", DEFAULT))
        .hasMessageContaining("language");
    assertThatThrownBy(() -> FeedsFile.parse("[{\"url\": \"https://a.example/\", \"pollIntervalSeconds\": 0}]", "f",
        DEFAULT)).hasMessageContaining("pollIntervalSeconds");
    assertThatThrownBy(() -> FeedsFile.parse("[{\"source\": \"x\"}]", "f", DEFAULT)).hasMessageContaining("\"url\"");
    assertThatThrownBy(() -> FeedsFile.parse("{\"feeds\": [], \"extra\": 1}", "f", DEFAULT))
        .hasMessageContaining("extra");
    assertThatThrownBy(() -> FeedsFile.parse("{\"feeds\": [", "f", DEFAULT)).hasMessageContaining("not valid JSON");
  }

  @Test
  void shouldMergeTheFileWithCommandLineFeedsOnce(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("feeds.json");
    Files.writeString(file, "[{\"url\": \"https://a.example/rss\", \"source\": \"A\"}]");
    FeedConfig config = FeedConfig.from(parse(Map.of(FeedConfig.FEEDS_FILE, file.toString())));

    List<FeedSpec> feeds = config.feeds(List.of("https://a.example/rss", "https://b.example/atom"));

    assertThat(feeds).extracting(FeedSpec::key).containsExactly("https://a.example/rss", "https://b.example/atom");
    assertThat(feeds.get(0).source()).isEqualTo("A");
    assertThat(feeds.get(1).pollInterval()).isEqualTo(FeedSpec.DEFAULT_POLL_INTERVAL);
  }

  @Test
  void shouldDefaultEveryFeedKey() {
    FeedConfig config = FeedConfig.defaults();

    assertThat(config.feedsFile()).isNull();
    assertThat(config.maxPageBytes()).isEqualTo(2 * 1024 * 1024);
    assertThat(config.feeds(List.of())).isEmpty();
  }

  private static Map<String, Object> parse(Map<String, String> values) {
    return FeedConfig.DEFINITION.parse(values);
  }
}
