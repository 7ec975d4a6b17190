package org.mediamonitor.ingest.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mediamonitor.common.Json;

/**
 * The feeds file ({@code ingest.feeds.file}): JSON, either an object with a {@code feeds} array or
 * the array itself. Each feed is an object:
 * <pre>{@code
 * {"feeds": [
 *   {"url": "https://news.example.kz/rss.xml", "source": "Example News", "language": "ru", "pollIntervalSeconds": 300},
 *   {"url": "https://daily.example.kz/atom"}
 * ]}
 * }</pre>
 * Only {@code url} is required; {@code pollIntervalSeconds} defaults to the configured default,
 * {@code source} to the URL's host. An unknown field, a duplicate URL or a bad value fails the whole
 * file with a message naming the feed, so a typo never silently drops a feed.
 */
public final class FeedsFile {

  public static final String URL = "url";
  public static final String SOURCE = "source";
  public static final String LANGUAGE = "language";
  public static final String POLL_INTERVAL_SECONDS = "pollIntervalSeconds";
  private static final Set<String> FIELDS = Set.of(URL, SOURCE, LANGUAGE, POLL_INTERVAL_SECONDS);
  /** A feeds file is a short list written by hand; anything larger is a mistake. */
  public static final long MAX_FILE_BYTES = 1024 * 1024;

  private static final ObjectMapper STRICT = Json.mapper().copy()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private FeedsFile() {}

  public static List<FeedSpec> read(Path file, Duration defaultInterval) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new IllegalArgumentException(file + " is " + size + " bytes; a feeds file may have at most "
          + MAX_FILE_BYTES);
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), defaultInterval);
  }

  /**
   * @param origin the file name, for messages
   * @throws IllegalArgumentException naming the feed and field at fault
   */
  public static List<FeedSpec> parse(String json, String origin, Duration defaultInterval) {
    JsonNode root;
    try {
      root = STRICT.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(origin + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode feeds = root;
    if (root != null && root.isObject()) {
      Iterator<String> names = root.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!name.equals("feeds")) {
          throw new IllegalArgumentException(origin + ": unknown field '" + name + "' (expected \"feeds\")");
        }
      }
      feeds = root.get("feeds");
    }
    if (feeds == null || !feeds.isArray()) {
      throw new IllegalArgumentException(origin + ": expected {\"feeds\": [...]} or a JSON array of feeds");
    }
    List<FeedSpec> specs = new ArrayList<>();
    Set<String> urls = new HashSet<>();
    for (int i = 0; i < feeds.size(); i++) {
      String where = origin + ": feed " + (i + 1);
      FeedSpec spec = spec(feeds.get(i), where, defaultInterval);
      if (!urls.add(spec.key())) {
        throw new IllegalArgumentException(where + ": " + spec.key() + " is listed twice");
      }
      specs.add(spec);
    }
    return List.copyOf(specs);
  }

  private static FeedSpec spec(JsonNode node, String where, Duration defaultInterval) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + ": expected an object with at least \"url\"");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      String name = it.next().getKey();
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException(where + ": unknown field '" + name + "' (known: " + FIELDS + ")");
      }
    }
    String url = text(node, URL, where);
    if (url == null) {
      throw new IllegalArgumentException(where + ": \"url\" is required");
    }
    Duration interval = defaultInterval;
    JsonNode seconds = node.get(POLL_INTERVAL_SECONDS);
    if (seconds != null && !seconds.isNull()) {
      if (!seconds.canConvertToLong() || !seconds.isIntegralNumber() || seconds.asLong() < 1) {
        throw new IllegalArgumentException(where + ": \"" + POLL_INTERVAL_SECONDS
            + "\" must be a positive whole number, not " + seconds);
      }
      interval = Duration.ofSeconds(seconds.asLong());
    }
    try {
      return FeedSpec.of(url, interval, text(node, SOURCE, where), text(node, LANGUAGE, where));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(where + ": \"" + field + "\" must be a string, not " + value);
    }
    return value.asText();
  }
}
