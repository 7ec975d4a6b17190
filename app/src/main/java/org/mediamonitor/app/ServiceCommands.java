package org.mediamonitor.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.mediamonitor.aggregate.AggregateApp;
import org.mediamonitor.aggregate.AggregateConfig;
import org.mediamonitor.common.Metrics;
import org.mediamonitor.common.Service;
import org.mediamonitor.common.TopicAdmin;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.config.Settings;
import org.mediamonitor.common.http.Http;
import org.mediamonitor.enrich.EnrichApp;
import org.mediamonitor.enrich.EnrichConfig;
import org.mediamonitor.ingest.IngestApp;
import org.mediamonitor.ingest.IngestConfig;
import org.mediamonitor.ingest.feed.FeedConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** One service per process, as compose runs them: {@code media-monitor ingest|enrich|aggregate}. */
final class ServiceCommands {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceCommands.class);

  private ServiceCommands() {}

  @FunctionalInterface
  interface Factory {
    Service create(Settings settings, CommonConfig common, MeterRegistry registry);
  }

  abstract static class Base implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--http-port", paramLabel = "N", description = "HTTP port for /health, /metrics and the API.")
    Integer httpPort;

    abstract String name();

    abstract int defaultPort();

    abstract Factory factory();

    Map<String, String> extraSettings(int port) {
      return Map.of();
    }

    @Override
    public Integer call() throws InterruptedException {
      int port = httpPort != null ? httpPort : defaultPort();
      Settings settings = kafka.settings(extraSettings(port));
      CommonConfig common = CommonConfig.from(settings);
      TopicAdmin.ensureTopics(common.clientProperties(), common.topics().all());
      PrometheusMeterRegistry registry = Metrics.newRegistry("media-monitor-" + name());
      Service service = factory().create(settings, common, registry);
      Javalin http = Http.create(registry, () -> {
        Map<String, Object> h = service.health();
        return Map.of("status", Boolean.TRUE.equals(h.get("up")) ? "UP" : "DOWN", "services", Map.of(name(), h));
      });
      service.routes(http);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        long t0 = System.nanoTime();
        try {
          http.stop();
          service.close();
          LOG.info("{} stopped in {} ms", name(), (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
          LOG.error("{} did not stop cleanly", name(), e);
        } finally {
          stopped.countDown();
        }
      }, name() + "-shutdown"));
      service.start();
      http.start(port);
      LOG.info("{} running against {}; HTTP on port {}", name(), common.bootstrapServers(), port);
      // a Streams client that ends in ERROR must end the process with a non-zero code, so that
      // an orchestrator restarts it
      while (!stopped.await(1, TimeUnit.SECONDS)) {
        if ("ERROR".equals(service.health().get("state"))) {
          LOG.error("{} failed; exiting", name());
          return 1;
        }
      }
      return 0;
    }
  }

  @Command(name = "ingest", mixinStandardHelpOptions = true,
      description = "Runs ingest alone: HTTP POST /api/v1/articles, the watched folder, feeds.")
  static final class Ingest extends Base {
    @Option(names = "--feed", paramLabel = "URL", description = "An RSS or Atom feed to poll (repeatable).")
    List<String> feeds = new ArrayList<>();

    @Override
    String name() {
      return "ingest";
    }

    @Override
    int defaultPort() {
      return 8081;
    }

    @Override
    Factory factory() {
      return (s, c, r) -> IngestApp.start(c, IngestConfig.from(s), FeedConfig.from(s), feeds, r);
    }
  }

  @Command(name = "enrich", mixinStandardHelpOptions = true, description = "Runs the enrich Streams app alone.")
  static final class Enrich extends Base {
    @Override
    String name() {
      return "enrich";
    }

    @Override
    int defaultPort() {
      return 8082;
    }

    @Override
    Factory factory() {
      return (s, c, r) -> new EnrichApp(EnrichConfig.from(s), c, r);
    }
  }

  @Command(name = "aggregate", mixinStandardHelpOptions = true,
      description = "Runs the aggregate Streams app alone: tallies, queries, alerts.")
  static final class Aggregate extends Base {
    @Option(names = "--advertised-host", paramLabel = "HOST", defaultValue = "localhost",
        description = "Host name other instances use to reach this one (application.server).")
    String advertisedHost;

    @Override
    String name() {
      return "aggregate";
    }

    @Override
    int defaultPort() {
      return 8083;
    }

    @Override
    Map<String, String> extraSettings(int port) {
      return Map.of(AggregateConfig.ADVERTISED_ENDPOINT, advertisedHost + ":" + port);
    }

    @Override
    Factory factory() {
      return (s, c, r) -> new AggregateApp(AggregateConfig.from(s), c, r);
    }
  }

}
