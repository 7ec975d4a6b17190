package org.mediamonitor.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.mediamonitor.common.Topics;

/** Renaming a store or a repartition topic silently drops state: these names are pinned. */
class AggregateTopologyNamesTest {

  @Test
  void shouldKeepTheNamesOfStoresProcessorsAndRepartitionTopics() {
    TopologyDescription description = AggregateTopology.build(Topics.defaults(), AggregateConfig.defaults()).describe();
    Set<String> nodes = new TreeSet<>();
    Set<String> stores = new TreeSet<>();
    Set<String> topics = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : description.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        nodes.add(node.name());
        if (node instanceof TopologyDescription.Processor p) {
          stores.addAll(p.stores());
        } else if (node instanceof TopologyDescription.Source s) {
          topics.addAll(s.topicSet());
        } else if (node instanceof TopologyDescription.Sink s) {
          topics.add(s.topic());
        }
      }
    }
    assertThat(description.subtopologies()).hasSize(3);
    assertThat(stores).containsExactlyInAnyOrder(
        "aggregate-article-contributions-store", "aggregate-story-members-store",
        "aggregate-month-figures-store", "aggregate-month-stories-store", "aggregate-spike-alerts-store");
    assertThat(topics).containsExactlyInAnyOrder(
        "media-monitor-enriched-articles",
        "aggregate-by-story-repartition",
        "aggregate-by-jurisdiction-repartition",
        "media-monitor-monthly-tallies", "media-monitor-tally-changes", "media-monitor-spike-alerts");
    assertThat(nodes).contains(
        "aggregate-enriched-articles-source",
        "aggregate-article-contributions",
        "aggregate-story-representative",
        "aggregate-national-tallies",
        "aggregate-monthly-tallies-sink", "aggregate-tally-changes-sink", "aggregate-spike-alerts-sink");
    assertThat(nodes).noneMatch(n -> n.startsWith("KSTREAM-") || n.startsWith("KTABLE-"));
  }
}
