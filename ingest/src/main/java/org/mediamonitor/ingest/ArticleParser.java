package org.mediamonitor.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mediamonitor.common.Json;

/**
 * Turns submitted bytes into validated {@link ArticleInput}s. JSON shape:
 * {@code {"url"?, "source"?, "title"?, "body", "published_at"?, "language"?}}; every failure is an
 * {@link InvalidArticleException} naming the field.
 */
public final class ArticleParser {

  /** Date-only {@code published_at} values are the start of that day in Kazakhstan. */
  public static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
  /** Nothing we monitor predates independent Kazakhstan. */
  public static final Instant EARLIEST_PUBLISHED_AT = LocalDate.of(1991, 1, 1).atStartOfDay(ALMATY).toInstant();
  /** Clocks of senders drift; a few minutes ahead is not a date in the future. */
  public static final Duration FUTURE_SKEW = Duration.ofMinutes(10);
  public static final Set<String> LANGUAGES = Set.of("en", "ru", "kk");

  public static final String URL = "url";
  public static final String SOURCE = "source";
  public static final String TITLE = "title";
  public static final String BODY = "body";
  public static final String PUBLISHED_AT = "published_at";
  public static final String LANGUAGE = "language";

  static final int MAX_URL_CHARS = 4096;
  static final int MAX_TITLE_CHARS = 2000;
  static final int MAX_SOURCE_CHARS = 500;

  private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern NO_SPACE_OR_CONTROL = Pattern.compile("[^\\s\\p{Cntrl}]+");
  private static final char BOM = '\uFEFF';

  /** Strict: a duplicated key or text after the article is an error, not a guess. */
  private static final ObjectMapper STRICT = Json.mapper().copy()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final int maxBodyBytes;
  private final Clock clock;

