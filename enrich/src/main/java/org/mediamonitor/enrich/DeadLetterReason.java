package org.mediamonitor.enrich;

/** Why enrich dead-lettered a record: a short code, used as the metric tag and as the reason's prefix. */
public enum DeadLetterReason {
  /** The key or value could not be decoded (truncated Avro, unknown schema fingerprint, garbage). */
  DESERIALIZATION("deserialization"),
  /** The tagger threw on this article. */
  TAGGING("tagging"),
  /** A taxonomy release could not be compiled; the previous version stays in use. */
  INVALID_TAXONOMY("invalid_taxonomy"),
  /** An output record could not be encoded (e.g. a tagger left a required field empty). */
  SERIALIZATION("serialization"),
  /** An output record is larger than the broker accepts. */
  TOO_LARGE("too_large"),
  /** Any other exception in a processor. */
  PROCESSING("processing");

  private final String tag;

  DeadLetterReason(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }

  /** The text stored in {@code DeadLetter.reason}: the code, then what went wrong. */
  public String describe(String detail) {
    return detail == null || detail.isBlank() ? tag : tag + ": " + detail;
  }
}
