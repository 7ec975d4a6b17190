package org.mediamonitor.ingest.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.mediamonitor.common.config.Settings;

/**
 * The feed keys of ingest, validated at start.
 *
 * @param feedsFile JSON list of feeds (see {@link FeedsFile}), or null for none
 * @param defaultInterval poll interval of a feed that names none (and of {@code --feed URL})
 * @param timeout connect timeout and wait for the response headers of one feed or page request; the whole
 *     download must finish within twice this
 * @param maxFeedBytes a larger feed document is refused ({@code too_large})
 * @param maxPageBytes a larger article page is not read; the item's summary is used instead
 * @param maxBackoff longest wait after repeated failures
 * @param userAgent sent with every request, so outlets can see who polls them
 * @param seenMax item fingerprints kept per feed checkpoint (at least the items of the current document are kept)
 * @param minContentChars item text shorter than this is a summary: the article page is fetched for the full text
 * @param threads feeds polled at the same time
 */
public record FeedConfig(
    Path feedsFile,
    Duration defaultInterval,
    Duration timeout,
    int maxFeedBytes,
    int maxPageBytes,
    Duration maxBackoff,
    String userAgent,
    int seenMax,
    int minContentChars,
    int threads,
    boolean pageAllowPrivate) {

  public static final String FEEDS_FILE = "ingest.feeds.file";
  public static final String DEFAULT_INTERVAL_MS = "ingest.feed.interval.ms";
  public static final String TIMEOUT_MS = "ingest.feed.timeout.ms";
  public static final String MAX_FEED_BYTES = "ingest.feed.max.bytes";
  public static final String MAX_PAGE_BYTES = "ingest.feed.page.max.bytes";
  public static final String MAX_BACKOFF_MS = "ingest.feed.backoff.max.ms";
  public static final String USER_AGENT = "ingest.feed.user.agent";
  public static final String SEEN_MAX = "ingest.feed.seen.max";
  public static final String MIN_CONTENT_CHARS = "ingest.feed.min.content.chars";
  public static final String THREADS = "ingest.feed.threads";
  public static final String PAGE_ALLOW_PRIVATE = "ingest.feed.page.allow.private";

  public static final String DEFAULT_USER_AGENT =
      "media-monitor-ingest/0.1 (freedom-of-expression news monitor; feed poller)";

  public static final ConfigDef DEFINITION = new ConfigDef()
      .define(FEEDS_FILE, Type.STRING, null, Importance.MEDIUM,
          "JSON file listing RSS/Atom feeds to poll: {\"feeds\": [{\"url\", \"source\", \"language\","
              + " \"pollIntervalSeconds\"}]}; unset for none (feeds may still come from --feed URL)")
      .define(DEFAULT_INTERVAL_MS, Type.LONG, 60_000L, Range.between(1_000L, 86_400_000L), Importance.LOW,
          "Poll interval of a feed that names none")
      .define(TIMEOUT_MS, Type.LONG, 20_000L, Range.between(100L, 300_000L), Importance.LOW,
          "Connect and response-header timeout of one feed or article-page request; the whole download must"
              + " finish within twice this")
      .define(MAX_FEED_BYTES, Type.INT, 8 * 1024 * 1024, Range.between(1024, 256 * 1024 * 1024), Importance.LOW,
          "Largest feed document read; a larger one is refused (reason too_large)")
      .define(MAX_PAGE_BYTES, Type.INT, 2 * 1024 * 1024, Range.between(1024, 256 * 1024 * 1024), Importance.LOW,
          "Largest article page read for its main text; beyond it the item's summary is used")
      .define(MAX_BACKOFF_MS, Type.LONG, 3_600_000L, Range.between(1_000L, 86_400_000L), Importance.LOW,
          "Longest wait between polls of a failing feed (the wait doubles from the poll interval)")
      .define(USER_AGENT, Type.STRING, DEFAULT_USER_AGENT, new ConfigDef.NonEmptyString(), Importance.LOW,
          "User-Agent of feed and page requests")
      .define(SEEN_MAX, Type.INT, 2000, Range.between(10, 100_000), Importance.LOW,
          "Item fingerprints a feed checkpoint keeps, most recent first")
      .define(MIN_CONTENT_CHARS, Type.INT, 400, Range.between(0, 1_000_000), Importance.LOW,
          "An item whose text is shorter is a summary: its article page is fetched for the full text")
      .define(THREADS, Type.INT, 2, Range.between(1, 64), Importance.LOW,
          "Feeds polled at the same time")
      // a feed is third-party input: its links must not make ingest fetch internal services
      .define(PAGE_ALLOW_PRIVATE, Type.BOOLEAN, false, Importance.LOW,
          "Whether article pages on loopback, private, link-local or multicast addresses may be fetched");

  public static FeedConfig from(Settings settings) {
    return from(settings.validated(DEFINITION));
  }

  public static FeedConfig defaults() {
    return from(DEFINITION.parse(Map.of()));
  }

  static FeedConfig from(Map<String, Object> v) {
    String file = (String) v.get(FEEDS_FILE);
    return new FeedConfig(
        file == null || file.isBlank() ? null : Path.of(file.strip()),
        Duration.ofMillis((Long) v.get(DEFAULT_INTERVAL_MS)),
        Duration.ofMillis((Long) v.get(TIMEOUT_MS)),
        (Integer) v.get(MAX_FEED_BYTES),
        (Integer) v.get(MAX_PAGE_BYTES),
        Duration.ofMillis((Long) v.get(MAX_BACKOFF_MS)),
        ((String) v.get(USER_AGENT)).strip(),
        (Integer) v.get(SEEN_MAX),
        (Integer) v.get(MIN_CONTENT_CHARS),
        (Integer) v.get(THREADS),
        (Boolean) v.get(PAGE_ALLOW_PRIVATE));
  }

  /**
   * The feeds of the file (if any) followed by those given on the command line; a URL listed in
   * both is taken from the file once.
   *
   * @throws IllegalArgumentException when the file is malformed (fail at start, naming the feed)
   */
  public List<FeedSpec> feeds(List<String> extraUrls) {
    List<FeedSpec> all = new ArrayList<>();
    if (feedsFile != null) {
      try {
        all.addAll(FeedsFile.read(feedsFile, defaultInterval));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + FEEDS_FILE + " " + feedsFile + ": " + e.getMessage(), e);
      }
    }
    Set<String> keys = new HashSet<>();
    all.forEach(f -> keys.add(f.key()));
    for (String url : extraUrls) {
      FeedSpec spec = FeedSpec.of(url, defaultInterval, null, null);
      if (keys.add(spec.key())) {
        all.add(spec);
      }
    }
    return List.copyOf(all);
  }
}
