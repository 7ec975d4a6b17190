package org.mediamonitor.common;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.mediamonitor.common.serde.WireFormat;
import org.mediamonitor.schema.DeadLetter;
import org.mediamonitor.schema.EnrichedArticle;
import org.mediamonitor.schema.MonthlyCharges;
import org.mediamonitor.schema.RawArticle;
import org.mediamonitor.schema.SpikeAlert;
import org.mediamonitor.schema.TallyChange;
import org.mediamonitor.schema.TaxonomyRelease;

/**
 * Every topic of the pipeline, named once. Names are {@code <prefix><noun>}; the default
 * prefix is {@code media-monitor-}.
 */
public record Topics(
    Topic<String, RawArticle> rawArticles,
    Topic<String, EnrichedArticle> enrichedArticles,
    Topic<byte[], DeadLetter> deadLetters,
    Topic<String, MonthlyCharges> monthlyTallies,
    Topic<String, TallyChange> tallyChanges,
    Topic<String, SpikeAlert> spikeAlerts,
    Topic<String, TaxonomyRelease> taxonomy) {

  public static final String DEFAULT_PREFIX = "media-monitor-";

  private static final Map<String, String> COMPACTED =
      Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
  private static final Map<String, String> RETAINED_90_DAYS = Map.of(
      TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
      TopicConfig.RETENTION_MS_CONFIG, Long.toString(90L * 24 * 3600 * 1000));

  public static Topics create(String prefix, int partitions, WireFormat wire) {
    Serde<String> key = Serdes.String();
    return new Topics(
        new Topic<>(prefix + "raw-articles", key, wire.serde(RawArticle.class), partitions, COMPACTED),
        new Topic<>(prefix + "enriched-articles", key, wire.serde(EnrichedArticle.class), partitions, COMPACTED),
        new Topic<>(prefix + "dead-letters", Serdes.ByteArray(), wire.serde(DeadLetter.class), 1, RETAINED_90_DAYS),
        // one partition: tallies are a single national aggregate, and compaction keeps one row per month
        new Topic<>(prefix + "monthly-tallies", key, wire.serde(MonthlyCharges.class), 1, COMPACTED),
        new Topic<>(prefix + "tally-changes", key, wire.serde(TallyChange.class), 1, RETAINED_90_DAYS),
        new Topic<>(prefix + "spike-alerts", key, wire.serde(SpikeAlert.class), 1, COMPACTED),
        new Topic<>(prefix + "taxonomy", key, wire.serde(TaxonomyRelease.class), 1, COMPACTED));
  }

  public static Topics defaults() {
    return create(DEFAULT_PREFIX, 3, WireFormat.singleObject());
  }

  public List<Topic<?, ?>> all() {
    return List.of(rawArticles, enrichedArticles, deadLetters, monthlyTallies, tallyChanges, spikeAlerts, taxonomy);
  }
}
