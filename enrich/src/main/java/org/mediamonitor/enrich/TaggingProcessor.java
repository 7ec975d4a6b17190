package org.mediamonitor.enrich;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.mediamonitor.common.streams.DeadLetterPolicy;
import org.mediamonitor.schema.DeadLetter;
import org.mediamonitor.schema.EnrichedArticle;
import org.mediamonitor.schema.RawArticle;
import org.mediamonitor.schema.TaxonomyRelease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tags each raw article with the current taxonomy. Before each article it looks at the current
 * release the taxonomy loader announced to the shared cache when it stored it in the global store
 * (reading the store itself would decode the whole release per article); when that version differs
 * from the tagger it holds, it takes the compiled tagger from the cache (compiling it once if the
 * loader has not) and uses it from this article on. A release that does not compile is
 * dead-lettered once and the previous tagger stays.
 */
final class TaggingProcessor implements Processor<String, RawArticle, Object, Object> {

  private static final Logger LOG = LoggerFactory.getLogger(TaggingProcessor.class);
  /** The language label of the articles metric: a language enrich knows, or {@code other} (the last). */
  static final List<String> LANGUAGE_TAGS = List.of("en", "ru", "kk", "other");

  private final TaggerCache cache;
  private final EnrichMetrics metrics;
  private final String taxonomyTopic;
  private final Serializer<TaxonomyRelease> releaseSerializer;
  private ProcessorContext<Object, Object> context;
  private Tagger tagger;
  private String rejectedVersion;

  TaggingProcessor(Tagger initial, TaggerCache cache, EnrichMetrics metrics, String taxonomyTopic,
      Serializer<TaxonomyRelease> releaseSerializer) {
    this.tagger = initial;
    this.cache = cache;
    this.metrics = metrics;
    this.taxonomyTopic = taxonomyTopic;
    this.releaseSerializer = releaseSerializer;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    metrics.taxonomyInUse(tagger.version());
  }

  @Override
  public void process(Record<String, RawArticle> record) {
    RawArticle raw = record.value();
    if (raw == null) {
      // a deletion upstream becomes a deletion of the enriched article
      if (record.key() != null) {
        context.forward(new Record<Object, Object>(record.key(), null, record.timestamp(), record.headers()),
            EnrichTopology.ENRICHED_SINK);
      }
      return;
    }
    refreshTagger(record.timestamp());
    Tagger current = tagger;
    EnrichedArticle enriched;
    try {
      enriched = current.tag(raw, Instant.ofEpochMilli(context.currentSystemTimeMs()));
    } catch (RuntimeException e) {
      throw new TaggingException("taxonomy " + current.version() + " failed on article " + raw.getId() + ": "
          + e.getMessage(), e);
    }
    if (enriched == null) {
      throw new TaggingException("taxonomy " + current.version() + " returned nothing for article " + raw.getId(), null);
    }
    enriched.setTaxonomyVersion(current.version());
    String key = record.key() != null ? record.key() : raw.getId();
    metrics.articleTagged(languageTag(enriched.getLanguage()), enriched.getOnTopic());
    context.forward(new Record<Object, Object>(key, enriched, record.timestamp(), record.headers()),
        EnrichTopology.ENRICHED_SINK);
  }

  private void refreshTagger(long timestamp) {
    TaxonomyRelease release = cache.announced();
    if (release == null) {
      return;
    }
    String version = release.getVersion();
    if (version.equals(tagger.version()) || version.equals(rejectedVersion)) {
      return;
    }
    TaggerCache.Outcome outcome = cache.compile(release, null, null);
    if (outcome.valid()) {
      LOG.info("task {}: switching taxonomy {} -> {}", context.taskId(), tagger.version(), version);
      tagger = outcome.tagger();
      rejectedVersion = null;
      metrics.taxonomyInUse(version);
      return;
    }
    rejectedVersion = version;
    if (outcome.claimReport()) {
      deadLetter(release, outcome, timestamp);
    }
  }

  private void deadLetter(TaxonomyRelease release, TaggerCache.Outcome outcome, long timestamp) {
    byte[] key = EnrichTopology.RELEASE_KEY.getBytes(StandardCharsets.UTF_8);
    DeadLetter letter = DeadLetter.newBuilder()
        .setStage(EnrichApp.NAME)
        .setEntryPoint(taxonomyTopic)
        .setReason(DeadLetterReason.INVALID_TAXONOMY.describe(outcome.error() + "; still tagging with " + tagger.version()))
        .setErrorClass(outcome.errorClass())
        .setSourceTopic(taxonomyTopic)
        .setSourcePartition(outcome.partition())
        .setSourceOffset(outcome.offset())
        .setOriginalKey(DeadLetterPolicy.wrap(key))
        .setOriginalValue(DeadLetterPolicy.wrap(releaseSerializer.serialize(taxonomyTopic, release)))
        .setFailedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
        .build();
    LOG.warn("dead-lettering taxonomy release {}: {}", release.getVersion(), outcome.error());
    metrics.deadLettered(DeadLetterReason.INVALID_TAXONOMY.tag());
    context.forward(new Record<Object, Object>(key, letter, timestamp), EnrichTopology.DEAD_LETTER_SINK);
  }

  /** Keeps the metric's language tag to a known, small set. */
  static String languageTag(String language) {
    String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
    return LANGUAGE_TAGS.indexOf(lang) >= 0 ? lang : "other";
  }
}
