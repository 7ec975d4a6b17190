package org.mediamonitor.enrich;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.mediamonitor.common.Topic;
import org.mediamonitor.common.TopicAdmin;
import org.mediamonitor.common.Topics;
import org.mediamonitor.schema.TaxonomyRelease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a taxonomy file as the release in force, so that running enrich instances switch to it
 * at their next article without a restart. The file is compiled first: an invalid file is refused
 * here, with the factory's message naming the entry, and never reaches the topic.
 */
public final class TaxonomyPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(TaxonomyPublisher.class);

  private final TaggerFactory factory;
  private final Clock clock;

  public TaxonomyPublisher(TaggerFactory factory) {
    this(factory, Clock.systemUTC());
  }

  public TaxonomyPublisher(TaggerFactory factory, Clock clock) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The release for this content; its version is the one the taxonomy declares.
   *
   * @throws IllegalArgumentException when the content is not a valid taxonomy
   */
  public TaxonomyRelease release(String content) {
    Tagger tagger = factory.compile(content);
    if (tagger == null || tagger.version() == null || tagger.version().isBlank()) {
      throw new IllegalArgumentException("the taxonomy declares no version");
    }
    return TaxonomyRelease.newBuilder()
        .setVersion(tagger.version())
        .setContent(content)
        .setPublishedAt(clock.instant())
        .build();
  }

  /**
   * Validates {@code file} and publishes it under the key {@value EnrichTopology#RELEASE_KEY},
   * creating the compacted taxonomy topic if it is missing; returns once the broker has it.
   */
  public TaxonomyRelease publish(Map<String, Object> clientProps, Topics topics, Path file) {
    TaxonomyRelease release = release(EnrichApp.read(file));
    Topic<String, TaxonomyRelease> topic = topics.taxonomy();
    TopicAdmin.ensureTopics(clientProps, List.of(topic));
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (KafkaProducer<String, TaxonomyRelease> producer =
        new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      RecordMetadata meta = producer.send(new ProducerRecord<>(topic.name(), EnrichTopology.RELEASE_KEY, release))
          .get(30, TimeUnit.SECONDS);
      LOG.info("published taxonomy {} from {} to {}-{}@{}", release.getVersion(), file, meta.topic(), meta.partition(),
          meta.offset());
      return release;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing taxonomy " + release.getVersion(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot publish taxonomy " + release.getVersion() + ": " + e.getMessage(), e);
    }
  }
}
