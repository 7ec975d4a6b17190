package org.mediamonitor.enrich;

import java.time.Instant;
import java.util.Objects;

import org.mediamonitor.enrich.classify.Classifier;
import org.mediamonitor.enrich.classify.Taxonomy;
import org.mediamonitor.schema.EnrichedArticle;
import org.mediamonitor.schema.RawArticle;

/** The production tagger: the rule-based classifier compiled from one taxonomy version. */
public final class ClassifierTagger implements Tagger {

  /** Parses, validates and compiles taxonomy content; throws IllegalArgumentException naming the bad entry. */
  public static final TaggerFactory FACTORY = ClassifierTagger::compile;

  private final Classifier classifier;
  private final String version;

  private ClassifierTagger(Classifier classifier, String version) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.version = Objects.requireNonNull(version, "version");
  }

  public static ClassifierTagger compile(String taxonomyContent) {
    Taxonomy taxonomy = Taxonomy.parse(taxonomyContent);
    return new ClassifierTagger(Classifier.compile(taxonomy), taxonomy.version());
  }

  /** The taxonomy shipped in the jar: used until a release is published. */
  public static String bundledContent() {
    return Taxonomy.bundledContent();
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public EnrichedArticle tag(RawArticle raw, Instant enrichedAt) {
    return classifier.classify(raw.getTitle(), raw.getBody(), raw.getPublishedAt(), raw.getLanguageHint(), raw.getUrl())
        .toEnriched(raw, enrichedAt);
  }

  @Override
  public String toString() {
    return "ClassifierTagger[" + version + "]";
  }
}
