package org.mediamonitor.app.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.mediamonitor.aggregate.AggregateApp;
import org.mediamonitor.aggregate.AggregateConfig;
import org.mediamonitor.aggregate.AggregateTopology;
import org.mediamonitor.broker.EmbeddedKafkaBroker;
import org.mediamonitor.common.Json;
import org.mediamonitor.common.Metrics;
import org.mediamonitor.common.Topic;
import org.mediamonitor.common.TopicAdmin;
import org.mediamonitor.common.Topics;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.config.Settings;
import org.mediamonitor.enrich.EnrichApp;
import org.mediamonitor.enrich.EnrichConfig;
import org.mediamonitor.ingest.ArticleIngestor;
import org.mediamonitor.ingest.ArticleInput;
import org.mediamonitor.ingest.EntryPoint;
import org.mediamonitor.ingest.IngestApp;
import org.mediamonitor.ingest.IngestConfig;
import org.mediamonitor.schema.TallyChange;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code media-monitor bench}: throughput of enrich + aggregate against a pass-through on the same
 * broker and input, end-to-end latency from the ingest acknowledgement to the tally change at a
 * paced rate, and the heap this JVM used. The last line printed is one JSON object.
 *
 * <p>Phases: (1) N invented articles are published through the real {@link ArticleIngestor};
 * (2) a pass-through Streams app (exactly-once, same commit interval) copies them, timed from
 * its start until its committed offsets reach the end of the input; (3) the real
 * {@link EnrichApp} and {@link AggregateApp} process the same N, timed from their start until
 * every stage of both has committed its whole input; (4) articles are published at a steady rate
 * while a read_committed consumer of tally-changes notes when each article's first change
 * appears. Every run uses its own topic prefix and application ids. Phases 1–3 run first as a
 * warm-up round on topics of their own (fewer articles, another seed, not counted), so that both
 * sides are timed with compiled code rather than the JIT's first minutes.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks the pipeline on invented articles: throughput against an exactly-once pass-through, "
        + "end-to-end latency at a paced rate, heap. Prints one JSON object as its last line.")
public final class BenchCommand implements Callable<Integer> {

