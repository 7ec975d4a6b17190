package org.mediamonitor.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * One article as submitted, already validated by {@link ArticleParser}: {@code body} is non-blank,
 * optional strings are null rather than blank, {@code language} is lower-case en/ru/kk.
 */
public record ArticleInput(
    String url,
    String source,
    String title,
    String body,
    Instant publishedAt,
    String language) {

  public ArticleInput {
    Objects.requireNonNull(body, "body");
  }

  /** The id this article is published under (see {@link ArticleIds#id}). */
  public String id() {
    return ArticleIds.id(url, body);
  }

  public String contentHash() {
    return ArticleIds.contentHash(body);
  }
}
