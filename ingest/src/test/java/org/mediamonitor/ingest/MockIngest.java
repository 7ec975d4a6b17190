package org.mediamonitor.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mediamonitor.common.Topics;
import org.mediamonitor.schema.DeadLetter;
import org.mediamonitor.schema.RawArticle;

/** An ingestor on mock producers that acknowledge at once: for unit tests of the entry points. */
final class MockIngest {

  static final Instant NOW = Instant.parse("2025-03-14T06:00:00Z");

  final MockProducer<String, RawArticle> articles = new MockProducer<>(true, null, new StringSerializer(),
      Topics.defaults().rawArticles().valueSerde().serializer());
  final MockProducer<byte[], DeadLetter> deadLetters = new MockProducer<>(true, null, new ByteArraySerializer(),
      Topics.defaults().deadLetters().valueSerde().serializer());
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final ArticleIngestor ingestor;

  MockIngest(int maxBodyBytes) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    ArticlePublisher publisher = new ArticlePublisher(articles, "raw", new PublishedState(), clock, Duration.ofSeconds(1),
        Runnable::run);
    DeadLetterSink sink = new DeadLetterSink(deadLetters, "dead", clock, Duration.ofSeconds(1));
    ingestor = new ArticleIngestor(new ArticleParser(maxBodyBytes, clock), publisher, sink, registry,
        Duration.ofSeconds(1), clock);
  }

  double count(String name, String... tags) {
    var counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }
}
