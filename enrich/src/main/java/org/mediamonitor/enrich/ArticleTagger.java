package org.mediamonitor.enrich;

import java.time.Instant;

import org.mediamonitor.schema.EnrichedArticle;
import org.mediamonitor.schema.RawArticle;

/** Tags one article. Implementations are pure functions of their input and the taxonomy they were built from. */
@FunctionalInterface
public interface ArticleTagger {

  /**
   * Returns the enriched article; {@code enrichedAt} is passed in so that tagging needs no clock.
   * A runtime exception dead-letters this article only.
   */
  EnrichedArticle tag(RawArticle raw, Instant enrichedAt);
}
