package org.mediamonitor.enrich;

import java.util.Objects;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.mediamonitor.common.Topics;
import org.mediamonitor.schema.TaxonomyRelease;

/**
 * Tags raw articles with violation types, legal basis and charges.
 *
 * <pre>
 * raw-articles (String id, RawArticle) -> enrich-tag-articles -> enriched-articles (String id, EnrichedArticle)
 *                                                             \-> dead-letters (byte[], DeadLetter): invalid taxonomy releases
 * taxonomy (String "current", TaxonomyRelease) -> enrich-taxonomy-loader -> global store enrich-taxonomy-store
 * </pre>
 *
 * <p>A tombstone on raw-articles becomes a tombstone on enriched-articles, so deletions reach the
 * aggregate's table. Poison pills, tagger failures and unencodable output are dead-lettered by the
 * exception handlers {@link EnrichConfig#streamsProperties} installs, not by this topology.
 * The only store is the global, in-memory {@code enrich-taxonomy-store}: it is rebuilt from the
 * compacted taxonomy topic at start, so it needs no changelog.
 */
public final class EnrichTopology {

  public static final String RAW_SOURCE = "enrich-raw-articles-source";
  public static final String TAG_PROCESSOR = "enrich-tag-articles";
  public static final String ENRICHED_SINK = "enrich-enriched-articles-sink";
  public static final String DEAD_LETTER_SINK = "enrich-dead-letters-sink";
  public static final String TAXONOMY_SOURCE = "enrich-taxonomy-source";
  public static final String TAXONOMY_LOADER = "enrich-taxonomy-loader";
  public static final String TAXONOMY_STORE = "enrich-taxonomy-store";
  /** The key of the taxonomy release in force; the topic is compacted, so it holds only that one. */
  public static final String RELEASE_KEY = "current";

  private EnrichTopology() {}

  public static Topology build(Topics topics, TaggerFactory factory, String initialTaxonomy) {
    return build(topics, factory, initialTaxonomy, EnrichMetrics.NOOP);
  }

  /**
   * Builds the topology. The initial taxonomy is compiled here, so an invalid one fails at start
   * (IllegalArgumentException); it is used until a release arrives on the taxonomy topic.
   */
  public static Topology build(Topics topics, TaggerFactory factory, String initialTaxonomy, EnrichMetrics metrics) {
    Objects.requireNonNull(initialTaxonomy, "initialTaxonomy");
    Tagger initial = factory.compile(initialTaxonomy);
    if (initial == null) {
      throw new IllegalArgumentException("the tagger factory returned no tagger for the initial taxonomy");
    }
    TaggerCache cache = new TaggerCache(factory, metrics);
    cache.put(initial);

    StoreBuilder<KeyValueStore<String, TaxonomyRelease>> store = Stores
        .keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TAXONOMY_STORE), Serdes.String(), topics.taxonomy().valueSerde())
        .withLoggingDisabled(); // a global store is restored from its source topic

    Topology topology = new Topology();
    topology.addGlobalStore(store, TAXONOMY_SOURCE,
        topics.taxonomy().keySerde().deserializer(), topics.taxonomy().valueSerde().deserializer(),
        topics.taxonomy().name(), TAXONOMY_LOADER, () -> new TaxonomyLoader(cache));
    topology.addSource(RAW_SOURCE, topics.rawArticles().keySerde().deserializer(),
        topics.rawArticles().valueSerde().deserializer(), topics.rawArticles().name());
    topology.addProcessor(TAG_PROCESSOR, () -> new TaggingProcessor(initial, cache, metrics, topics.taxonomy().name(),
        topics.taxonomy().valueSerde().serializer()), RAW_SOURCE);
    topology.addSink(ENRICHED_SINK, topics.enrichedArticles().name(), topics.enrichedArticles().keySerde().serializer(),
        topics.enrichedArticles().valueSerde().serializer(), TAG_PROCESSOR);
    topology.addSink(DEAD_LETTER_SINK, topics.deadLetters().name(), topics.deadLetters().keySerde().serializer(),
        topics.deadLetters().valueSerde().serializer(), TAG_PROCESSOR);
    return topology;
  }
}
