package org.mediamonitor.enrich;

/** Compiles taxonomy text into a {@link Tagger}; the enrich topology calls it once per taxonomy version. */
@FunctionalInterface
public interface TaggerFactory {

  /**
   * Parses, validates and compiles a taxonomy file's content.
   *
   * @throws IllegalArgumentException when the content is not a valid taxonomy; the message names
   *     the offending entry
   */
  Tagger compile(String taxonomyContent);
}
