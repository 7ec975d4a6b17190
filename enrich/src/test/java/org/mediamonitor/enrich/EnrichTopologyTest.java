package org.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mediamonitor.common.Topic;
import org.mediamonitor.common.Topics;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.config.Settings;
import org.mediamonitor.common.streams.DeadLetterPolicy;
import org.mediamonitor.schema.DeadLetter;
import org.mediamonitor.schema.EnrichedArticle;
import org.mediamonitor.schema.RawArticle;
import org.mediamonitor.schema.TaxonomyRelease;

class EnrichTopologyTest {

  private static final Topics TOPICS = Topics.defaults();
  private static final Instant FETCHED = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir
  Path stateDir;

  private SimpleMeterRegistry registry;
  private MicrometerEnrichMetrics metrics;
  private TopologyTestDriver driver;
  private TestInputTopic<String, RawArticle> raw;
  private TestInputTopic<byte[], byte[]> rawBytes;
  private TestInputTopic<String, TaxonomyRelease> taxonomy;
  private TestInputTopic<byte[], byte[]> taxonomyBytes;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<byte[], DeadLetter> deadLetters;

  @BeforeEach
  void start() {
    open(StreamsConfig.EXACTLY_ONCE_V2);
  }

  private void open(String guarantee) {
    registry = new SimpleMeterRegistry();
    metrics = new MicrometerEnrichMetrics(registry);
    Topology topology = EnrichTopology.build(TOPICS, TestTaggers.FACTORY, TestTaggers.taxonomy("v1"), metrics);
    CommonConfig common = CommonConfig.from(Settings.of(Map.of()));
    Properties props = EnrichConfig.defaults().withApplicationId("enrich-topology-test").withStateDir(stateDir)
        .streamsProperties(common, metrics);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
    driver = new TopologyTestDriver(topology, props);
    raw = driver.createInputTopic(TOPICS.rawArticles().name(), TOPICS.rawArticles().keySerde().serializer(),
        TOPICS.rawArticles().valueSerde().serializer());
    rawBytes = driver.createInputTopic(TOPICS.rawArticles().name(), new ByteArraySerializer(), new ByteArraySerializer());
    taxonomy = driver.createInputTopic(TOPICS.taxonomy().name(), TOPICS.taxonomy().keySerde().serializer(),
        TOPICS.taxonomy().valueSerde().serializer());
    taxonomyBytes = driver.createInputTopic(TOPICS.taxonomy().name(), new ByteArraySerializer(), new ByteArraySerializer());
    enriched = driver.createOutputTopic(TOPICS.enrichedArticles().name(), TOPICS.enrichedArticles().keySerde().deserializer(),
        TOPICS.enrichedArticles().valueSerde().deserializer());
    deadLetters = driver.createOutputTopic(TOPICS.deadLetters().name(), TOPICS.deadLetters().keySerde().deserializer(),
        TOPICS.deadLetters().valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void shouldTagRawArticleUnderTheSameKey() {
    raw.pipeInput("a-1", article("a-1", "A journalist was detained in Almaty.", "en"));

    List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).key).isEqualTo("a-1");
    EnrichedArticle article = out.get(0).value;
    assertThat(article.getArticleId()).isEqualTo("a-1");
    assertThat(article.getOnTopic()).isTrue();
    assertThat(article.getLanguage()).isEqualTo("en");
    assertThat(article.getFetchedAt()).isEqualTo(FETCHED);
    // the processor stamps the version of the tagger that ran, whatever the tagger wrote
    assertThat(article.getTaxonomyVersion()).isEqualTo("v1");
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(registry.get(MicrometerEnrichMetrics.ARTICLES).tags("language", "en", "on_topic", "true").counter().count())
        .isEqualTo(1.0);
    assertThat(metrics.taxonomyInUse()).isEqualTo("v1");
  }

  @Test
  void shouldKeyArticleByItsIdWhenTheRawRecordHasNoKey() {
    raw.pipeInput((String) null, article("a-2", "Weather report.", "ru"));

    TestRecord<String, EnrichedArticle> out = enriched.readRecord();
    assertThat(out.key()).isEqualTo("a-2");
    assertThat(out.value().getOnTopic()).isFalse();
    assertThat(enriched.isEmpty()).isTrue();
  }