  public ArticleParser(int maxBodyBytes, Clock clock) {
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
    this.maxBodyBytes = maxBodyBytes;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * The largest record (JSON text, file, JSONL line) worth reading: room for a body of the
   * maximum size even when every character is written as a JSON escape.
   */
  public long maxRecordBytes() {
    return Math.max(16L * 1024 * 1024, 8L * maxBodyBytes);
  }

  /**
   * Decodes UTF-8 strictly (a malformed byte is an error, never a replacement character) and
   * drops a leading byte-order mark.
   */
  public static String decodeUtf8(byte[] bytes, String field) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new InvalidArticleException(Rejection.INVALID_UTF8, field,
          (field == null ? "input" : field) + " is not valid UTF-8 (bad byte at offset " + in.position() + ")");
    }
    out.flip();
    String text = out.toString();
    return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
  }

  /** Exactly one JSON object. */
  public ArticleInput parse(byte[] json) {
    JsonNode node = readTree(json);
    if (!node.isObject()) {
      throw new InvalidArticleException(Rejection.INVALID_JSON, null, "expected a JSON object");
    }
    return fromJson(node);
  }

  /** A JSON object or a non-empty array of objects; an error names the array index. */
  public List<ArticleInput> parseOneOrMany(byte[] json) {
    JsonNode node = readTree(json);
    if (node.isObject()) {
      return List.of(fromJson(node));
    }
    if (!node.isArray()) {
      throw new InvalidArticleException(Rejection.INVALID_JSON, null, "expected a JSON object or an array of objects");
    }
    if (node.isEmpty()) {
      throw new InvalidArticleException(Rejection.INVALID_JSON, null, "the array is empty");
    }
    List<ArticleInput> articles = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode element = node.get(i);
      try {
        if (!element.isObject()) {
          throw new InvalidArticleException(Rejection.INVALID_JSON, null, "expected a JSON object");
        }
        articles.add(fromJson(element));
      } catch (InvalidArticleException e) {
        throw e.at(i);
      }
    }
    return articles;
  }

  private JsonNode readTree(byte[] json) {
    if (json.length > maxRecordBytes()) {
      throw new InvalidArticleException(Rejection.TOO_LARGE, null,
          "record is " + json.length + " bytes, more than " + maxRecordBytes());
    }
    String text = decodeUtf8(json, null);
    if (text.isBlank()) {
      throw new InvalidArticleException(Rejection.INVALID_JSON, null, "empty input: expected a JSON article");
    }
    try {
      return STRICT.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidArticleException(Rejection.INVALID_JSON, null, "invalid JSON: " + e.getOriginalMessage());
    }
  }

  private ArticleInput fromJson(JsonNode node) {
    return validate(text(node, URL), text(node, SOURCE), text(node, TITLE), text(node, BODY),
        text(node, PUBLISHED_AT), text(node, LANGUAGE));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidArticleException(
          field.equals(BODY) ? Rejection.INVALID_FIELD : rejectionFor(field), field,
          field + " must be a string, not " + value.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return value.textValue();
  }

  private static Rejection rejectionFor(String field) {
    return switch (field) {
      case URL -> Rejection.INVALID_URL;
      case PUBLISHED_AT -> Rejection.INVALID_PUBLISHED_AT;
      case LANGUAGE -> Rejection.INVALID_LANGUAGE;
      default -> Rejection.INVALID_FIELD;
    };
  }

  /** Validates fields given as text (from JSON or from a file); blank optional fields are absent. */
  public ArticleInput validate(String url, String source, String title, String body, String publishedAt,
      String language) {
    if (body == null || body.isBlank()) {
      throw new InvalidArticleException(Rejection.MISSING_BODY, BODY,
          body == null ? "body is required" : "body must not be blank");
    }
    long bodyBytes = utf8Length(body);
    if (bodyBytes > maxBodyBytes) {
      throw new InvalidArticleException(Rejection.TOO_LARGE, BODY,
          "body is " + bodyBytes + " bytes, more than the limit of " + maxBodyBytes);
    }
    return new ArticleInput(url(url), limited(source, SOURCE, MAX_SOURCE_CHARS),
        limited(title, TITLE, MAX_TITLE_CHARS), body, publishedAt(publishedAt), language(language));
  }

  private static String url(String raw) {
    String url = blankToNull(raw);
    if (url == null) {
      return null;
    }
    if (url.length() > MAX_URL_CHARS) {
      throw new InvalidArticleException(Rejection.INVALID_URL, URL, "url is longer than " + MAX_URL_CHARS + " characters");
    }
    if (!NO_SPACE_OR_CONTROL.matcher(url).matches()) {
      throw new InvalidArticleException(Rejection.INVALID_URL, URL, "url must not contain spaces or control characters");
    }
    try {
      ArticleIds.canonicalUrl(url);
    } catch (IllegalArgumentException e) {
      throw new InvalidArticleException(Rejection.INVALID_URL, URL,
          "url must be an absolute http(s) URL: " + e.getMessage());
    }
    return url;
  }

  private static String limited(String raw, String field, int maxChars) {
    String value = blankToNull(raw);
    if (value != null && value.length() > maxChars) {
      throw new InvalidArticleException(Rejection.INVALID_FIELD, field,
          field + " is longer than " + maxChars + " characters");
    }
    return value;
  }

  private Instant publishedAt(String raw) {
    String text = blankToNull(raw);
    if (text == null) {
      return null;
    }
    Instant at;
    try {
      at = DATE_ONLY.matcher(text).matches()
          ? LocalDate.parse(text).atStartOfDay(ALMATY).toInstant()
          : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidArticleException(Rejection.INVALID_PUBLISHED_AT, PUBLISHED_AT,
          "published_at must be ISO-8601 with an offset or Z (2025-03-14T09:30:00+05:00) or a date (2025-03-14): '"
              + text + "'");
    }
    if (at.isBefore(EARLIEST_PUBLISHED_AT)) {
      throw new InvalidArticleException(Rejection.PUBLISHED_AT_OUT_OF_RANGE, PUBLISHED_AT,
          "published_at " + text + " is before 1991-01-01");
    }
    if (at.isAfter(clock.instant().plus(FUTURE_SKEW))) {
      throw new InvalidArticleException(Rejection.PUBLISHED_AT_OUT_OF_RANGE, PUBLISHED_AT,
          "published_at " + text + " is in the future");
    }
    return at;
  }

  private static String language(String raw) {
    String text = blankToNull(raw);
    if (text == null) {
      return null;
    }
    String code = text.toLowerCase(Locale.ROOT);
    if (!LANGUAGES.contains(code)) {
      throw new InvalidArticleException(Rejection.INVALID_LANGUAGE, LANGUAGE,
          "language must be one of en, ru, kk, not '" + text + "'");
    }
    return code;
  }

  private static String blankToNull(String s) {
    if (s == null) {
      return null;
    }
    String stripped = s.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  private static long utf8Length(String s) {
    long bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
