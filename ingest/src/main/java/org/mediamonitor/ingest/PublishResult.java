package org.mediamonitor.ingest;

import java.util.Locale;

/** What publishing an article did: a new record ({@code PUBLISHED}) or nothing ({@code UNCHANGED}). */
public record PublishResult(String id, int revision, Status status) {

  public enum Status {
    /** A record was written and acknowledged by the broker. */
    PUBLISHED,
    /** The same id with the same content was published before; nothing was written. */
    UNCHANGED;

    /** {@code published} / {@code unchanged}, as the HTTP API spells it. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
