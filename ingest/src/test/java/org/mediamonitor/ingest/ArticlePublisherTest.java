package org.mediamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.mediamonitor.common.Topics;
import org.mediamonitor.schema.RawArticle;

class ArticlePublisherTest {

  private static final String TOPIC = "raw";
  private static final Instant NOW = Instant.parse("2025-03-14T06:00:00Z");

  private final MockProducer<String, RawArticle> producer = new MockProducer<>(false, null, new StringSerializer(),
      Topics.defaults().rawArticles().valueSerde().serializer());

  private ArticlePublisher publisher(PublishedState state) {
    // a direct executor: a publish waiting behind another runs as soon as that one is acknowledged
    return new ArticlePublisher(producer, TOPIC, state, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(1),
        Runnable::run);
  }

  private static ArticleInput article(String url, String body) {
    return new ArticleInput(url, "Example Times", "A title", body, Instant.parse("2025-03-13T04:30:00Z"), "ru");
  }

  @Test
  void publishesANewArticleAsRevisionOneOnlyOnceAcknowledged() throws Exception {
    ArticlePublisher publisher = publisher(new PublishedState());
    ArticleInput input = article("https://example.kz/news/1?utm_source=x", "Редактор задержан.");
    CompletableFuture<PublishResult> result = publisher.publish(input);
    assertThat(result).isNotDone();
    assertThat(producer.completeNext()).isTrue();
    assertThat(result.get()).isEqualTo(new PublishResult(input.id(), 1, PublishResult.Status.PUBLISHED));

    ProducerRecord<String, RawArticle> record = producer.history().get(0);
    assertThat(record.topic()).isEqualTo(TOPIC);
    assertThat(record.key()).isEqualTo(input.id()).isEqualTo(ArticleIds.id("https://example.kz/news/1", "x"));
    RawArticle value = record.value();
    assertThat(value.getId()).isEqualTo(input.id());
    assertThat(value.getUrl()).isEqualTo("https://example.kz/news/1?utm_source=x");
    assertThat(value.getBody()).isEqualTo("Редактор задержан.");
    assertThat(value.getContentHash()).isEqualTo(ArticleIds.contentHash("Редактор задержан."));
    assertThat(value.getRevision()).isEqualTo(1);
    assertThat(value.getLanguageHint()).isEqualTo("ru");
    assertThat(value.getPublishedAt()).isEqualTo(Instant.parse("2025-03-13T04:30:00Z"));
    assertThat(value.getFetchedAt()).isEqualTo(NOW);
    assertThat(publisher.knownArticles()).isEqualTo(1);
  }

