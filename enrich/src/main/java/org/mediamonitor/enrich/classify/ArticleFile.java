package org.mediamonitor.enrich.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An article read from a file for {@code classify} and {@code evaluate}: {@code .txt} (a first
 * line that is a bare URL is the address, not body), {@code .html} (tags stripped) or {@code .json}
 * (fields title, body or text, url, published or publishedAt, language).
 */
public record ArticleFile(String url, String title, String body, Instant publishedAt, String languageHint) {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern BARE_URL = Pattern.compile("^\\s*https?://\\S+\\s*$");
  private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1>");
  private static final Pattern BLOCK_TAG = Pattern.compile("(?i)</?(p|div|br|li|ul|ol|h[1-6]|tr|section|article)[^>]*>");
  private static final Pattern TAG = Pattern.compile("<[^>]+>");
  private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");

  /** Reads an article file; the format follows the extension. */
  public static ArticleFile read(Path file) throws IOException {
    String content = Files.readString(file, StandardCharsets.UTF_8);
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return fromJson(content);
    }
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      var m = TITLE.matcher(content);
      String title = m.find() ? unescape(TAG.matcher(m.group(1)).replaceAll("")).trim() : null;
      return fromText(stripTags(content), title);
    }
    return fromText(content, null);
  }

  /** Plain text whose first line may be the source address. */
  public static ArticleFile fromText(String content, String title) {
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    int nl = text.indexOf('\n');
    String first = nl < 0 ? text : text.substring(0, nl);
    if (BARE_URL.matcher(first).matches()) {
      return new ArticleFile(first.trim(), title, nl < 0 ? "" : text.substring(nl + 1), null, null);
    }
    return new ArticleFile(null, title, text, null, null);
  }

  static ArticleFile fromJson(String content) throws IOException {
    JsonNode n = MAPPER.readTree(content);
    String body = n.hasNonNull("body") ? n.get("body").asText() : n.path("text").asText("");
    Instant published = parsePublished(n.hasNonNull("publishedAt") ? n.get("publishedAt").asText()
        : n.hasNonNull("published") ? n.get("published").asText() : null);
    return new ArticleFile(n.hasNonNull("url") ? n.get("url").asText() : null,
        n.hasNonNull("title") ? n.get("title").asText() : null, body, published,
        n.hasNonNull("language") ? n.get("language").asText() : null);
  }

  /** Removes markup, keeping block boundaries as line breaks. */
  static String stripTags(String html) {
    String s = SCRIPT.matcher(html).replaceAll(" ");
    s = BLOCK_TAG.matcher(s).replaceAll("\n");
    s = TAG.matcher(s).replaceAll("");
    return unescape(s);
  }

  private static String unescape(String s) {
    return s.replace("&nbsp;", " ").replace("&laquo;", "«").replace("&raquo;", "»").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&mdash;", "—").replace("&ndash;", "–").replace("&lt;", "<")
        .replace("&gt;", ">").replace("&amp;", "&");
  }

  /**
   * An ISO instant, date ({@code 2024-06-17}, start of day UTC) or month ({@code 2024-06}: its
   * last day, since a report is published no earlier than the events it covers); null if absent.
   */
  public static Instant parsePublished(String s) {
    if (s == null || s.isBlank() || s.equals("null")) {
      return null;
    }
    String v = s.trim();
    try {
      if (v.length() == 7) {
        return YearMonth.parse(v).atEndOfMonth().atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (v.length() == 10) {
        return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public ArticleFile withPublishedAt(Instant when) {
    return new ArticleFile(url, title, body, when, languageHint);
  }
}
