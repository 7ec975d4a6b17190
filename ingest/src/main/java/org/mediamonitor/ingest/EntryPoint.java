package org.mediamonitor.ingest;

/** How a record reached ingest: the {@code entryPoint} of a dead letter and the metric tag. */
public enum EntryPoint {
  HTTP("http"),
  FOLDER("folder"),
  JSONL("jsonl"),
  FEED("feed");

  private final String tag;

  EntryPoint(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }
}
