package org.mediamonitor.app;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.mediamonitor.broker.EmbeddedKafkaBroker;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.config.Settings;
import org.mediamonitor.ingest.EntryPoint;
import org.mediamonitor.ingest.JsonLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code media-monitor run}: the whole pipeline in one process, on an embedded broker unless told otherwise. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs ingest, enrich and aggregate in one process; starts an embedded Kafka broker "
        + "unless --bootstrap-servers is given, and loads the bundled sample corpus once.")
final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
  static final String SAMPLE_RESOURCE = "sample/articles.jsonl";
  static final String SAMPLE_MARKER = "sample-loaded";

  @Mixin
  KafkaOptions kafka;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./data",
      description = "Broker data and Streams state (default: ${DEFAULT-VALUE}). Reuse it to resume.")
  Path dataDir;

  @Option(names = "--http-port", paramLabel = "N", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--no-sample", description = "Do not load the bundled sample corpus.")
  boolean noSample;

  @Option(names = "--feed", paramLabel = "URL", description = "An RSS or Atom feed to poll (repeatable); polled at start, then every 60 s.")
  List<String> feeds = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    Files.createDirectories(dataDir);
    EmbeddedKafkaBroker broker = null;
    Map<String, String> overrides = new HashMap<>();
    if (kafka.bootstrapServers == null) {
      Instant t0 = Instant.now();
      broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"));
      overrides.put(CommonConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
      out.printf("media-monitor: embedded Kafka broker at %s (started in %d ms, data in %s)%n",
          broker.bootstrapServers(), Duration.between(t0, Instant.now()).toMillis(), dataDir.resolve("kafka"));
    }
    Settings settings = kafka.settings(overrides);
    Pipeline pipeline;
    try {
      pipeline = Pipeline.start(settings, dataDir.resolve("state"), httpPort, feeds);
    } catch (RuntimeException e) {
      if (broker != null) {
        broker.close();
      }
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    EmbeddedKafkaBroker ownBroker = broker;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      out.println("media-monitor: stopping");
      pipeline.close();
      if (ownBroker != null) {
        ownBroker.close();
      }
      stopped.countDown();
    }, "media-monitor-shutdown"));

    String base = "http://localhost:" + pipeline.httpPort();
    out.printf("media-monitor: ingest, enrich and aggregate running; HTTP on %s%n", base);
    out.printf("  %s/api/v1/months            monthly and year-to-date charge tallies%n", base);
    out.printf("  %s/api/v1/alerts            spike alerts%n", base);
    out.printf("  POST %s/api/v1/articles     add an article (JSON)%n", base);
    out.printf("  %s/health  %s/metrics%n", base, base);

    if (!noSample) {
      loadSampleOnce(pipeline, out);
    }
    out.println("media-monitor: press Ctrl-C to stop");
    stopped.await();
    return 0;
  }

  private void loadSampleOnce(Pipeline pipeline, PrintStream out) throws Exception {
    Path marker = dataDir.resolve(SAMPLE_MARKER);
    if (Files.exists(marker)) {
      out.println("media-monitor: sample corpus already loaded (" + marker + ")");
      return;
    }
    try (InputStream in = RunCommand.class.getClassLoader().getResourceAsStream(SAMPLE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the sample corpus " + SAMPLE_RESOURCE + " is missing from the jar");
      }
      var counts = JsonLines.publish(in, SAMPLE_RESOURCE, pipeline.ingest().ingestor(), EntryPoint.JSONL);
      Files.writeString(marker, Instant.now() + " " + counts + System.lineSeparator());
      out.println("media-monitor: sample corpus loaded: " + counts);
      LOG.info("sample corpus loaded: {}", counts);
    }
  }
}
