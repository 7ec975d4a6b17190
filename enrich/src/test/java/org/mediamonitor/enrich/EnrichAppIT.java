package org.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mediamonitor.common.Topic;
import org.mediamonitor.common.Topics;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.config.Settings;
import org.mediamonitor.common.streams.DeadLetterPolicy;
import org.mediamonitor.common.streams.StreamsService;
import org.mediamonitor.schema.DeadLetter;
import org.mediamonitor.schema.EnrichedArticle;
import org.mediamonitor.schema.RawArticle;
import org.mediamonitor.testkit.KafkaBrokerExtension;

@Timeout(value = 4, unit = TimeUnit.MINUTES)
class EnrichAppIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  Path stateDir;
  @TempDir
  Path files;

  private CommonConfig common;
  private Topics topics;
  private EnrichConfig config;
  private EnrichApp app;

  @BeforeEach
  void start() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    common = CommonConfig.from(Settings.of(Map.of(
        CommonConfig.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers(),
        CommonConfig.TOPIC_PREFIX, "it-" + run + "-",
        CommonConfig.TOPIC_PARTITIONS, "2")));
    topics = common.topics();
    config = EnrichConfig.defaults().withApplicationId("enrich-it-" + run).withStateDir(stateDir);
    startApp();
  }

  private void startApp() {
    app = new EnrichApp(config, common, new SimpleMeterRegistry(), TestTaggers.FACTORY, TestTaggers.taxonomy("v1"));
    app.start();
    await().alias("enrich RUNNING").atMost(WAIT)
        .until(() -> app.streams().state() == KafkaStreams.State.RUNNING);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void shouldTagArticlesAndSwitchToAPublishedTaxonomyWithoutRestart() throws Exception {
    StreamsService running = app.streams();
    produce(topics.rawArticles(), "a-1", EnrichTopologyTest.article("a-1", "A journalist was detained.", "en"));

    EnrichedArticle first = awaitRecord(topics.enrichedArticles(), "a-1").value();
    assertThat(first.getTaxonomyVersion()).isEqualTo("v1");
    assertThat(first.getOnTopic()).isTrue();

    Path file = files.resolve("taxonomy-v2.txt");
    Files.writeString(file, "version=v2\ntopic=blogger\n", StandardCharsets.UTF_8);
    new TaxonomyPublisher(TestTaggers.FACTORY).publish(common.clientProperties(), topics, file);
    await().alias("v2 loaded by the global thread").atMost(WAIT).until(() -> "v2".equals(app.metrics().taxonomyLoaded()));

    produce(topics.rawArticles(), "a-2", EnrichTopologyTest.article("a-2", "A blogger was detained.", "ru"));
    EnrichedArticle second = awaitRecord(topics.enrichedArticles(), "a-2").value();
    assertThat(second.getTaxonomyVersion()).isEqualTo("v2");
    assertThat(second.getOnTopic()).as("the v2 rules are in force").isTrue();
    assertThat(app.streams()).as("no restart").isSameAs(running);
    assertThat(app.health()).containsEntry("up", true).containsEntry("taxonomyVersion", "v2");
  }

  @Test
  void shouldTagWithTheReleaseOnTheTopicAfterARestart() throws Exception {
    Path file = files.resolve("taxonomy-v2.txt");
    Files.writeString(file, "version=v2\ntopic=blogger\n", StandardCharsets.UTF_8);
    new TaxonomyPublisher(TestTaggers.FACTORY).publish(common.clientProperties(), topics, file);
    await().alias("v2 loaded by the global thread").atMost(WAIT).until(() -> "v2".equals(app.metrics().taxonomyLoaded()));
    app.close();

    // the new instance starts from v1 and finds v2 while it rebuilds the global store from the topic
    startApp();
    produce(topics.rawArticles(), "a-4", EnrichTopologyTest.article("a-4", "A blogger was detained.", "ru"));
    EnrichedArticle tagged = awaitRecord(topics.enrichedArticles(), "a-4").value();
    assertThat(tagged.getTaxonomyVersion()).isEqualTo("v2");
    assertThat(tagged.getOnTopic()).as("the v2 rules are in force").isTrue();
    assertThat(app.health()).containsEntry("taxonomyVersion", "v2");
  }

  @Test
  void shouldDeadLetterAPoisonPillUnderExactlyOnce() {
    Topic<String, RawArticle> raw = topics.rawArticles();
    byte[] garbage = "{\"id\": \"not avro\"}".getBytes(StandardCharsets.UTF_8);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(common.clientProperties(),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(raw.name(), "p-1".getBytes(StandardCharsets.UTF_8), garbage));
    }

    // the poison pill is the last record: its dead letter must still be committed
    ConsumerRecord<byte[], DeadLetter> letter = awaitRecord(topics.deadLetters(), null);
    assertThat(letter.value().getReason()).startsWith("deserialization: ");
    assertThat(letter.value().getSourceTopic()).isEqualTo(raw.name());
    assertThat(DeadLetterPolicy.bytes(letter.value().getOriginalValue())).isEqualTo(garbage);

    produce(raw, "a-3", EnrichTopologyTest.article("a-3", "A journalist was summoned.", "kk"));
    assertThat(awaitRecord(topics.enrichedArticles(), "a-3").value().getTaxonomyVersion()).isEqualTo("v1");
  }

  private <K, V> void produce(Topic<K, V> topic, K key, V value) {
    Serializer<K> keys = topic.keySerde().serializer();
    Serializer<V> values = topic.valueSerde().serializer();
    try (KafkaProducer<K, V> producer = new KafkaProducer<>(common.clientProperties(), keys, values)) {
      producer.send(new ProducerRecord<>(topic.name(), key, value));
    }
  }

  /** The first committed record with this key (any key when null), read from the beginning. */
  private <K, V> ConsumerRecord<K, V> awaitRecord(Topic<K, V> topic, K key) {
    Map<String, Object> props = new HashMap<>(common.clientProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(Locale.ROOT));
    Deserializer<K> keys = topic.keySerde().deserializer();
    Deserializer<V> values = topic.valueSerde().deserializer();
    List<ConsumerRecord<K, V>> seen = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keys, values)) {
      consumer.subscribe(List.of(topic.name()));
      await().alias("a committed record on " + topic.name() + " with key " + key).atMost(WAIT).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().anyMatch(r -> matches(r.key(), key));
      });
    }
    return seen.stream().filter(r -> matches(r.key(), key)).findFirst().orElseThrow();
  }

  private static boolean matches(Object actual, Object wanted) {
    return wanted == null || wanted.equals(actual);
  }
}
