package org.mediamonitor.aggregate;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.KeyValueStore;
import org.mediamonitor.common.Topic;
import org.mediamonitor.common.Topics;
import org.mediamonitor.common.serde.WireFormat;
import org.mediamonitor.schema.ArticleContribution;
import org.mediamonitor.schema.MonthFigures;
import org.mediamonitor.schema.MonthStory;
import org.mediamonitor.schema.MonthlyCharges;
import org.mediamonitor.schema.SpikeAlert;
import org.mediamonitor.schema.StoryDelta;
import org.mediamonitor.schema.StoryMembers;
import org.mediamonitor.schema.StoryUpdate;
import org.mediamonitor.schema.TallyChange;

/**
 * Monthly charge tallies, year-to-date and spike alerts from the enriched-article table.
 *
 * <pre>
 * enriched-articles (String article id, EnrichedArticle; null = deleted)
 *   -> [aggregate-article-contributions]  store aggregate-article-contributions-store: article id -> ArticleContribution
 *   -> repartition aggregate-by-story     (String story key, StoryUpdate)
 *   -> [aggregate-story-representative]   store aggregate-story-members-store: story key -> StoryMembers
 *   -> repartition aggregate-by-jurisdiction, 1 partition (String "KZ", StoryDelta)
 *   -> [aggregate-national-tallies]       stores aggregate-month-figures-store: YYYY-MM -> MonthFigures,
 *                                                aggregate-month-stories-store: YYYY-MM|story key -> MonthStory,
 *                                                aggregate-spike-alerts-store: alert id -> SpikeAlert
 *   -> monthly-tallies (String YYYY-MM, MonthlyCharges; null = month emptied), compacted
 *   -> tally-changes   (String YYYY-MM, TallyChange)
 *   -> spike-alerts    (String alert id, SpikeAlert), compacted
 * </pre>
 *
 * <p>The national step runs in one task on purpose: the year-to-date and the alert baselines need
 * every month together, and the volume (a few hundred reports a month) is tiny. Its stores are the
 * ones the HTTP API queries. A month's figures and each story's incidents in it are separate
 * records, so that a story's change writes the story and a few small figure records, not the month.
 */
public final class AggregateTopology {

  /** The one key of the national aggregate. */
  public static final String JURISDICTION = "KZ";

  public static final String SOURCE = "aggregate-enriched-articles-source";
  public static final String ARTICLE_PROCESSOR = "aggregate-article-contributions";
  public static final String ARTICLES_STORE = "aggregate-article-contributions-store";
  public static final String BY_STORY_REPARTITION = "aggregate-by-story";
  public static final String STORY_PROCESSOR = "aggregate-story-representative";
  public static final String STORIES_STORE = "aggregate-story-members-store";
  public static final String BY_JURISDICTION_REPARTITION = "aggregate-by-jurisdiction";
  public static final String TALLY_PROCESSOR = "aggregate-national-tallies";
  /**
   * Month figures. Was {@code aggregate-months-store} (whole months with every story) before the
   * figures and the stories were split: a new name, so that no record of the old shape is ever read.
   */
  public static final String MONTHS_STORE = "aggregate-month-figures-store";
  /** Each story's incidents in a month, key {@code YYYY-MM|storyKey}. */
  public static final String MONTH_STORIES_STORE = "aggregate-month-stories-store";
  public static final String ALERTS_STORE = "aggregate-spike-alerts-store";
  public static final String OUTPUT_SPLIT = "aggregate-outputs-";
  public static final String MONTHLY_BRANCH = "monthly";
  public static final String CHANGES_BRANCH = "changes";
  public static final String ALERTS_BRANCH = "alerts";
  public static final String MONTHLY_SINK = "aggregate-monthly-tallies-sink";
  public static final String CHANGES_SINK = "aggregate-tally-changes-sink";
  public static final String ALERTS_SINK = "aggregate-spike-alerts-sink";

  private AggregateTopology() {}

  public static Topology build(Topics topics, AggregateConfig config) {
    return build(topics, config, TallyListener.NONE);
  }

  public static Topology build(Topics topics, AggregateConfig config, TallyListener listener) {
    WireFormat wire = WireFormat.singleObject();
    Serde<String> key = Serdes.String();
    SpikeDetector detector = new SpikeDetector(config);
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(store(ARTICLES_STORE, wire.serde(ArticleContribution.class)));
    builder.addStateStore(store(STORIES_STORE, wire.serde(StoryMembers.class)));
    builder.addStateStore(store(MONTHS_STORE, wire.serde(MonthFigures.class)));
    builder.addStateStore(store(MONTH_STORIES_STORE, wire.serde(MonthStory.class)));
    builder.addStateStore(store(ALERTS_STORE, wire.serde(SpikeAlert.class)));

    Topic<String, ?> enriched = topics.enrichedArticles();
    KStream<String, TallyOutput> outputs = builder
        .stream(topics.enrichedArticles().name(), topics.enrichedArticles().consumed().withName(SOURCE))
        .process(() -> new ArticleContributionProcessor(config.zone()), Named.as(ARTICLE_PROCESSOR), ARTICLES_STORE)
        .repartition(Repartitioned.<String, StoryUpdate>as(BY_STORY_REPARTITION)
            .withKeySerde(key).withValueSerde(wire.serde(StoryUpdate.class))
            .withNumberOfPartitions(enriched.partitions()))
        .process(StoryProcessor::new, Named.as(STORY_PROCESSOR), STORIES_STORE)
        .repartition(Repartitioned.<String, StoryDelta>as(BY_JURISDICTION_REPARTITION)
            .withKeySerde(key).withValueSerde(wire.serde(StoryDelta.class))
            .withNumberOfPartitions(1))
        .process(() -> new NationalTallyProcessor(detector, listener, config.alertCheckInterval()), Named.as(TALLY_PROCESSOR),
            MONTHS_STORE, MONTH_STORIES_STORE, ALERTS_STORE);

    Topic<String, MonthlyCharges> monthly = topics.monthlyTallies();
    Topic<String, TallyChange> changes = topics.tallyChanges();
    Topic<String, SpikeAlert> spikes = topics.spikeAlerts();
    outputs.split(Named.as(OUTPUT_SPLIT))
        .branch((k, v) -> v.target() == TallyOutput.Target.MONTHLY_TALLIES, Branched.withConsumer(s -> s
            .mapValues(v -> (MonthlyCharges) v.value(), Named.as(MONTHLY_SINK + "-values"))
            .to(monthly.name(), Produced.with(monthly.keySerde(), monthly.valueSerde()).withName(MONTHLY_SINK)),
            MONTHLY_BRANCH))
        .branch((k, v) -> v.target() == TallyOutput.Target.TALLY_CHANGES, Branched.withConsumer(s -> s
            .mapValues(v -> (TallyChange) v.value(), Named.as(CHANGES_SINK + "-values"))
            .to(changes.name(), Produced.with(changes.keySerde(), changes.valueSerde()).withName(CHANGES_SINK)),
            CHANGES_BRANCH))
        .branch((k, v) -> v.target() == TallyOutput.Target.SPIKE_ALERTS, Branched.withConsumer(s -> s
            .mapValues(v -> (SpikeAlert) v.value(), Named.as(ALERTS_SINK + "-values"))
            .to(spikes.name(), Produced.with(spikes.keySerde(), spikes.valueSerde()).withName(ALERTS_SINK)),
            ALERTS_BRANCH))
        .noDefaultBranch();
    return builder.build();
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> valueSerde) {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde);
  }
}
