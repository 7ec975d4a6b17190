package org.mediamonitor.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an article out of plain text, Markdown or HTML. Deliberately simple: a proper feed and
 * HTML extractor comes later; this is for files dropped into the watched folder.
 */
public final class TextArticles {

  /** The parts found; {@code url} and {@code title} may be null. */
  public record Fields(String url, String title, String body) {}

  private static final Pattern BARE_URL = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);
  private static final int MAX_TITLE_CHARS = 300;

  private static final Pattern SCRIPT_OR_STYLE = Pattern.compile(
      "<(script|style|noscript|template|svg|head|title)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern TITLE = Pattern.compile("<title\\b[^>]*>(.*?)</title\\s*>",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern H1 = Pattern.compile("<h1\\b[^>]*>(.*?)</h1\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern CANONICAL = Pattern.compile(
      "<link\\b[^>]*\\brel\\s*=\\s*[\"']?canonical[\"']?[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern OG_URL = Pattern.compile(
      "<meta\\b[^>]*\\bproperty\\s*=\\s*[\"']og:url[\"'][^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern HREF = Pattern.compile("\\bhref\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);
  private static final Pattern CONTENT = Pattern.compile("\\bcontent\\s*=\\s*[\"']([^\"']+)[\"']",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern BLOCK_BREAK = Pattern.compile(
      "<(br|/p|/div|/h[1-6]|/li|/tr|/blockquote|/article|/section|/header|/footer|hr)\\b[^>]*>",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\u00A0]+");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n(\\s*\\n)+");

  private TextArticles() {}

  /**
   * Plain text or Markdown: an optional bare URL as the first line, then an optional title (a
   * short line followed by a blank line, {@code # } stripped in Markdown), then the body.
   */
  public static Fields fromText(String text, boolean markdown) {
    List<String> lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
    dropLeadingBlank(lines);
    String url = null;
    if (!lines.isEmpty() && BARE_URL.matcher(lines.get(0).strip()).matches()) {
      url = lines.remove(0).strip();
      dropLeadingBlank(lines);
    }
    String title = null;
    if (lines.size() > 2 && lines.get(1).isBlank() && isTitle(lines.get(0), markdown)) {
      title = lines.remove(0).strip();
      if (markdown) {
        title = title.replaceFirst("^#{1,6}\\s+", "").strip();
      }
      dropLeadingBlank(lines);
    }
    String body = String.join("\n", lines).strip();
    if (body.isEmpty() && title != null) {
      body = title;
      title = null;
    }
    return new Fields(url, title, body);
  }

  private static boolean isTitle(String line, boolean markdown) {
    String s = line.strip();
    if (s.isEmpty() || s.length() > MAX_TITLE_CHARS) {
      return false;
    }
    return !markdown || !s.startsWith("#") || s.matches("^#{1,6}\\s+.*");
  }

  private static void dropLeadingBlank(List<String> lines) {
    while (!lines.isEmpty() && lines.get(0).isBlank()) {
      lines.remove(0);
    }
  }

  /**
   * HTML: scripts, styles and comments removed, block ends turned into line breaks, other tags
   * dropped and common entities decoded. The title is the {@code <title>} (else the first
   * {@code <h1>}); the URL is the canonical link or {@code og:url} when absolute.
   */
  public static Fields fromHtml(String html) {
    String title = firstText(TITLE, html);
    String withoutHead = SCRIPT_OR_STYLE.matcher(html).replaceAll(" ");
    if (title == null) {
      title = firstText(H1, withoutHead);
    }
    String url = attribute(CANONICAL, HREF, html);
    if (url == null) {
      url = attribute(OG_URL, CONTENT, html);
    }
    String text = BLOCK_BREAK.matcher(withoutHead).replaceAll("\n");
    text = TAG.matcher(text).replaceAll("");
    text = decodeEntities(text);
    StringBuilder body = new StringBuilder();
    for (String line : text.split("\n")) {
      String clean = SPACES.matcher(line).replaceAll(" ").strip();
      body.append(clean).append('\n');
    }
    String joined = BLANK_LINES.matcher(body.toString()).replaceAll("\n\n").strip();
    return new Fields(url, title, joined);
  }

  private static String firstText(Pattern pattern, String html) {
    Matcher m = pattern.matcher(html);
    if (!m.find()) {
      return null;
    }
    String text = SPACES.matcher(decodeEntities(TAG.matcher(m.group(1)).replaceAll(" "))).replaceAll(" ")
        .replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? null : text;
  }

  private static String attribute(Pattern element, Pattern attribute, String html) {
    Matcher m = element.matcher(html);
    if (!m.find()) {
      return null;
    }
    Matcher a = attribute.matcher(m.group());
    if (!a.find()) {
      return null;
    }
    String value = decodeEntities(a.group(1)).strip();
    return BARE_URL.matcher(value).matches() ? value : null;
  }

  static String decodeEntities(String text) {
    return ENTITY.matcher(text).replaceAll(m -> Matcher.quoteReplacement(entity(m.group(1), m.group())));
  }

  private static String entity(String name, String whole) {
    try {
      if (name.startsWith("#x") || name.startsWith("#X")) {
        return Character.toString(Integer.parseInt(name.substring(2), 16));
      }
      if (name.startsWith("#")) {
        return Character.toString(Integer.parseInt(name.substring(1)));
      }
    } catch (IllegalArgumentException e) {
      return whole;
    }
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "amp" -> "&";
      case "lt" -> "<";
      case "gt" -> ">";
      case "quot" -> "\"";
      case "apos" -> "'";
      case "nbsp" -> " ";
      case "laquo" -> "«";
      case "raquo" -> "»";
      case "mdash" -> "—";
      case "ndash" -> "–";
      case "hellip" -> "…";
      case "ldquo" -> "“";
      case "rdquo" -> "”";
      case "bdquo" -> "„";
      case "lsquo" -> "‘";
      case "rsquo" -> "’";
      case "copy" -> "©";
      case "shy" -> "";
      default -> whole;
    };
  }
}
