package org.mediamonitor.enrich;

/**
 * What the enrich topology and its error handlers count. The topology takes this interface rather
 * than a meter registry so that it stays free of statics and tests can observe it directly.
 * Implementations must be thread-safe: stream threads, the global thread and the exception
 * handlers all call it.
 */
public interface EnrichMetrics {

  EnrichMetrics NOOP = new EnrichMetrics() {};

  /** An article was tagged and sent to enriched-articles. */
  default void articleTagged(String language, boolean onTopic) {}

  /** A record was sent to the dead-letter topic; {@code reason} is a {@link DeadLetterReason#tag()}. */
  default void deadLettered(String reason) {}

  /** A taxonomy release was compiled (once per version and process), successfully or not. */
  default void taxonomyCompiled(String version, boolean valid) {}

  /** A stream task now tags with this taxonomy version. */
  default void taxonomyInUse(String version) {}
}
