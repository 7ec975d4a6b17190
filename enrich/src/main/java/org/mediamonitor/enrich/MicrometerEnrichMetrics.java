package org.mediamonitor.enrich;

import java.util.Objects;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.mediamonitor.common.DeadLetterMeter;

/**
 * Enrich's domain meters: {@code media_monitor_enrich_articles_total{language,on_topic}},
 * {@code media_monitor_enrich_dead_letters_total{reason}} and
 * {@code media_monitor_enrich_taxonomy_releases_total{outcome}}; every dead letter is also counted in the
 * shared {@code media_monitor_dead_letters_total{stage="enrich",reason}} ({@link DeadLetterMeter}).
 * Every tag has a small, fixed set of values.
 */
public final class MicrometerEnrichMetrics implements EnrichMetrics {

  public static final String ARTICLES = "media.monitor.enrich.articles";
  public static final String DEAD_LETTERS = "media.monitor.enrich.dead.letters";
  public static final String TAXONOMY_RELEASES = "media.monitor.enrich.taxonomy.releases";

  private final MeterRegistry registry;
  /**
   * The articles counters by language tag and on-topic flag, registered at first use (as before)
   * and then kept: looking a meter up in the registry for every article costs more than counting.
   * Racing threads may both register one; the registry returns the same counter to both.
   */
  private final Counter[] articles = new Counter[TaggingProcessor.LANGUAGE_TAGS.size() * 2];
  private volatile String taxonomyInUse;
  private volatile String taxonomyLoaded;

  public MicrometerEnrichMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    for (DeadLetterReason reason : DeadLetterReason.values()) {
      deadLetters(reason.tag()); // registered at zero, so that rate() works from the first dead letter
      DeadLetterMeter.counter(registry, EnrichApp.NAME, reason.tag());
    }
  }

  @Override
  public void articleTagged(String language, boolean onTopic) {
    String tag = TaggingProcessor.languageTag(language);
    int slot = TaggingProcessor.LANGUAGE_TAGS.indexOf(tag) * 2 + (onTopic ? 1 : 0);
    Counter counter = articles[slot];
    if (counter == null) {
      counter = Counter.builder(ARTICLES).description("Articles tagged and sent to enriched-articles")
          .tag("language", tag).tag("on_topic", Boolean.toString(onTopic)).register(registry);
      articles[slot] = counter;
    }
    counter.increment();
  }

  @Override
  public void deadLettered(String reason) {
    deadLetters(reason).increment();
    DeadLetterMeter.increment(registry, EnrichApp.NAME, reason);
  }

  @Override
  public void taxonomyCompiled(String version, boolean valid) {
    Counter.builder(TAXONOMY_RELEASES).description("Taxonomy releases compiled, by outcome")
        .tag("outcome", valid ? "loaded" : "rejected").register(registry).increment();
    if (valid) {
      taxonomyLoaded = version;
    }
  }

  @Override
  public void taxonomyInUse(String version) {
    taxonomyInUse = version;
  }

  /** The taxonomy version the last task to switch is tagging with; null before the topology starts. */
  public String taxonomyInUse() {
    return taxonomyInUse;
  }

  /** The last taxonomy release compiled successfully (tagging switches to it at the next article). */
  public String taxonomyLoaded() {
    return taxonomyLoaded;
  }

  private Counter deadLetters(String reason) {
    return Counter.builder(DEAD_LETTERS).description("Records sent to the dead-letter topic (or skipped, for the taxonomy topic)")
        .tag("reason", reason).register(registry);
  }
}
