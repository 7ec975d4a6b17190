package org.mediamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mediamonitor.common.Topics;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.config.Settings;
import org.mediamonitor.schema.DeadLetter;
import org.mediamonitor.schema.RawArticle;
import org.mediamonitor.testkit.KafkaBrokerExtension;
import org.mediamonitor.testkit.TestRecords;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FolderWatcherIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final AtomicInteger RUN = new AtomicInteger();
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path inbox;

  private Settings settings;
  private Topics topics;
  private IngestApp ingest;

  @BeforeEach
  void setUp() {
    settings = Settings.of(Map.of(
        CommonConfig.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers(),
        CommonConfig.TOPIC_PREFIX, "folder-it-" + RUN.incrementAndGet() + "-",
        IngestConfig.WATCH_DIR, inbox.toString(),
        IngestConfig.WATCH_POLL_MS, "200",
        IngestConfig.ACK_TIMEOUT_MS, "10000"));
    topics = CommonConfig.from(settings).topics();
    ingest = IngestApp.start(settings, new SimpleMeterRegistry());
  }

  @AfterEach
  void tearDown() {
    if (ingest != null) {
      ingest.close();
    }
  }

  private void drop(String name, String text) throws IOException {
    // written beside the folder and moved in, as a careful sender would; the stability check covers the rest
    Path staged = inbox.getParent().resolve(inbox.getFileName() + "-" + name);
    Files.writeString(staged, text, StandardCharsets.UTF_8);
    Files.move(staged, inbox.resolve(name));
  }

  private List<ConsumerRecord<String, RawArticle>> rawArticles(int expected) {
    return TestRecords.consumeAll(KAFKA.clientProps(), topics.rawArticles().name(), new StringDeserializer(),
        topics.rawArticles().valueSerde().deserializer(), expected, WAIT);
  }

  private void awaitMoved(String folder, String... names) {
    await().alias("files moved to " + folder).atMost(WAIT).untilAsserted(() -> {
      for (String name : names) {
        assertThat(inbox.resolve(folder).resolve(name)).exists();
        assertThat(inbox.resolve(name)).doesNotExist();
      }
    });
  }

  @Test
  void shouldPublishEachFileOnceAndMoveItToDone() throws IOException {
    drop("fine.txt", "https://example.kz/news/11\nJournalist fined\n\nA court fined the journalist Dana Omarova.");
    drop("suit.json", "{\"body\": \"A defamation suit was filed against Example Times.\", \"language\": \"en\"}");
    drop("batch.jsonl", "{\"body\": \"Story one.\"}\n{\"body\": \"Story two.\"}\n");
    awaitMoved("done", "fine.txt", "suit.json", "batch.jsonl");

    List<ConsumerRecord<String, RawArticle>> records = rawArticles(4);
    assertThat(records).extracting(r -> r.value().getBody()).containsExactlyInAnyOrder(
        "A court fined the journalist Dana Omarova.", "A defamation suit was filed against Example Times.",
        "Story one.", "Story two.");
    RawArticle fine = records.stream().map(ConsumerRecord::value)
        .filter(v -> v.getBody().contains("Omarova")).findFirst().orElseThrow();
    assertThat(fine.getUrl()).isEqualTo("https://example.kz/news/11");
    assertThat(fine.getTitle()).isEqualTo("Journalist fined");

    // the same files again (a re-sent batch, or a crash before the move) publish nothing new
    drop("batch.jsonl", "{\"body\": \"Story one.\"}\n{\"body\": \"Story two.\"}\n");
    awaitMoved("done", "batch-1.jsonl");
    assertThat(rawArticles(4)).hasSize(4);
  }

  @Test
  void shouldMoveABadFileToFailedWithANoteAndADeadLetter() throws IOException {
    drop("broken.json", "{\"body\": \"Story.\", \"published_at\": \"next week\"}");
    drop("mixed.jsonl", "{\"body\": \"Good story.\"}\n{\"body\": \"\"}\n");
    awaitMoved("failed", "broken.json", "mixed.jsonl");

    assertThat(Files.readString(inbox.resolve("failed/broken.json.error.txt")))
        .contains("invalid_published_at").contains("published_at");
    assertThat(Files.readString(inbox.resolve("failed/mixed.jsonl.error.txt")))
        .contains("line 2: missing_body");
    assertThat(rawArticles(1)).extracting(r -> r.value().getBody()).containsExactly("Good story.");

    List<ConsumerRecord<byte[], DeadLetter>> letters = TestRecords.consumeAll(KAFKA.clientProps(),
        topics.deadLetters().name(), new ByteArrayDeserializer(), topics.deadLetters().valueSerde().deserializer(),
        2, WAIT);
    assertThat(letters).hasSize(2);
    assertThat(letters).extracting(r -> r.value().getEntryPoint()).containsOnly("folder");
    assertThat(letters).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .containsExactlyInAnyOrder("broken.json", "mixed.jsonl:2");
  }
}
