package org.mediamonitor.ingest.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import org.mediamonitor.ingest.ArticleParser;

/**
 * One RSS 2.0 or Atom feed to poll.
 *
 * @param url absolute http(s) URL of the feed; also the key of its checkpoint
 * @param pollInterval time between two successful polls
 * @param source outlet name put on every article of the feed (the metric tag); the host when not given
 * @param languageHint en, ru or kk, or null to take the feed's own {@code <language>} when it is one of those
 */
public record FeedSpec(URI url, Duration pollInterval, String source, String languageHint) {

  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(60);
  /** Only a floor against typos (0, 1 ms); real feeds should be polled every minute or less often. */
  public static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(1);
  public static final int MAX_SOURCE_CHARS = 200;

  public FeedSpec {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(pollInterval, "pollInterval");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new IllegalArgumentException("feed url must be an absolute http(s) URL: " + url);
    }
    if (pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) {
      throw new IllegalArgumentException("poll interval of " + url + " must be at least " + MIN_POLL_INTERVAL
          + ", not " + pollInterval);
    }
    source = source == null || source.isBlank() ? url.getHost() : source.strip();
    if (source.length() > MAX_SOURCE_CHARS) {
      throw new IllegalArgumentException("source of " + url + " is longer than " + MAX_SOURCE_CHARS + " characters");
    }
    languageHint = languageHint == null || languageHint.isBlank() ? null : languageHint.strip().toLowerCase(Locale.ROOT);
    if (languageHint != null && !ArticleParser.LANGUAGES.contains(languageHint)) {
      throw new IllegalArgumentException("language of " + url + " must be one of " + ArticleParser.LANGUAGES
          + ", not '" + languageHint + "'");
    }
  }

  /** A feed given on the command line ({@code --feed URL}): default interval, source = host, no language hint. */
  public static FeedSpec of(String url) {
    return of(url, DEFAULT_POLL_INTERVAL, null, null);
  }

  public static FeedSpec of(String url, Duration pollInterval, String source, String languageHint) {
    Objects.requireNonNull(url, "url");
    try {
      return new FeedSpec(new URI(url.strip()), pollInterval, source, languageHint);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("feed url is not a valid URI: " + url + " (" + e.getMessage() + ")", e);
    }
  }

  /** The checkpoint key: the URL exactly as configured. */
  public String key() {
    return url.toString();
  }
}
