package org.mediamonitor.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mediamonitor.app.Pipeline;
import org.mediamonitor.common.DeadLetterMeter;
import org.mediamonitor.common.Json;
import org.mediamonitor.common.Topics;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.config.Settings;
import org.mediamonitor.common.streams.DeadLetterPolicy;
import org.mediamonitor.ingest.ArticleFiles;
import org.mediamonitor.ingest.ArticleIds;
import org.mediamonitor.ingest.ArticleIngestor;
import org.mediamonitor.ingest.DeadLetterSink;
import org.mediamonitor.ingest.EntryPoint;
import org.mediamonitor.ingest.FolderWatcher;
import org.mediamonitor.ingest.IngestConfig;
import org.mediamonitor.ingest.JsonLines;
import org.mediamonitor.ingest.PublishCounts;
import org.mediamonitor.schema.DeadLetter;
import org.mediamonitor.schema.RawArticle;
import org.mediamonitor.testkit.KafkaBrokerExtension;
import org.mediamonitor.testkit.TestRecords;

/**
 * Issue 7, bad input: a corpus of hostile and broken inputs sent through every entry point of the
 * whole pipeline (HTTP, watched folder, JSON Lines as {@code media-monitor publish} reads them, and
 * raw bytes produced straight onto raw-articles and enriched-articles). Each gets a clear error
 * (HTTP 4xx with a JSON body naming the reason and field; a {@code failed/} note for a file) and,
 * wherever a record existed, exactly one dead letter with its reason and original bytes; the
 * pipeline stays healthy and counts a good article sent after all the bad ones.
 *
 * <p>Defined behaviour for inputs that are hostile but not errors:
 * <ul>
 *   <li>HTML file with scripts: accepted; scripts, styles, comments, {@code noscript} and
 *       {@code svg} are stripped, the paragraphs kept, the canonical link is the URL.</li>
 *   <li>HTML markup inside a JSON {@code body}: accepted and kept verbatim: JSON bodies are text,
 *       ingest never interprets them (displaying them safely is the page's job).</li>
 *   <li>JSON with extra fields: the extra fields are ignored, the article accepted.</li>
 *   <li>JSON missing only optional fields (url, date, language): accepted, the id is the hash of the body.</li>
 * </ul>
 *
 * <p>One test method on purpose: the assertion that the dead-letter topic holds exactly the
 * expected records needs every input to have been sent first.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class HostileInputIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final String PREFIX = "hostile-it-";
  private static final int TEN_MB = 10 * 1024 * 1024;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern DEAD_LETTER_METRIC = Pattern.compile(
      "^media_monitor_dead_letters_total\\{([^}]*)\\}\\s+([0-9.eE+-]+)$", Pattern.MULTILINE);

  @TempDir
  static Path temp;

  static Pipeline pipeline;
  static Settings settings;
  static Topics topics;
  static String base;
  static Path inbox;

  /** What the dead-letter topic must hold at the end: "stage|entryPoint|reason code" to count. */
  private final Map<String, Integer> expected = new TreeMap<>();
  /** The exact bytes produced onto the article topics: what the streams' dead letters must carry. */
  private final List<byte[]> topicOriginals = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    inbox = Files.createDirectories(temp.resolve("inbox"));
    settings = Settings.of(Map.of(
        "bootstrap.servers", KAFKA.bootstrapServers(),
        "topic.prefix", PREFIX,
        "enrich.application.id", PREFIX + "enrich",
        "aggregate.application.id", PREFIX + "aggregate",
        "enrich.state.dir", temp.resolve("enrich-state").toString(),
        "aggregate.state.dir", temp.resolve("aggregate-state").toString(),
        "ingest.watch.dir", inbox.toString(),
        "ingest.watch.poll.ms", "200"));
    topics = CommonConfig.from(settings).topics();
    pipeline = Pipeline.start(settings, temp.resolve("state"), port, List.of());
    base = "http://localhost:" + port;
    await().alias("every service up").atMost(Duration.ofSeconds(90))
        .until(() -> get("/health").statusCode() == 200);
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void shouldRefuseOrDeadLetterEveryHostileInputExactlyOnceAndKeepCounting() throws Exception {
    // a good article first: proves the path works and gives us a real enriched record to break
    String warmupUrl = "https://steppe-herald.example/news/hostile-warmup";
    assertThat(post(article(warmupUrl, "2024-02-10T09:00:00+05:00",
        "A court in Kokshetau fined the editor of the invented Kokshetau Courier, Dana Omarova, under Article 456-2"
            + " of the Code of Administrative Offences for spreading false information.")).statusCode())
        .isEqualTo(202);
    await().alias("warm-up counted").atMost(Duration.ofSeconds(90)).until(() -> figure("2024-02", "administrative") == 1);

    String goodUrl = "https://steppe-herald.example/news/hostile-final-good";
    String goodId = ArticleIds.id(goodUrl, null);

    sendGarbageToRawArticles(goodId);
    sendGarbageToEnrichedArticles(goodId, ArticleIds.id(warmupUrl, null));
    postHostileBodies();
    dropHostileFiles();
    publishHostileJsonLines();
    publishWithAFreshIngestorAfterGarbageOnTheTopic();
    awaitFolderProcessed();

    // the good article after all the bad ones: it shares its key, and so its partitions, with the garbage
    String goodBody = "Police in Taraz opened a criminal case against the invented blogger Arman Testov under Article 274"
        + " of the Criminal Code, dissemination of knowingly false information, over a post about the city budget.";
    HttpResponse<String> good = post(article(goodUrl, "2024-03-05T10:00:00+05:00", goodBody));
    assertThat(good.statusCode()).as(good.body()).isEqualTo(202);
    await().alias("good article after the hostile ones counted").atMost(Duration.ofSeconds(60))
        .until(() -> figure("2024-03", "criminal") == 1);

    assertHostileButValidArticlesAccepted();
    assertDeadLettersExactly();
    assertThat(get("/health").statusCode()).as("health after the hostile corpus").isEqualTo(200);
    assertThat(Json.mapper().readTree(get("/health").body()).get("status").asText()).isEqualTo("UP");
  }

  // --- topics: only enrich and aggregate can see these; no ingest validation stands in front ---------------------

  private void sendGarbageToRawArticles(String key) {
    byte[] valid = topics.rawArticles().valueSerde().serializer().serialize(topics.rawArticles().name(),
        RawArticle.newBuilder().setId(key).setBody("An invented article body that will be cut in half.")
            .setFetchedAt(Instant.now()).setContentHash("x").build());
    List<byte[]> bad = List.of(
        Arrays.copyOf(valid, valid.length / 2),               // truncated Avro
        unknownFingerprint(valid),                             // a schema no reader knows
        garbage(4096, 7),                                      // binary garbage
        new byte[0]);                                          // an empty value (not a tombstone)
    produce(topics.rawArticles().name(), key, bad);
    expect("enrich", topics.rawArticles().name(), DeadLetterPolicy.DESERIALIZATION, bad.size());
  }

  private void sendGarbageToEnrichedArticles(String key, String warmupId) {
    List<ConsumerRecord<byte[], byte[]>> enriched = TestRecords.consumeAll(KAFKA.clientProps(),
        topics.enrichedArticles().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer(), 1,
        Duration.ofSeconds(30));
    byte[] real = enriched.stream().filter(r -> warmupId.equals(new String(r.key(), StandardCharsets.UTF_8)))
        .findFirst().orElseThrow().value();
    byte[] rawArticle = topics.rawArticles().valueSerde().serializer().serialize(topics.rawArticles().name(),
        RawArticle.newBuilder().setId(key).setBody("A raw article on the wrong topic.").setFetchedAt(Instant.now())
            .build());
    List<byte[]> bad = List.of(
        Arrays.copyOf(real, real.length - 7),                  // a real EnrichedArticle, truncated
        rawArticle,                                            // the wrong record type: a fingerprint aggregate does not read
        unknownFingerprint(real),                              // a schema no reader knows
        garbage(2048, 11));                                    // binary garbage
    produce(topics.enrichedArticles().name(), key, bad);
    expect("aggregate", topics.enrichedArticles().name(), DeadLetterPolicy.DESERIALIZATION, bad.size());
  }

  // --- HTTP ---------------------------------------------------------------------------------------------------

  private void postHostileBodies() throws Exception {
    assertRefused(post(new byte[0]), 400, "invalid_json", null);
    assertRefused(post(bigJsonArticle("https://steppe-herald.example/news/ten-megabytes")), 413, "too_large", "body");
    assertRefused(post(garbage(64 * 1024, 3)), 400, "invalid_utf8", null);
    assertRefused(post(invalidUtf8Json("https://steppe-herald.example/news/latin-1")), 400, "invalid_utf8", null);
    assertRefused(post(resource("http/before-1991.json")), 400, "published_at_out_of_range", "published_at");
    assertRefused(post(resource("http/future.json")), 400, "published_at_out_of_range", "published_at");
    assertRefused(post(resource("http/missing-body.json")), 400, "missing_body", "body");
    assertRefused(post(resource("http/truncated.json")), 400, "invalid_json", null);
    assertRefused(post(resource("http/wrong-type.json")), 400, "invalid_field", "body");
    HttpResponse<String> array = post(resource("http/array-with-bad-element.json"));
    assertRefused(array, 400, "invalid_language", "language");
    assertThat(Json.mapper().readTree(array.body()).get("index").asInt()).as("the bad element's index").isEqualTo(1);
    expect("ingest", "http", "invalid_json", 2);
    expect("ingest", "http", "too_large", 1);
    expect("ingest", "http", "invalid_utf8", 2);
    expect("ingest", "http", "published_at_out_of_range", 2);
    expect("ingest", "http", "missing_body", 1);
    expect("ingest", "http", "invalid_field", 1);
    expect("ingest", "http", "invalid_language", 1);

    for (String accepted : List.of("http/extra-fields.json", "http/missing-optional-fields.json", "http/html-in-body.json")) {
      HttpResponse<String> r = post(resource(accepted));
      assertThat(r.statusCode()).as(accepted + ": " + r.body()).isEqualTo(202);
      assertThat(Json.mapper().readTree(r.body()).get("status").asText()).isEqualTo("published");
    }
  }

  private static void assertRefused(HttpResponse<String> response, int status, String reason, String field)
      throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
        t -> assertThat(t).contains("application/json"));
    JsonNode json = Json.mapper().readTree(response.body());
    assertThat(json.get("reason").asText()).as(response.body()).isEqualTo(reason);
    assertThat(json.get("error").asText()).as("a message a person can act on").isNotBlank();
    if (field == null) {
      assertThat(json.has("field")).as(response.body()).isFalse();
    } else {
      assertThat(json.get("field").asText()).as(response.body()).isEqualTo(field);
    }
  }

  // --- watched folder -----------------------------------------------------------------------------------------

  private static final List<String> BAD_FILES = List.of("empty.txt", "truncated.json", "before-1991.json",
      "missing-body.json", "garbage.txt", "invalid-utf8.html", "ten-megabytes.txt", "mixed.jsonl");
  private static final List<String> GOOD_FILES = List.of("extra-fields.json", "html-with-scripts.html");

  private void dropHostileFiles() throws IOException {
    Path staging = Files.createDirectories(temp.resolve("staging"));
    try (Stream<Path> files = Files.list(resourceDir("folder"))) {
      for (Path f : files.toList()) {
        Files.copy(f, staging.resolve(f.getFileName()));
      }
    }
    Files.write(staging.resolve("garbage.txt"), garbage(32 * 1024, 5));
    Files.write(staging.resolve("invalid-utf8.html"), latin1("<html><body><p>Caf\u00e9 owners in the invented town of"
        + " Aktal protested.</p></body></html>"));
    Files.writeString(staging.resolve("ten-megabytes.txt"), "https://prairie-post.example/news/ten-megabytes\n\n"
        + "x".repeat(TEN_MB), StandardCharsets.UTF_8);
    // moved in whole, so the watcher never sees a half-written file
    try (Stream<Path> files = Files.list(staging)) {
      for (Path f : files.toList()) {
        Files.move(f, inbox.resolve(f.getFileName()));
      }
    }
    expect("ingest", "folder", "missing_body", 3);            // empty.txt, missing-body.json, mixed.jsonl line 2
    expect("ingest", "folder", "invalid_json", 2);            // truncated.json, mixed.jsonl line 5
    expect("ingest", "folder", "published_at_out_of_range", 3); // before-1991.json, mixed.jsonl lines 3 and 4
    expect("ingest", "folder", "invalid_utf8", 2);            // garbage.txt, invalid-utf8.html
    expect("ingest", "folder", "too_large", 1);               // ten-megabytes.txt
  }

  private void awaitFolderProcessed() throws IOException {
    await().alias("every dropped file moved out of the inbox").atMost(Duration.ofSeconds(90))
        .until(() -> {
          try (Stream<Path> files = Files.list(inbox)) {
            return files.noneMatch(Files::isRegularFile);
          }
        });
    Path failed = inbox.resolve(FolderWatcher.FAILED);
    Path done = inbox.resolve(FolderWatcher.DONE);
    for (String name : BAD_FILES) {
      assertThat(failed.resolve(name)).as(name + " in failed/").exists();
      assertThat(failed.resolve(name + FolderWatcher.NOTE_SUFFIX)).as(name + " has a note").exists();
    }
    for (String name : GOOD_FILES) {
      assertThat(done.resolve(name)).as(name + " in done/").exists();
      assertThat(failed.resolve(name + FolderWatcher.NOTE_SUFFIX)).doesNotExist();
    }
    assertThat(note("empty.txt")).contains("missing_body");
    assertThat(note("truncated.json")).contains("invalid_json");
    assertThat(note("before-1991.json")).contains("published_at_out_of_range", "before 1991-01-01");
    assertThat(note("garbage.txt")).contains("invalid_utf8");
    assertThat(note("invalid-utf8.html")).contains("invalid_utf8");
    assertThat(note("ten-megabytes.txt")).contains("too_large");
    assertThat(note("mixed.jsonl")).contains("line 2", "line 3", "line 4", "line 5", "published 2")
        .doesNotContain("line 1:", "line 7");
  }

  private static String note(String name) throws IOException {
    return Files.readString(inbox.resolve(FolderWatcher.FAILED).resolve(name + FolderWatcher.NOTE_SUFFIX));
  }

  // --- JSON Lines: the publish command's code path ---------------------------------------------------------------

  private void publishHostileJsonLines() throws IOException {
    ByteArrayOutputStream stdin = new ByteArrayOutputStream();
    stdin.write(resource("jsonl/stdin.jsonl"));
    stdin.write(invalidUtf8Json("https://kazakh-wire.example/news/latin-1-line"));
    stdin.write('\n');
    stdin.write(bigJsonArticle("https://kazakh-wire.example/news/ten-megabyte-line"));
    stdin.write('\n');
    PublishCounts counts = JsonLines.publish(new ByteArrayInputStream(stdin.toByteArray()), "stdin",
        pipeline.ingest().ingestor(), EntryPoint.JSONL);
    assertThat(counts.published()).as(counts.toString()).isEqualTo(2);
    assertThat(counts.rejected()).as(counts.toString()).isEqualTo(7);
    assertThat(counts.failed()).isZero();
    assertThat(String.join("\n", counts.problems())).contains("line 2", "line 3", "line 4", "line 5", "line 6",
        "line 8", "line 9");
    expect("ingest", "jsonl", "missing_body", 2);
    expect("ingest", "jsonl", "invalid_language", 1);
    expect("ingest", "jsonl", "invalid_json", 2);
    expect("ingest", "jsonl", "invalid_utf8", 1);
    expect("ingest", "jsonl", "too_large", 1);
  }

  /**
   * {@code media-monitor publish} opens its own ingestor, which first reads raw-articles to know what
   * was published: the garbage there must not stop it.
   */
  private void publishWithAFreshIngestorAfterGarbageOnTheTopic() throws IOException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Path file = Files.write(temp.resolve("cli-garbage.json"), garbage(1024, 13));
    try (ArticleIngestor ingestor = ArticleIngestor.open(CommonConfig.from(settings), IngestConfig.from(settings),
        registry)) {
      PublishCounts counts = ArticleFiles.publish(file, ingestor, EntryPoint.JSONL);
      assertThat(counts.rejected()).as(counts.toString()).isEqualTo(1);
      assertThat(counts.problems()).singleElement().satisfies(p -> assertThat(p).contains("invalid_utf8"));
    }
    assertThat(registry.get(DeadLetterMeter.NAME).tag("stage", "ingest").tag("reason", "invalid_utf8").counter()
        .count()).isEqualTo(1.0);
    expect("ingest", "jsonl", "invalid_utf8", 1);
  }

  // --- what came out ------------------------------------------------------------------------------------------

  private void assertHostileButValidArticlesAccepted() throws IOException {
    Map<String, RawArticle> raw = new HashMap<>();
    for (ConsumerRecord<String, RawArticle> r : TestRecords.consumeAll(KAFKA.clientProps(), topics.rawArticles().name(),
        topics.rawArticles().keySerde().deserializer(), new LenientRawArticles(), 0, Duration.ofSeconds(30))) {
      if (r.value() != null) {
        raw.put(r.key(), r.value());
      }
    }
    RawArticle html = raw.get(ArticleIds.id("https://prairie-post.example/culture/theatre-festival", null));
    assertThat(html).as("the HTML file was published under its canonical URL").isNotNull();
    assertThat(html.getTitle()).isEqualTo("Saryzhol theatre festival opens");
    assertThat(html.getBody()).contains("twelve troupes", "sold out \u2014 a first")
        .doesNotContainIgnoringCase("<script").doesNotContain("alert(", "document.cookie", "stealEverything",
            "javascript:", "tracker.example", "onload");

    RawArticle markup = raw.get(ArticleIds.id("https://steppe-herald.example/news/markup-in-json", null));
    assertThat(markup.getBody()).as("a JSON body is text, kept as sent").isEqualTo(
        Json.mapper().readTree(resource("http/html-in-body.json")).get("body").asText());

    RawArticle extra = raw.get(ArticleIds.id("https://steppe-herald.example/news/extra-fields", null));
    assertThat(extra.getTitle()).isEqualTo("Library opens a reading room");
    assertThat(extra.getLanguageHint()).isEqualTo("en");
    String minimalBody = Json.mapper().readTree(resource("http/missing-optional-fields.json")).get("body").asText();
    RawArticle minimal = raw.get(ArticleIds.id(null, minimalBody));
    assertThat(minimal).as("an article with a body only is accepted, its id from the body").isNotNull();
    assertThat(minimal.getUrl()).isNull();
    assertThat(minimal.getPublishedAt()).isNull();

    assertThat(raw.keySet()).as("refused articles never reach raw-articles").doesNotContain(
        ArticleIds.id("https://steppe-herald.example/news/array-good", null),
        ArticleIds.id("https://archive-gazette.example/1989/strike", null),
        ArticleIds.id("https://prairie-post.example/news/jsonl-no-body", null),
        ArticleIds.id("https://prairie-post.example/news/ten-megabytes", null));
    assertThat(raw.keySet()).as("the good lines of files with bad lines are published").contains(
        ArticleIds.id("https://prairie-post.example/news/jsonl-good", null),
        ArticleIds.id("https://prairie-post.example/news/jsonl-good-2", null),
        ArticleIds.id("https://kazakh-wire.example/news/stdin-good", null),
        ArticleIds.id("https://prairie-post.example/news/extra-fields-folder", null));

    // accepted hostile articles go all the way through enrich
    await().alias("accepted hostile articles enriched").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(TestRecords.consumeAll(KAFKA.clientProps(), topics.enrichedArticles().name(),
                topics.enrichedArticles().keySerde().deserializer(), new ByteArrayDeserializer(), 0,
                Duration.ofSeconds(10)).stream().map(ConsumerRecord::key).toList())
            .contains(html.getId(), markup.getId(), extra.getId(), minimal.getId()));
  }

  private void assertDeadLettersExactly() throws Exception {
    int total = expected.values().stream().mapToInt(Integer::intValue).sum();
    List<ConsumerRecord<byte[], DeadLetter>> letters = TestRecords.consumeAll(KAFKA.clientProps(),
        topics.deadLetters().name(), new ByteArrayDeserializer(), topics.deadLetters().valueSerde().deserializer(),
        total, Duration.ofSeconds(60));
    Map<String, Integer> actual = new TreeMap<>();
    for (ConsumerRecord<byte[], DeadLetter> r : letters) {
      DeadLetter d = r.value();
      actual.merge(d.getStage() + "|" + d.getEntryPoint() + "|" + code(d.getReason()), 1, Integer::sum);
      assertThat(d.getReason()).as("a reason with a detail").contains(": ");
      assertThat(d.getErrorClass()).isNotBlank();
    }
    assertThat(actual).as("dead letters by stage, entry point and reason (read_committed)")
        .containsExactlyInAnyOrderEntriesOf(expected);

    // topic-borne dead letters carry the exact bytes that could not be read, and where they were
    List<DeadLetter> fromTopics = letters.stream().map(ConsumerRecord::value)
        .filter(d -> !d.getStage().equals("ingest")).toList();
    assertThat(fromTopics).allSatisfy(d -> {
      assertThat(d.getSourceTopic()).isEqualTo(d.getEntryPoint());
      assertThat(d.getSourcePartition()).isNotNull();
      assertThat(d.getSourceOffset()).isNotNull();
      assertThat(d.getOriginalValue()).isNotNull();
    });
    assertThat(fromTopics.stream().map(d -> Arrays.toString(DeadLetterPolicy.bytes(d.getOriginalValue()))).toList())
        .containsExactlyInAnyOrderElementsOf(topicOriginals.stream().map(Arrays::toString).toList());

    // ingest keeps the head of a huge record, and says so
    List<DeadLetter> big = letters.stream().map(ConsumerRecord::value)
        .filter(d -> d.getStage().equals("ingest") && code(d.getReason()).equals("too_large")).toList();
    assertThat(big).hasSize(3).allSatisfy(d -> {
      assertThat(d.getOriginalValue().remaining()).isEqualTo(DeadLetterSink.MAX_ORIGINAL_BYTES);
      assertThat(d.getReason()).contains("original truncated");
    });

    // the shared counter agrees with the topic, stage by stage (the fresh CLI ingestor counted its own)
    Map<String, Double> counted = deadLetterMetric();
    Map<String, Long> onTopic = letters.stream().map(ConsumerRecord::value)
        .collect(Collectors.groupingBy(d -> d.getStage() + "|" + code(d.getReason()), TreeMap::new, Collectors.counting()));
    onTopic.merge("ingest|invalid_utf8", -1L, Long::sum);
    onTopic.forEach((key, n) -> assertThat(counted.getOrDefault(key, 0.0)).as("metric " + key).isEqualTo(n.doubleValue()));
    assertThat(counted.values().stream().mapToDouble(Double::doubleValue).sum()).as("nothing else counted")
        .isEqualTo(onTopic.values().stream().mapToLong(Long::longValue).sum());
  }

  /** {@code stage|reason} to value of {@code media_monitor_dead_letters_total}, from /metrics. */
  private static Map<String, Double> deadLetterMetric() throws Exception {
    Map<String, Double> out = new TreeMap<>();
    Matcher m = DEAD_LETTER_METRIC.matcher(get("/metrics").body());
    while (m.find()) {
      Map<String, String> labels = new HashMap<>();
      for (String pair : m.group(1).split(",")) {
        String[] kv = pair.split("=", 2);
        labels.put(kv[0].strip(), kv[1].strip().replace("\"", ""));
      }
      out.merge(labels.get("stage") + "|" + labels.get("reason"), Double.parseDouble(m.group(2)), Double::sum);
    }
    assertThat(out).as("the shared dead-letter counter is exposed").isNotEmpty();
    return out;
  }

  private static String code(String reason) {
    int colon = reason.indexOf(':');
    return colon < 0 ? reason : reason.substring(0, colon);
  }

  private void expect(String stage, String entryPoint, String reason, int n) {
    expected.merge(stage + "|" + entryPoint + "|" + reason, n, Integer::sum);
  }

  private void produce(String topic, String key, List<byte[]> values) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    TestRecords.produce(KAFKA.clientProps(), topic, new ByteArraySerializer(), new ByteArraySerializer(),
        values.stream().<Map.Entry<byte[], byte[]>>map(v -> Map.entry(k, v)).toList());
    topicOriginals.addAll(values);
  }

  // --- hostile bytes ------------------------------------------------------------------------------------------

  /** Same datum, another writer fingerprint: the two-byte marker stays, the 8-byte fingerprint is inverted. */
  private static byte[] unknownFingerprint(byte[] singleObject) {
    byte[] copy = singleObject.clone();
    for (int i = 2; i < 10; i++) {
      copy[i] = (byte) ~copy[i];
    }
    return copy;
  }

  /** Seeded binary garbage that starts like no text and no Avro: a PNG signature, then noise. */
  private static byte[] garbage(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    System.arraycopy(png, 0, bytes, 0, png.length);
    return bytes;
  }

  private static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A JSON article whose body was encoded as Latin-1: "Café" is not UTF-8. */
  private static byte[] invalidUtf8Json(String url) {
    return latin1("{\"url\": \"" + url + "\", \"body\": \"The Caf\u00e9 Aktal in the invented town of Saryzhol closed.\"}");
  }

  private static byte[] bigJsonArticle(String url) {
    return ("{\"url\": \"" + url + "\", \"body\": \"" + "word ".repeat(TEN_MB / 5) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String article(String url, String publishedAt, String body) throws IOException {
    return Json.mapper().writeValueAsString(Map.of("url", url, "source", "Invented Outlet", "language", "en",
        "published_at", publishedAt, "body", body));
  }

  private static byte[] resource(String name) {
    try (InputStream in = HostileInputIT.class.getResourceAsStream("/hostile/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /hostile/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path resourceDir(String name) {
    try {
      return Path.of(HostileInputIT.class.getResource("/hostile/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- HTTP helpers -------------------------------------------------------------------------------------------

  private static long figure(String month, String field) throws Exception {
    HttpResponse<String> r = get("/api/v1/months/" + month);
    return r.statusCode() != 200 ? 0 : Json.mapper().readTree(r.body()).get(field).asLong();
  }

  private static HttpResponse<String> post(String json) throws Exception {
    return post(json.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> post(byte[] body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/articles"))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Reads raw-articles as it is, garbage included: what cannot be decoded reads as null. */
  private static final class LenientRawArticles implements Deserializer<RawArticle> {
    @Override
    public RawArticle deserialize(String topic, byte[] data) {
      try {
        return topics.rawArticles().valueSerde().deserializer().deserialize(topic, data);
      } catch (RuntimeException e) {
        return null;
      }
    }
  }
}
