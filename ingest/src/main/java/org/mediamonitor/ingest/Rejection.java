package org.mediamonitor.ingest;

/**
 * Why input was refused. The codes are the {@code reason} tag of the rejected-records counter,
 * so the set is small and fixed; the detail goes into the error message and the dead letter.
 */
public enum Rejection {
  INVALID_JSON("invalid_json"),
  INVALID_UTF8("invalid_utf8"),
  TOO_LARGE("too_large"),
  MISSING_BODY("missing_body"),
  INVALID_FIELD("invalid_field"),
  INVALID_URL("invalid_url"),
  INVALID_PUBLISHED_AT("invalid_published_at"),
  PUBLISHED_AT_OUT_OF_RANGE("published_at_out_of_range"),
  INVALID_LANGUAGE("invalid_language"),
  UNSUPPORTED_FILE("unsupported_file");

  private final String code;

  Rejection(String code) {
    this.code = code;
  }

  /** The metric tag and machine-readable reason. */
  public String code() {
    return code;
  }
}
