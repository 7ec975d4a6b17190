package org.mediamonitor.enrich;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mediamonitor.schema.EnrichedArticle;
import org.mediamonitor.schema.RawArticle;

/**
 * A stand-in for the real classifier: a "taxonomy" is lines of {@code key=value}. {@code version}
 * is required; {@code broken=...} makes the content invalid; {@code topic=word} marks articles whose
 * body contains the word as on topic. Tagging throws on a body containing {@code BOOM} and leaves
 * the required language empty on a body containing {@code NOLANG}.
 */
final class TestTaggers {

  static final TaggerFactory FACTORY = TestTaggers::compile;

  private TestTaggers() {}

  static String taxonomy(String version) {
    return "version=" + version + "\ntopic=journalist\n";
  }

  static Tagger compile(String content) {
    Map<String, String> entries = new LinkedHashMap<>();
    int line = 0;
    for (String l : content.split("\n")) {
      line++;
      if (l.isBlank()) {
        continue;
      }
      int eq = l.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("line " + line + ": expected key=value");
      }
      entries.put(l.substring(0, eq).trim(), l.substring(eq + 1).trim());
    }
    if (entries.containsKey("broken")) {
      throw new IllegalArgumentException("entry 'broken': " + entries.get("broken"));
    }
    String version = entries.get("version");
    if (version == null) {
      throw new IllegalArgumentException("missing entry 'version'");
    }
    String topicWord = entries.getOrDefault("topic", "journalist");
    return Tagger.of(version, (raw, enrichedAt) -> tag(raw, enrichedAt, topicWord));
  }

  private static EnrichedArticle tag(RawArticle raw, Instant enrichedAt, String topicWord) {
    if (raw.getBody().contains("BOOM")) {
      throw new IllegalStateException("rule r-7 exploded");
    }
    EnrichedArticle out = new EnrichedArticle();
    out.setArticleId(raw.getId());
    out.setUrl(raw.getUrl());
    out.setSource(raw.getSource());
    out.setTitle(raw.getTitle());
    out.setPublishedAt(raw.getPublishedAt());
    out.setFetchedAt(raw.getFetchedAt());
    out.setEnrichedAt(enrichedAt);
    out.setContentHash(raw.getContentHash());
    out.setRevision(raw.getRevision());
    out.setLanguage(raw.getBody().contains("NOLANG") ? null : raw.getLanguageHint() == null ? "en" : raw.getLanguageHint());
    out.setOnTopic(raw.getBody().contains(topicWord));
    out.setIncidents(List.of());
    out.setEvidence(List.of());
    out.setTaxonomyVersion("set-by-the-tagger");
    return out;
  }
}