  @Test
  void shouldPassTombstoneThroughAsTombstone() {
    raw.pipeInput("a-1", article("a-1", "A journalist was fined.", "en"));
    raw.pipeInput("a-1", (RawArticle) null);

    List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();
    assertThat(out).hasSize(2);
    assertThat(out.get(1)).isEqualTo(KeyValue.pair("a-1", null));
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  static Stream<Arguments> poisonPills() {
    byte[] valid = TOPICS.rawArticles().valueSerde().serializer()
        .serialize(TOPICS.rawArticles().name(), article("p-1", "A journalist was threatened.", "en"));
    byte[] unknownFingerprint = valid.clone();
    for (int i = 2; i < 10; i++) {
      unknownFingerprint[i] = (byte) (unknownFingerprint[i] ^ 0x5A); // same marker, a schema nobody wrote
    }
    return Stream.of(
        Arguments.of("truncated Avro", Arrays.copyOf(valid, valid.length / 2)),
        Arguments.of("unknown schema fingerprint", unknownFingerprint),
        Arguments.of("garbage bytes", "{\"id\": \"not avro\"}".getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("poisonPills")
  void shouldDeadLetterPoisonPillAndKeepProcessing(String kind, byte[] value) {
    // The driver clears its producer after each input without committing a transaction for an
    // input that produced no record, so under exactly-once it drops a skipped record's dead letter.
    // A broker keeps it in the open transaction (EnrichAppIT covers that); here, at-least-once.
    driver.close();
    open(StreamsConfig.AT_LEAST_ONCE);
    byte[] key = "p-1".getBytes(StandardCharsets.UTF_8);
    rawBytes.pipeInput(key, value);
    // the driver hands out a skipped record's dead letter with the next record's output
    raw.pipeInput("a-3", article("a-3", "A journalist was summoned.", "kk"));

    assertThat(enriched.readKeyValuesToList()).as("the poison pill produced no output; the next record did")
        .extracting(kv -> kv.key).containsExactly("a-3");
    List<KeyValue<byte[], DeadLetter>> letters = deadLetters.readKeyValuesToList();
    assertThat(letters).hasSize(1);
    DeadLetter letter = letters.get(0).value;
    assertThat(letters.get(0).key).isEqualTo(key);
    assertThat(letter.getStage()).isEqualTo("enrich");
    assertThat(letter.getReason()).startsWith("deserialization: ").contains("RawArticle");
    assertThat(letter.getErrorClass()).isNotBlank();
    assertThat(letter.getSourceTopic()).isEqualTo(TOPICS.rawArticles().name());
    assertThat(letter.getSourcePartition()).isZero();
    assertThat(letter.getSourceOffset()).isZero();
    assertThat(bytes(letter.getOriginalKey())).isEqualTo(key);
    assertThat(bytes(letter.getOriginalValue())).isEqualTo(value);
    assertThat(deadLetterCount("deserialization")).isEqualTo(1.0);
  }

  @Test
  void shouldDeadLetterOnlyTheArticleTheTaggerFailsOn() {
    RawArticle bad = article("b-1", "BOOM: a journalist was detained.", "en");
    raw.pipeInput("a-1", article("a-1", "A journalist was detained.", "en"));
    raw.pipeInput("b-1", bad);
    raw.pipeInput("a-2", article("a-2", "Another journalist was detained.", "en"));

    assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a-1", "a-2");
    List<DeadLetter> letters = deadLetters.readValuesToList();
    assertThat(letters).hasSize(1);
    DeadLetter letter = letters.get(0);
    assertThat(letter.getReason()).startsWith("tagging: ").contains("b-1").contains("v1").contains("rule r-7 exploded");
    assertThat(letter.getErrorClass()).isEqualTo(TaggingException.class.getName());
    assertThat(letter.getSourceOffset()).isEqualTo(1L);
    assertThat(bytes(letter.getOriginalValue()))
        .isEqualTo(TOPICS.rawArticles().valueSerde().serializer().serialize(TOPICS.rawArticles().name(), bad));
    assertThat(deadLetterCount("tagging")).isEqualTo(1.0);
  }

  @Test
  void shouldDeadLetterOutputThatCannotBeEncoded() {
    raw.pipeInput("n-1", article("n-1", "NOLANG: the tagger forgot the language.", "en"));
    raw.pipeInput("a-1", article("a-1", "A journalist was detained.", "en"));

    assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a-1");
    List<DeadLetter> letters = deadLetters.readValuesToList();
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).getReason()).startsWith("serialization: ").contains(TOPICS.enrichedArticles().name());
    assertThat(deadLetterCount("serialization")).isEqualTo(1.0);
  }

  @Test
  void shouldTagTheNextArticleWithANewlyPublishedTaxonomy() {
    raw.pipeInput("a-1", article("a-1", "A journalist was detained.", "en"));
    taxonomy.pipeInput(EnrichTopology.RELEASE_KEY, release("v2", "version=v2\ntopic=blogger\n"));
    raw.pipeInput("a-2", article("a-2", "A blogger was detained.", "ru"));

    List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();
    assertThat(out).extracting(kv -> kv.value.getTaxonomyVersion()).containsExactly("v1", "v2");
    assertThat(out.get(1).value.getOnTopic()).as("the v2 rules are in force").isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(metrics.taxonomyInUse()).isEqualTo("v2");
    assertThat(metrics.taxonomyLoaded()).isEqualTo("v2");
    assertThat(registry.get(MicrometerEnrichMetrics.TAXONOMY_RELEASES).tag("outcome", "loaded").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void shouldKeepTaggingWithTheLastReleaseWhenItIsDeletedAndSwitchToTheNextOne() {
    taxonomy.pipeInput(EnrichTopology.RELEASE_KEY, release("v2", "version=v2\n"));
    raw.pipeInput("a-1", article("a-1", "A journalist was detained.", "en"));
    taxonomy.pipeInput(EnrichTopology.RELEASE_KEY, (TaxonomyRelease) null);
    raw.pipeInput("a-2", article("a-2", "A journalist was detained.", "en"));
    taxonomy.pipeInput(EnrichTopology.RELEASE_KEY, release("v3", "version=v3\n"));
    raw.pipeInput("a-3", article("a-3", "A journalist was detained.", "en"));

    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getTaxonomyVersion)
        .containsExactly("v2", "v2", "v3");
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldDecodeAPublishedReleaseOnceNotForEveryArticle() {
    AtomicInteger decoded = new AtomicInteger();
    Topic<String, TaxonomyRelease> plain = TOPICS.taxonomy();
    Deserializer<TaxonomyRelease> counting = (topic, data) -> {
      decoded.incrementAndGet();
      return plain.valueSerde().deserializer().deserialize(topic, data);
    };
    Topics topics = new Topics(TOPICS.rawArticles(), TOPICS.enrichedArticles(), TOPICS.deadLetters(),
        TOPICS.monthlyTallies(), TOPICS.tallyChanges(), TOPICS.spikeAlerts(), new Topic<>(plain.name(),
        plain.keySerde(), Serdes.serdeFrom(plain.valueSerde().serializer(), counting), plain.partitions(),
        plain.configs()));
    Topology topology = EnrichTopology.build(topics, TestTaggers.FACTORY, TestTaggers.taxonomy("v1"), metrics);
    Properties props = EnrichConfig.defaults().withApplicationId("enrich-decode-test")
        .withStateDir(stateDir.resolve("decode")).streamsProperties(CommonConfig.from(Settings.of(Map.of())), metrics);
    try (TopologyTestDriver counted = new TopologyTestDriver(topology, props)) {
      TestInputTopic<String, TaxonomyRelease> releases = counted.createInputTopic(plain.name(),
          plain.keySerde().serializer(), plain.valueSerde().serializer());
      TestInputTopic<String, RawArticle> articles = counted.createInputTopic(TOPICS.rawArticles().name(),
          TOPICS.rawArticles().keySerde().serializer(), TOPICS.rawArticles().valueSerde().serializer());
      TestOutputTopic<String, EnrichedArticle> out = counted.createOutputTopic(TOPICS.enrichedArticles().name(),
          TOPICS.enrichedArticles().keySerde().deserializer(), TOPICS.enrichedArticles().valueSerde().deserializer());

      releases.pipeInput(EnrichTopology.RELEASE_KEY, release("v2", "version=v2\n"));
      for (int i = 1; i <= 5; i++) {
        articles.pipeInput("a-" + i, article("a-" + i, "A journalist was detained.", "en"));
      }

      assertThat(out.readValuesToList()).extracting(EnrichedArticle::getTaxonomyVersion).containsOnly("v2").hasSize(5);
      assertThat(decoded.get()).as("decoded as it arrives from the topic, not read back from the store per article")
          .isEqualTo(1);
    }
  }

  @Test
  void shouldDeadLetterInvalidReleaseOnceAndKeepTaggingWithThePreviousVersion() {
    taxonomy.pipeInput(EnrichTopology.RELEASE_KEY, release("v2", "version=v2\n"));
    raw.pipeInput("a-1", article("a-1", "A journalist was detained.", "en"));
    TaxonomyRelease invalid = release("v3", "version=v3\nbroken=unknown violation type 'jaywalking'\n");
    taxonomy.pipeInput(EnrichTopology.RELEASE_KEY, invalid);
    raw.pipeInput("a-2", article("a-2", "A journalist was detained.", "en"));
    raw.pipeInput("a-3", article("a-3", "A journalist was detained.", "en"));

    assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.value.getTaxonomyVersion())
        .containsExactly("v2", "v2", "v2");
    List<KeyValue<byte[], DeadLetter>> letters = deadLetters.readKeyValuesToList();
    assertThat(letters).as("one dead letter per invalid release, not per article").hasSize(1);
    DeadLetter letter = letters.get(0).value;
    assertThat(letter.getStage()).isEqualTo("enrich");
    assertThat(letter.getReason()).startsWith("invalid_taxonomy: ").contains("v3").contains("entry 'broken'")
        .contains("still tagging with v2");
    assertThat(letter.getErrorClass()).isEqualTo(IllegalArgumentException.class.getName());
    assertThat(letter.getSourceTopic()).isEqualTo(TOPICS.taxonomy().name());
    assertThat(letter.getSourceOffset()).as("the loader saw the release's offset").isEqualTo(1L);
    assertThat(new String(letters.get(0).key, StandardCharsets.UTF_8)).isEqualTo(EnrichTopology.RELEASE_KEY);
    assertThat(TOPICS.taxonomy().valueSerde().deserializer()
        .deserialize(TOPICS.taxonomy().name(), bytes(letter.getOriginalValue()))).isEqualTo(invalid);
    assertThat(deadLetterCount("invalid_taxonomy")).isEqualTo(1.0);
    assertThat(registry.get(MicrometerEnrichMetrics.TAXONOMY_RELEASES).tag("outcome", "rejected").counter().count())
        .isEqualTo(1.0);

    taxonomy.pipeInput(EnrichTopology.RELEASE_KEY, release("v4", "version=v4\n"));
    raw.pipeInput("a-4", article("a-4", "A journalist was detained.", "en"));
    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getTaxonomyVersion).containsExactly("v4");
  }

  @Test
  void shouldRejectReleaseWhoseVersionDiffersFromItsContent() {
    taxonomy.pipeInput(EnrichTopology.RELEASE_KEY, release("v2", "version=v9\n"));
    raw.pipeInput("a-1", article("a-1", "A journalist was detained.", "en"));

    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getTaxonomyVersion).containsExactly("v1");
    assertThat(deadLetters.readValuesToList()).singleElement()
        .satisfies(l -> assertThat(l.getReason()).startsWith("invalid_taxonomy: ").contains("'v9'"));
  }

  @Test
  void shouldSkipUndecodableTaxonomyRecordAndKeepTagging() {
    taxonomyBytes.pipeInput(EnrichTopology.RELEASE_KEY.getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3});
    raw.pipeInput("a-1", article("a-1", "A journalist was detained.", "en"));

    assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getTaxonomyVersion).containsExactly("v1");
    // the global thread has no producer, so an undecodable release is skipped, never dead-lettered
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldFailToBuildWithAnInvalidInitialTaxonomy() {
    assertThatThrownBy(() -> EnrichTopology.build(TOPICS, TestTaggers.FACTORY, "broken=yes\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entry 'broken'");
  }

  @Test
  void shouldKeepProcessorAndStoreNames() {
    TopologyDescription description = EnrichTopology.build(TOPICS, TestTaggers.FACTORY, TestTaggers.taxonomy("v1"))
        .describe();

    assertThat(description.globalStores()).singleElement().satisfies(g -> {
      assertThat(g.source().name()).isEqualTo("enrich-taxonomy-source");
      assertThat(g.source().topicSet()).containsExactly(TOPICS.taxonomy().name());
      assertThat(g.processor().name()).isEqualTo("enrich-taxonomy-loader");
      assertThat(g.processor().stores()).containsExactly("enrich-taxonomy-store");
    });
    assertThat(description.subtopologies()).singleElement().satisfies(s -> assertThat(s.nodes())
        .extracting(TopologyDescription.Node::name)
        .containsExactlyInAnyOrder("enrich-raw-articles-source", "enrich-tag-articles",
            "enrich-enriched-articles-sink", "enrich-dead-letters-sink"));
    assertThat(EnrichTopology.TAXONOMY_STORE).isEqualTo("enrich-taxonomy-store");
  }

  private double deadLetterCount(String reason) {
    return registry.get(MicrometerEnrichMetrics.DEAD_LETTERS).tag("reason", reason).counter().count();
  }

  static RawArticle article(String id, String body, String language) {
    return RawArticle.newBuilder()
        .setId(id)
        .setUrl("https://example.test/news/" + id)
        .setSource("example.test")
        .setTitle("Report " + id)
        .setBody(body)
        .setLanguageHint(language)
        .setFetchedAt(FETCHED)
        .setContentHash("hash-" + id)
        .build();
  }

  static TaxonomyRelease release(String version, String content) {
    return TaxonomyRelease.newBuilder().setVersion(version).setContent(content)
        .setPublishedAt(Instant.parse("2026-03-01T00:00:00Z")).build();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    return DeadLetterPolicy.bytes(buffer);
  }
}
