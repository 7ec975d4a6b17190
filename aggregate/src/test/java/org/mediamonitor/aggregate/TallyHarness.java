package org.mediamonitor.aggregate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.mediamonitor.common.Topics;
import org.mediamonitor.schema.EnrichedArticle;
import org.mediamonitor.schema.MonthFigures;
import org.mediamonitor.schema.MonthStory;
import org.mediamonitor.schema.MonthlyCharges;
import org.mediamonitor.schema.SpikeAlert;
import org.mediamonitor.schema.TallyChange;

/** The aggregate topology on a test driver, with its input, outputs and stores. */
final class TallyHarness implements AutoCloseable {

  final Topics topics = Topics.defaults();
  final TopologyTestDriver driver;
  final TestInputTopic<String, EnrichedArticle> articles;
  final TestOutputTopic<String, MonthlyCharges> monthly;
  final TestOutputTopic<String, TallyChange> changes;
  final TestOutputTopic<String, SpikeAlert> alerts;
  private final Path stateDir;
  private final AggregateConfig config;
  private Instant clock = Instant.parse("2025-06-01T00:00:00Z");

  TallyHarness(AggregateConfig config) {
    this(config, TallyListener.NONE);
  }

  TallyHarness(AggregateConfig config, TallyListener listener) {
    this.config = config;
    try {
      stateDir = Files.createTempDirectory("aggregate-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "aggregate-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(AggregateTopology.build(topics, config, listener), props);
    articles = driver.createInputTopic(topics.enrichedArticles().name(),
        Serdes.String().serializer(), topics.enrichedArticles().valueSerde().serializer());
    monthly = driver.createOutputTopic(topics.monthlyTallies().name(),
        Serdes.String().deserializer(), topics.monthlyTallies().valueSerde().deserializer());
    changes = driver.createOutputTopic(topics.tallyChanges().name(),
        Serdes.String().deserializer(), topics.tallyChanges().valueSerde().deserializer());
    alerts = driver.createOutputTopic(topics.spikeAlerts().name(),
        Serdes.String().deserializer(), topics.spikeAlerts().valueSerde().deserializer());
  }

  void send(EnrichedArticle article) {
    clock = clock.plusSeconds(1);
    articles.pipeInput(article.getArticleId(), article, clock);
  }

  void send(Articles article) {
    send(article.build());
  }

  void delete(String articleId) {
    clock = clock.plusSeconds(1);
    articles.pipeInput(new TestRecord<>(articleId, null, clock));
  }

  /** Lets the wall clock reach the next spike check, which tests the months changed since the last one. */
  void checkAlerts() {
    driver.advanceWallClockTime(config.alertCheckInterval());
  }

  /** The monthly-tallies topic read as a table: the last value per month, null for a tombstone. */
  Map<String, MonthlyCharges> monthlyTable(List<TestRecord<String, MonthlyCharges>> records) {
    Map<String, MonthlyCharges> table = new LinkedHashMap<>();
    records.forEach(r -> table.put(r.key(), r.value()));
    return table;
  }

  KeyValueStore<String, MonthFigures> monthsStore() {
    return driver.getKeyValueStore(AggregateTopology.MONTHS_STORE);
  }

  KeyValueStore<String, MonthStory> storiesStore() {
    return driver.getKeyValueStore(AggregateTopology.MONTH_STORIES_STORE);
  }

  KeyValueStore<String, SpikeAlert> alertsStore() {
    return driver.getKeyValueStore(AggregateTopology.ALERTS_STORE);
  }

  TallyQueries queries() {
    return new TallyQueries(monthsStore(), storiesStore(), alertsStore());
  }

  @Override
  public void close() {
    driver.close();
    try (Stream<Path> files = Files.walk(stateDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
