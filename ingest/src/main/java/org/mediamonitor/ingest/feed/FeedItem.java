package org.mediamonitor.ingest.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One RSS item or Atom entry, its text already converted from HTML.
 *
 * @param id the guid (RSS) or id (Atom), else the link; null when the item has neither
 * @param link the article's URL, or null
 * @param title plain text, or null
 * @param summary plain text of the description/summary, or null
 * @param content plain text of content:encoded / Atom content, or null
 * @param publishedAt publication date, else the update date, or null
 * @param updatedAt update date, or null
 */
public record FeedItem(String id, String link, String title, String summary, String content, Instant publishedAt,
    Instant updatedAt) {

  /** Length of {@link #fingerprint()} in hex characters (128 bits). */
  public static final int FINGERPRINT_HEX = 32;

  /**
   * What the checkpoint remembers: the item's identity plus everything that makes a new revision
   * of it. An item edited in the feed gets a new fingerprint, is processed again and flows as a
   * revision; an unchanged one is skipped without fetching its page.
   */
  public String fingerprint() {
    StringBuilder s = new StringBuilder();
    for (Object part : new Object[] {id, link, title, summary, content, updatedAt}) {
      s.append(part == null ? "" : part.toString()).append('\u001f');
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, FINGERPRINT_HEX);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** The longer of content and summary, or null when both are blank. */
  public String bestText() {
    String c = content == null || content.isBlank() ? null : content;
    String s = summary == null || summary.isBlank() ? null : summary;
    if (c == null) {
      return s;
    }
    return s == null || c.length() >= s.length() ? c : s;
  }
}