  @Test
  void theSameArticleTwiceIsOneArticle() throws Exception {
    ArticlePublisher publisher = publisher(new PublishedState());
    CompletableFuture<PublishResult> first = publisher.publish(article("https://example.kz/a", "Text of the story."));
    producer.completeNext();
    PublishResult again = publisher.publish(article("https://EXAMPLE.kz/a/#x", "  text of the  story. ")).get();
    assertThat(again).isEqualTo(new PublishResult(first.get().id(), 1, PublishResult.Status.UNCHANGED));
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void aChangedBodyUnderTheSameUrlIsTheNextRevisionWithTheSameKey() throws Exception {
    ArticlePublisher publisher = publisher(new PublishedState());
    publisher.publish(article("https://example.kz/a", "First version."));
    producer.completeNext();
    CompletableFuture<PublishResult> second = publisher.publish(article("https://example.kz/a", "Corrected version."));
    producer.completeNext();
    assertThat(second.get().revision()).isEqualTo(2);
    assertThat(second.get().status()).isEqualTo(PublishResult.Status.PUBLISHED);
    List<ProducerRecord<String, RawArticle>> history = producer.history();
    assertThat(history).hasSize(2);
    assertThat(history.get(1).key()).isEqualTo(history.get(0).key());
    assertThat(history.get(1).value().getRevision()).isEqualTo(2);
  }

  @Test
  void knowsWhatWasPublishedBeforeItStarted() throws Exception {
    ArticleInput known = article("https://example.kz/a", "Old story.");
    PublishedState state = new PublishedState();
    state.put(known.id(), known.contentHash(), 3);
    ArticlePublisher publisher = publisher(state);

    assertThat(publisher.publish(known).get()).isEqualTo(new PublishResult(known.id(), 3, PublishResult.Status.UNCHANGED));
    assertThat(producer.history()).isEmpty();
    CompletableFuture<PublishResult> changed = publisher.publish(article("https://example.kz/a", "Old story, updated."));
    producer.completeNext();
    assertThat(changed.get().revision()).isEqualTo(4);
  }

  @Test
  void concurrentDuplicatesWaitForTheFirstAndWriteNothing() throws Exception {
    ArticlePublisher publisher = publisher(new PublishedState());
    CompletableFuture<PublishResult> first = publisher.publish(article(null, "Same body."));
    CompletableFuture<PublishResult> second = publisher.publish(article(null, "same   BODY."));
    assertThat(producer.history()).hasSize(1);
    assertThat(second).isNotDone();
    producer.completeNext();
    assertThat(first.get().status()).isEqualTo(PublishResult.Status.PUBLISHED);
    assertThat(second.get()).isEqualTo(new PublishResult(first.get().id(), 1, PublishResult.Status.UNCHANGED));
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void revisionsInFlightAreNumberedInCallOrder() throws Exception {
    ArticlePublisher publisher = publisher(new PublishedState());
    CompletableFuture<PublishResult> v1 = publisher.publish(article("https://example.kz/a", "One."));
    CompletableFuture<PublishResult> v2 = publisher.publish(article("https://example.kz/a", "Two."));
    CompletableFuture<PublishResult> other = publisher.publish(article("https://example.kz/b", "Other."));
    // different ids do not wait for each other
    assertThat(producer.history()).extracting(r -> r.value().getBody()).containsExactly("One.", "Other.");
    producer.completeNext();
    assertThat(producer.history()).extracting(r -> r.value().getBody()).containsExactly("One.", "Other.", "Two.");
    producer.completeNext();
    producer.completeNext();
    assertThat(v1.get().revision()).isEqualTo(1);
    assertThat(v2.get().revision()).isEqualTo(2);
    assertThat(other.get().revision()).isEqualTo(1);
  }

  @Test
  void aFailedPublishIsNotRememberedSoARetryPublishes() throws Exception {
    ArticlePublisher publisher = publisher(new PublishedState());
    ArticleInput input = article("https://example.kz/a", "Story.");
    CompletableFuture<PublishResult> failed = publisher.publish(input);
    producer.errorNext(new TimeoutException("no broker"));
    assertThat(failed).isCompletedExceptionally();
    try {
      failed.get();
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(TimeoutException.class);
    }
    CompletableFuture<PublishResult> retry = publisher.publish(input);
    producer.completeNext();
    assertThat(retry.get()).isEqualTo(new PublishResult(input.id(), 1, PublishResult.Status.PUBLISHED));
  }

  @Test
  void aSendThatCannotEnqueueFailsTheFuture() {
    ArticlePublisher publisher = publisher(new PublishedState());
    producer.sendException = new TimeoutException("metadata not available");
    assertThat(publisher.publish(article(null, "Body."))).isCompletedExceptionally();
  }

  @Test
  void producerSettingsBoundTheWaitAndCoverTheBodyLimit() {
    Map<String, Object> props = ArticlePublisher.producerProps(Map.of("bootstrap.servers", "x:9092", "acks", "1"),
        Duration.ofSeconds(15), 4 * 1024 * 1024);
    assertThat(props).containsEntry("enable.idempotence", true).containsEntry("acks", "all")
        .containsEntry("max.block.ms", 15_000L).containsEntry("delivery.timeout.ms", 15_000);
    assertThat((Integer) props.get("request.timeout.ms")).isLessThanOrEqualTo(15_000 - 5);
    assertThat((Integer) props.get("max.request.size")).isGreaterThan(4 * 1024 * 1024);
  }
}
