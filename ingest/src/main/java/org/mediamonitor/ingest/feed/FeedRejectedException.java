package org.mediamonitor.ingest.feed;

import java.util.Objects;

/**
 * A feed document refused as a whole. {@link #reason()} is the {@code reason} tag of the
 * rejected counter, from a small fixed set; the message says what was wrong, never the document.
 */
public final class FeedRejectedException extends Exception {

  /** The document declares a DOCTYPE: refused because entities are how XXE and XML bombs work. */
  public static final String DOCTYPE = "doctype_refused";
  /** Not well-formed XML, or XML that is neither RSS nor Atom. */
  public static final String MALFORMED = "malformed_feed";
  /** Larger than {@code ingest.feed.max.bytes}. */
  public static final String TOO_LARGE = "too_large";

  private final String reason;

  public FeedRejectedException(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public String reason() {
    return reason;
  }
}
