package org.mediamonitor.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

/**
 * Parses RSS (0.9x-2.0) and Atom documents with ROME, refusing any DOCTYPE declaration.
 *
 * <p>Why refuse rather than ignore: a DOCTYPE is what carries entity definitions, so refusing it
 * closes both external entities (XXE: reading local files or internal URLs into the feed) and
 * entity expansion bombs (billion laughs) before a single entity is defined. Real RSS 2.0 and Atom
 * feeds have no DOCTYPE; only the obsolete RSS 0.91 Netscape variant needs one. ROME additionally
 * turns off external general and parameter entities and external DTD loading, and resolves any
 * entity to nothing.
 */
public final class FeedParser {

  /** A parsed document: its items in document order and its declared language (or null). */
  public record ParsedFeed(String feedType, String language, List<FeedItem> items) {}

  private final int maxBytes;

  /** @param maxBytes a larger document is refused with {@link FeedRejectedException#TOO_LARGE} */
  public FeedParser(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * @param xml the document as served
   * @param contentType the HTTP Content-Type (its charset is used when the document declares none), or null
   */
  public ParsedFeed parse(byte[] xml, String contentType) throws FeedRejectedException {
    if (xml.length > maxBytes) {
      throw new FeedRejectedException(FeedRejectedException.TOO_LARGE,
          "feed is " + xml.length + " bytes, more than the limit of " + maxBytes, null);
    }
    SyndFeed feed;
    try (Reader reader = contentType == null
        ? new XmlReader(new ByteArrayInputStream(xml), true)
        : new XmlReader(new ByteArrayInputStream(xml), contentType, true)) {
      feed = secureInput().build(reader);
    } catch (FeedException | IllegalArgumentException e) {
      throw classify(e);
    } catch (IOException e) {
      throw new FeedRejectedException(FeedRejectedException.MALFORMED, "feed cannot be decoded: " + e.getMessage(), e);
    }
    List<FeedItem> items = new ArrayList<>();
    for (SyndEntry entry : feed.getEntries()) {
      items.add(item(entry));
    }
    return new ParsedFeed(feed.getFeedType(), feed.getLanguage(), List.copyOf(items));
  }

  /**
   * A fresh input per document (SyndFeedInput is not documented as thread-safe): DOCTYPEs refused,
   * no XML healer (it rewrites entities in the raw text, which we do not want applied to hostile input).
   */
  static SyndFeedInput secureInput() {
    SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
    input.setAllowDoctypes(false);
    input.setXmlHealerOn(false);
    return input;
  }

  private static FeedRejectedException classify(Exception e) {
    String message = String.valueOf(e.getMessage());
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("doctype")) {
      return new FeedRejectedException(FeedRejectedException.DOCTYPE,
          "feed declares a DOCTYPE, which is refused (entities could read local files or expand without bound)", e);
    }
    if (e instanceof IllegalArgumentException && lower.contains("invalid document")) {
      return new FeedRejectedException(FeedRejectedException.MALFORMED, "not an RSS or Atom document: " + message, e);
    }
    return new FeedRejectedException(FeedRejectedException.MALFORMED, "feed is not well-formed: " + firstLine(message),
        e);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static FeedItem item(SyndEntry entry) {
    String link = link(entry);
    String uri = blankToNull(entry.getUri());
    String title = entry.getTitleEx() != null ? text(entry.getTitleEx()) : HtmlText.fragment(entry.getTitle());
    String summary = entry.getDescription() == null ? null : text(entry.getDescription());
    String content = null;
    for (SyndContent c : entry.getContents()) {
      String t = text(c);
      if (t != null && (content == null || t.length() > content.length())) {
        content = t;
      }
    }
    Instant updated = instant(entry.getUpdatedDate());
    Instant published = instant(entry.getPublishedDate());
    return new FeedItem(uri != null ? uri : link, link, title, summary, content, published != null ? published : updated,
        updated);
  }

  /** The alternate link (Atom) or the item link (RSS); ROME falls back to the guid for permalinks. */
  private static String link(SyndEntry entry) {
    String link = blankToNull(entry.getLink());
    if (link != null) {
      return link;
    }
    for (SyndLink l : entry.getLinks()) {
      if (l.getRel() == null || "alternate".equals(l.getRel())) {
        String href = blankToNull(l.getHref());
        if (href != null) {
          return href;
        }
      }
    }
    return null;
  }

  /** Text of a text, html or xhtml construct; plain text is taken as is (an HTML parse would eat {@code <}). */
  private static String text(SyndContent content) {
    String value = content.getValue();
    if (value == null || value.isBlank()) {
      return null;
    }
    String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
    if (type.equals("text") || type.equals("text/plain")) {
      String s = value.strip().replaceAll("[\\s\\u00A0]+", " ");
      return s.isEmpty() ? null : s;
    }
    // RSS descriptions carry no type and are usually escaped HTML
    return HtmlText.fragment(value);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