  static final int DEFAULT_ARTICLES = 20_000;
  static final int QUICK_ARTICLES = 1_000;
  static final int DEFAULT_DURATION_S = 60;
  static final int QUICK_DURATION_S = 8;
  /**
   * Articles of the warm-up round. Without it the pipeline's first seconds are spent compiling:
   * JFR showed the JIT compiler thread using as much CPU as the enrich thread during a cold
   * pipeline phase, a start-up cost of this JVM, not a cost per article of the pipeline.
   */
  static final int DEFAULT_WARM_UP = 2_000;
  static final int QUICK_WARM_UP = 500;
  /** Publishes in flight during the bulk phase: enough to fill the producer's batches. */
  static final int PUBLISH_WINDOW = 2_000;
  static final long POLL_MS = 50;
  static final long JIT_SETTLE_WINDOW_MS = 1_000;
  static final long JIT_SETTLED_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  static final long JIT_SETTLE_MAX_S = 60;
  /**
   * How long the paced phase waits for an article's first tally change before it stops tracking
   * it (its memory is reused): far beyond the drain wait and any latency worth a percentile.
   */
  static final int TRACK_SECONDS = 300;
  /** Articles tracked at once at most, whatever the rate: ~60 MB of primitives. */
  static final int MAX_TRACKED = 1 << 20;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
      description = "Use this Kafka instead of starting an embedded broker.")
  String bootstrapServers;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Broker data and Streams state (default: a temporary directory, deleted afterwards).")
  Path dataDir;

  @Option(names = "--quick", description = "A short run (" + QUICK_ARTICLES + " articles, " + QUICK_DURATION_S
      + " s paced): under a minute on two cores.")
  boolean quick;

  @Option(names = "--articles", paramLabel = "N", description = "Articles for the throughput phases (default "
      + DEFAULT_ARTICLES + ", --quick " + QUICK_ARTICLES + ").")
  Integer articles;

  @Option(names = "--rate", paramLabel = "PER_S", defaultValue = "200",
      description = "Articles per second in the paced latency phase (default: ${DEFAULT-VALUE}).")
  int rate;

  @Option(names = "--duration", paramLabel = "S", description = "Seconds of the paced phase (default "
      + DEFAULT_DURATION_S + ", --quick " + QUICK_DURATION_S + ").")
  Integer duration;

  @Option(names = "--soak", paramLabel = "S",
      description = "Pace for S seconds instead of --duration and print the heap every minute.")
  Integer soak;

  @Option(names = "--warm-up", paramLabel = "N", description = "Articles of the warm-up round, run on topics of its own "
      + "and not counted (default " + DEFAULT_WARM_UP + ", --quick " + QUICK_WARM_UP + "; 0: none).")
  Integer warmUp;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "7", description = "Seed of the article generator.")
  long seed;

  @Option(names = "--charge-share", paramLabel = "P", defaultValue = "0.3",
      description = "Share of articles that report a charge (default: ${DEFAULT-VALUE}).")
  double chargeShare;

  private PrintStream out;
  /** Prefix of the progress lines: "warm-up " during the warm-up round. */
  private String label = "";
  private CpuClock cpu = new CpuClock(OptionalLong.empty());

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    out = System.out;
    int n = articles != null ? articles : quick ? QUICK_ARTICLES : DEFAULT_ARTICLES;
    int pacedSeconds = soak != null ? soak : duration != null ? duration : quick ? QUICK_DURATION_S : DEFAULT_DURATION_S;
    if (n < 1 || rate < 1 || pacedSeconds < 1) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--articles, --rate and --duration must be positive");
    }
    Runtime rt = Runtime.getRuntime();
    out.printf(Locale.ROOT, "bench: %d articles, paced %d/s for %d s; %d cores, max heap %d MB, JVM %s, flags %s%n",
        n, rate, pacedSeconds, rt.availableProcessors(), HeapSampler.maxHeapBytes() >> 20,
        System.getProperty("java.version"),
        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));

    HeapSampler heap = new HeapSampler(20);
    boolean tempDir = dataDir == null;
    Path work = tempDir ? Files.createTempDirectory("media-monitor-bench-") : dataDir;
    Files.createDirectories(work);
    EmbeddedKafkaBroker broker = null;
    Map<String, Object> result;
    try {
      String bootstrap = bootstrapServers;
      if (bootstrap == null) {
        long t = System.nanoTime();
        broker = EmbeddedKafkaBroker.start(work.resolve("kafka"));
        cpu = new CpuClock(broker.pid());
        bootstrap = broker.bootstrapServers();
        out.printf(Locale.ROOT, "bench: embedded broker at %s (started in %d ms)%n", bootstrap, ms(System.nanoTime() - t));
      }
      int w = warmUp != null ? warmUp : quick ? QUICK_WARM_UP : DEFAULT_WARM_UP;
      String runId = "bench-" + Long.toString(System.currentTimeMillis(), 36);
      if (w > 0) {
        label = "warm-up ";
        run(runId + "-warmup", bootstrap, work, w, 0, new ArticleGenerator(seed + 1, chargeShare), heap);
        label = "";
      }
      result = run(runId, bootstrap, work, n, pacedSeconds, new ArticleGenerator(seed, chargeShare), heap);
    } finally {
      if (broker != null) {
        broker.close();
      }
      heap.close();
      if (tempDir) {
        deleteQuietly(work);
      }
    }
    out.println(Json.mapper().writeValueAsString(result));
    return 0;
  }

  /**
   * One round on topics and application ids of its own: the input, the pass-through, the pipeline,
   * then (unless {@code pacedSeconds} is 0, the warm-up) the paced phase and the heap.
   */
  private Map<String, Object> run(String runId, String bootstrap, Path work, int n, int pacedSeconds,
      ArticleGenerator generator, HeapSampler heap) throws Exception {
    Map<String, String> overrides = new HashMap<>();
    overrides.put(CommonConfig.BOOTSTRAP_SERVERS, bootstrap);
    overrides.put(CommonConfig.TOPIC_PREFIX, runId + "-");
    overrides.put(EnrichConfig.APPLICATION_ID, runId + "-enrich");
    overrides.put(EnrichConfig.STATE_DIR, work.resolve("state/" + runId + "/enrich").toString());
    overrides.put(AggregateConfig.APPLICATION_ID, runId + "-aggregate");
    overrides.put(AggregateConfig.STATE_DIR, work.resolve("state/" + runId + "/aggregate").toString());
    overrides.put(IngestConfig.STATE_DIR, work.resolve("state/" + runId + "/ingest").toString());
    // no HTTP server runs here; the endpoint is only what Streams advertises
    overrides.put(AggregateConfig.ADVERTISED_ENDPOINT, "localhost:18083");
    Settings settings = Settings.load(null, System.getenv(), overrides);
    CommonConfig common = CommonConfig.from(settings);
    IngestConfig ingestConfig = IngestConfig.from(settings);
    EnrichConfig enrichConfig = EnrichConfig.from(settings);
    Topics topics = common.topics();
    IngestApp.ensureTopics(common, ingestConfig);
    TopicAdmin.ensureTopics(common.clientProperties(), topics.all());
    String passOutput = runId + "-passthrough-output";

    PrometheusMeterRegistry registry = Metrics.newRegistry("media-monitor-bench");
    Map<String, Object> result = new LinkedHashMap<>();
    try (Admin admin = Admin.create(common.clientProperties());
        ArticleIngestor ingestor = ArticleIngestor.open(common, ingestConfig, registry)) {
      createTopic(admin, passOutput, topics.rawArticles().partitions());
      GroupProgress progress = new GroupProgress(admin);

      // 1. the input, published once through the real ingest path
      publishInput(ingestor, generator, n);
      long timeout = TimeUnit.SECONDS.toNanos(Math.max(180, n / 10));

      // 2. the baseline
      Properties passProps = new Properties();
      passProps.putAll(common.clientProperties());
      passProps.put(StreamsConfig.APPLICATION_ID_CONFIG, runId + "-passthrough");
      passProps.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve("state/" + runId + "/passthrough").toString());
      passProps.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
      passProps.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, enrichConfig.commitIntervalMs());
      passProps.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, enrichConfig.numStreamThreads());
      List<GroupProgress.Stage> passStages = List.of(
          new GroupProgress.Stage(runId + "-passthrough", List.of(topics.rawArticles().name())));
      double passS;
      String passCpu;
      awaitJitSettled("pass-through");
      try (KafkaStreams pass = new KafkaStreams(PassThroughTopology.build(topics.rawArticles().name(), passOutput),
          passProps)) {
        CpuClock.Sample cpu0 = cpu.now();
        long t0 = System.nanoTime();
        pass.start();
        Timing timing = await("pass-through", progress, passStages, t0, timeout,
            Map.of("pass-through", () -> pass.state() == KafkaStreams.State.RUNNING));
        passS = timing.seconds();
        CpuClock.Sample cpu1 = cpu.now();
        passCpu = cpu1.since(cpu0, n) + "; this JVM by thread: " + cpu1.byThread(cpu0);
        pass.close(Duration.ofSeconds(30));
      }
      double passRate = n / passS;
      out.printf(Locale.ROOT, "bench: " + label
          + "pass-through: %d articles in %.2f s from start (RUNNING after: %s): %.0f/s%n",
          n, passS, lastRunning(), passRate);
      out.printf(Locale.ROOT, "bench: %spass-through CPU: %s%n", label, passCpu);

      // 3. the pipeline on the same input
      String aggregateId = runId + "-aggregate";
      List<GroupProgress.Stage> pipelineStages = List.of(
          new GroupProgress.Stage(runId + "-enrich", List.of(topics.rawArticles().name())),
          new GroupProgress.Stage(aggregateId, List.of(topics.enrichedArticles().name())),
          new GroupProgress.Stage(aggregateId, List.of(aggregateId + "-" + AggregateTopology.BY_STORY_REPARTITION
              + "-repartition")),
          new GroupProgress.Stage(aggregateId, List.of(aggregateId + "-" + AggregateTopology.BY_JURISDICTION_REPARTITION
              + "-repartition")));
      EnrichApp enrich = new EnrichApp(enrichConfig, common, registry);
      AggregateApp aggregate = new AggregateApp(AggregateConfig.from(settings), common, registry);
      try {
        awaitJitSettled("pipeline");
        CpuClock.Sample cpu0 = cpu.now();
        long t0 = System.nanoTime();
        enrich.start();
        aggregate.start();
        Timing timing = await("pipeline", progress, pipelineStages, t0, timeout,
            Map.of("enrich", () -> enrich.streams().running(), "aggregate", aggregate::running));
        double pipeS = timing.seconds();
        CpuClock.Sample cpu1 = cpu.now();
        String pipeCpu = cpu1.since(cpu0, n) + "; this JVM by thread: " + cpu1.byThread(cpu0);
        double pipeRate = n / pipeS;
        out.printf(Locale.ROOT, "bench: " + label
            + "pipeline (enrich + aggregate): %d articles in %.2f s from start (RUNNING after: "
            + "%s; each stage done at %s): %.0f/s, %.0f%% of the pass-through%n", n, pipeS, lastRunning(),
            timing.stages(), pipeRate, 100 * pipeRate / passRate);
        out.printf(Locale.ROOT, "bench: %spipeline CPU: %s%n", label, pipeCpu);
        result.put("articles", n);
        result.put("throughput_articles_per_s", round(pipeRate, 1));
        result.put("passthrough_articles_per_s", round(passRate, 1));
        result.put("ratio", round(pipeRate / passRate, 3));

        if (pacedSeconds == 0) {
          return result;
        }
        // 4. latency at a steady rate, on the running pipeline
        Latency latency = paced(common, ingestor, generator, pacedSeconds, heap, progress, pipelineStages);
        result.put("e2e_p50_ms", latency.p50());
        result.put("e2e_p99_ms", latency.p99());
      } finally {
        aggregate.close();
        enrich.close();
      }
    }
    long heapMax = heap.maxBytes();
    out.printf(Locale.ROOT, "bench: heap: max used %d MB (limit %d MB); after the last GC %d MB%n", heapMax >> 20,
        HeapSampler.maxHeapBytes() >> 20, HeapSampler.afterLastGcBytes() >> 20);
    result.put("heap_max_mb", heapMax >> 20);
    return result;
  }

  /**
   * Waits, before a measured phase, until the JIT compiler threads have drained what the earlier
   * phases queued, so that a phase is not charged for compiling the code of the one before it: on
   * two cores the one C2 thread takes half the machine. Settled means under
   * {@link #JIT_SETTLED_NANOS} of compiler CPU in {@link #JIT_SETTLE_WINDOW_MS}; the wait gives up
   * after {@link #JIT_SETTLE_MAX_S} and says so. What the phase compiles for itself is in its
   * "CPU" line.
   */
  private void awaitJitSettled(String phase) throws InterruptedException {
    long start = CpuClock.jitNanos();
    if (label.isEmpty() && start >= 0) {
      long t0 = System.nanoTime();
      long before = start;
      long deadline = t0 + TimeUnit.SECONDS.toNanos(JIT_SETTLE_MAX_S);
      while (true) {
        Thread.sleep(JIT_SETTLE_WINDOW_MS);
        long now = CpuClock.jitNanos();
        boolean settled = now - before < JIT_SETTLED_NANOS;
        if (settled || System.nanoTime() > deadline) {
          out.printf(Locale.ROOT, "bench: before the %s: JIT compiler %s after %.1f s (%.1f s of compiling)%n", phase,
              settled ? "settled" : "still busy, measuring anyway", seconds(System.nanoTime() - t0),
              (now - start) / 1e9);
          return;
        }
        before = now;
      }
    }
  }

  /** The time from start until every stage was done, and until each one was (upstream first). */
  private record Timing(double seconds, List<Double> stageSeconds) {
    String stages() {
      StringBuilder b = new StringBuilder();
      stageSeconds.forEach(s -> b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", s)));
      return b + " s";
    }
  }

  /** When each app of the last phase first answered RUNNING, in seconds from its start call. */
  private final Map<String, Double> lastRunning = new java.util.TreeMap<>();

  private String lastRunning() {
    StringBuilder b = new StringBuilder();
    lastRunning.forEach((app, s) -> b.append(b.length() == 0 ? "" : ", ")
        .append(String.format(Locale.ROOT, "%s %.2f s", app, s)));
    return b.toString();
  }

  /** Polls until every stage caught up; the time is from {@code t0} (the start call). */
  private Timing await(String what, GroupProgress progress, List<GroupProgress.Stage> stages, long t0, long timeoutNanos,
      Map<String, BooleanSupplier> running) throws ExecutionException, InterruptedException, TimeoutException {
    lastRunning.clear();
    long lastReport = System.nanoTime();
    List<Double> stageSeconds = new ArrayList<>();
    while (true) {
      long now = System.nanoTime();
      running.forEach((app, isRunning) -> {
        if (!lastRunning.containsKey(app) && isRunning.getAsBoolean()) {
          lastRunning.put(app, seconds(now - t0));
        }
      });
      int done = progress.stagesDone(stages);
      while (stageSeconds.size() < done) {
        stageSeconds.add(seconds(System.nanoTime() - t0));
      }
      if (done == stages.size()) {
        return new Timing(stageSeconds.get(stageSeconds.size() - 1), List.copyOf(stageSeconds));
      }
      if (now - t0 > timeoutNanos) {
        throw new TimeoutException(what + " did not process its input within " + seconds(timeoutNanos) + " s; lag "
            + progress.lag(stages));
      }
      if (now - lastReport > TimeUnit.SECONDS.toNanos(10)) {
        lastReport = now;
        StringBuilder lags = new StringBuilder();
        for (GroupProgress.Stage stage : stages) {
          lags.append(lags.length() == 0 ? "" : ", ").append(progress.lag(stage));
        }
        out.printf(Locale.ROOT, "bench: %s%s: %.0f s, records still to commit per stage: %s%n", label, what,
            seconds(now - t0),
            lags);
      }
      Thread.sleep(POLL_MS);
    }
  }

  /**
   * Generates and publishes the N articles of the throughput phases, a window at a time: the
   * articles are never all held at once (20,000 of 2–8 KB would weigh ~200 MB on the heap the run
   * measures), so any N fits.
   */
  private void publishInput(ArticleIngestor ingestor, ArticleGenerator generator, int n) throws Exception {
    long bytes = 0;
    long charged = 0;
    long t = System.nanoTime();
    for (int done = 0; done < n; done += PUBLISH_WINDOW) {
      List<ArticleGenerator.Article> chunk = generator.next(Math.min(PUBLISH_WINDOW, n - done));
      bytes += chunk.stream().mapToLong(ArticleGenerator.Article::bodyBytes).sum();
      charged += chunk.stream().filter(a -> a.kind().charge()).count();
      publishAll(ingestor, chunk);
    }
    double produceS = seconds(System.nanoTime() - t);
    out.printf(Locale.ROOT, "bench: " + label + "published %d articles (%.1f MB of bodies, %d with charges) via "
        + "ArticleIngestor in %.1f s (%.0f/s)%n", n, bytes / 1e6, charged, produceS, n / produceS);
  }

  private void publishAll(ArticleIngestor ingestor, List<ArticleGenerator.Article> batch) throws Exception {
    Semaphore window = new Semaphore(PUBLISH_WINDOW);
    AtomicLong failed = new AtomicLong();
    for (ArticleGenerator.Article a : batch) {
      ArticleInput input = validate(ingestor, a);
      window.acquire();
      ingestor.publish(input, EntryPoint.JSONL).whenComplete((r, e) -> {
        if (e != null) {
          failed.incrementAndGet();
        }
        window.release();
      });
    }
    window.acquire(PUBLISH_WINDOW);
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " publishes were not acknowledged");
    }
  }

  private static ArticleInput validate(ArticleIngestor ingestor, ArticleGenerator.Article a) {
    return ingestor.parser().validate(a.url(), a.source(), a.title(), a.body(), a.publishedAt(), a.language());
  }

  record Latency(Long p50, Long p99) {}

  /**
   * Publishes at {@code rate}/s for {@code seconds}, and notes when each article's first tally
   * change becomes visible to a read_committed consumer. Latency = visible - acknowledged. The
   * bookkeeping ({@link BenchLatencies}) has a fixed size, so a soak measures the pipeline's heap,
   * not the bench's.
   */
  private Latency paced(CommonConfig common, ArticleIngestor ingestor, ArticleGenerator generator, int seconds,
      HeapSampler heap, GroupProgress progress, List<GroupProgress.Stage> stages) throws Exception {
    Topic<String, TallyChange> changes = common.topics().tallyChanges();
    long total = (long) rate * seconds;
    BenchLatencies tracker = new BenchLatencies(BenchLatencies.capacity(total, rate, TRACK_SECONDS, MAX_TRACKED));
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong failures = new AtomicLong();
    Map<String, Object> props = new HashMap<>(common.clientProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-tally-changes");
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    KafkaConsumer<String, TallyChange> consumer = new KafkaConsumer<>(props, changes.keySerde().deserializer(),
        changes.valueSerde().deserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(changes.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolves the end now, before the first paced article
    Thread reader = new Thread(() -> {
      try (consumer) {
        while (!stop.get()) {
          for (ConsumerRecord<String, TallyChange> r : consumer.poll(Duration.ofMillis(20))) {
            long now = System.nanoTime();
            String id = r.value() == null ? null : r.value().getArticleId();
            if (id != null) {
              tracker.changed(id, now);
            }
          }
        }
      }
    }, "bench-tally-reader");
    reader.start();

    long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime();
    long nextHeapReport = start + TimeUnit.SECONDS.toNanos(60);
    heap.takeWindowMax();
    long late = 0;
    for (long i = 0; i < total; i++) {
      long due = start + i * periodNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      } else if (wait < -TimeUnit.MILLISECONDS.toNanos(100)) {
        late++;
      }
      ArticleGenerator.Article a = generator.next();
      ArticleInput input = validate(ingestor, a);
      long seq = tracker.published(input.id(), a.kind().charge());
      ingestor.publish(input, EntryPoint.JSONL).whenComplete((r, e) -> {
        if (e == null) {
          tracker.acknowledged(seq, System.nanoTime());
        } else {
          failures.incrementAndGet();
        }
      });
      if (System.nanoTime() >= nextHeapReport) {
        nextHeapReport += TimeUnit.SECONDS.toNanos(60);
        out.printf(Locale.ROOT, "bench: heap at %d s: used now %d MB, max in the last minute %d MB, after last GC %d MB; "
            + "published %d, tally changes seen %d, lag %d%n", (System.nanoTime() - start) / 1_000_000_000L,
            HeapSampler.usedNowBytes() >> 20, heap.takeWindowMax() >> 20, HeapSampler.afterLastGcBytes() >> 20,
            i + 1, tracker.seen(), progress.lag(stages));
      }
    }
    double pacedS = seconds(System.nanoTime() - start);
    // let the last articles through: until every stage caught up, then one more commit interval
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(quick ? 5 : 60);
    boolean drained = false;
    while (System.nanoTime() < deadline) {
      if (tracker.acknowledged() + failures.get() >= total && progress.caughtUp(stages)) {
        drained = true;
        break;
      }
      Thread.sleep(POLL_MS);
    }
    Thread.sleep(500);
    if (!drained) {
      out.printf(Locale.ROOT, "bench: WARNING: the pipeline had not processed every paced article %.0f s after the "
          + "last one (%d records still to commit); those are missing from the percentiles, which therefore "
          + "understate the latency%n", seconds(System.nanoTime() - start) - pacedS, progress.lag(stages));
    }
    stop.set(true);
    reader.join(5_000);

    long chargedPublished = tracker.chargedPublished();
    long chargedSeen = tracker.chargedSeen();
    long otherSeen = tracker.otherSeen();
    long[] latencies = tracker.latencies();
    if (tracker.expiredCharged() > 0) {
      out.printf(Locale.ROOT, "bench: WARNING: %d articles with charges showed no tally change within %d s of their "
          + "publication and were no longer tracked; they are missing from the percentiles%n",
          tracker.expiredCharged(), tracker.capacity() / rate);
    }
    out.printf(Locale.ROOT, "bench: paced: %d articles in %.1f s (%.0f/s, %d more than 100 ms late, %d not acknowledged); "
        + "%d with charges by construction, %d of them changed a tally, and %d others did%n",
        total, pacedS, total / pacedS, late, failures.get(), chargedPublished, chargedSeen, otherSeen);
    if (latencies.length == 0) {
      out.println("bench: no article changed a tally during the paced phase; no latency to report");
      return new Latency(null, null);
    }
    Percentiles p = new Percentiles(latencies);
    long p50 = p.percentile(50) / 1_000_000;
    long p99 = p.percentile(99) / 1_000_000;
    out.printf(Locale.ROOT, "bench: e2e (ingest ack -> tally change visible, read_committed): n=%d p50 %d ms, p90 %d ms, "
        + "p99 %d ms, max %d ms%n", p.count(), p50, p.percentile(90) / 1_000_000, p99, p.max() / 1_000_000);
    return new Latency(p50, p99);
  }

  private static void createTopic(Admin admin, String name, int partitions) throws InterruptedException {
    try {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) -1))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create " + name + ": " + e.getCause().getMessage(), e.getCause());
      }
    }
  }

  private static double round(double v, int places) {
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // a leftover temp file is harmless
        }
      });
    } catch (IOException e) {
      // as above
    }
  }
}
