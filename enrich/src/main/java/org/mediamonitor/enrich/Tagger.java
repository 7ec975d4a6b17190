package org.mediamonitor.enrich;

import java.time.Instant;
import java.util.Objects;

import org.mediamonitor.schema.EnrichedArticle;
import org.mediamonitor.schema.RawArticle;

/**
 * A tagger compiled from one taxonomy version. One instance is shared by every stream task of a
 * process, so implementations must be immutable (or otherwise thread-safe).
 */
public interface Tagger extends ArticleTagger {

  /** The version of the taxonomy this tagger was compiled from; stamped on every article it tags. */
  String version();

  static Tagger of(String version, ArticleTagger tagger) {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(tagger, "tagger");
    return new Tagger() {
      @Override
      public String version() {
        return version;
      }

      @Override
      public EnrichedArticle tag(RawArticle raw, Instant enrichedAt) {
        return tagger.tag(raw, enrichedAt);
      }

      @Override
      public String toString() {
        return "Tagger[" + version + "]";
      }
    };
  }
}
