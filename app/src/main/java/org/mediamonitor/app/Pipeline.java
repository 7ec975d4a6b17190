package org.mediamonitor.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
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

/**
 * Ingest, enrich and aggregate in one process, sharing one HTTP server and one metrics registry.
 * Each service is the same class the single-service commands run; only the wiring is shared.
 */
public final class Pipeline implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final List<AutoCloseable> started = new ArrayList<>();
  private final PrometheusMeterRegistry registry;
  private final Javalin http;
  private final IngestApp ingest;
  private final EnrichApp enrich;
  private final AggregateApp aggregate;
  private final int httpPort;

  private Pipeline(Settings settings, Path stateDir, int httpPort, List<String> feedUrls) {
    this.httpPort = httpPort;
    CommonConfig common = CommonConfig.from(settings);
    TopicAdmin.ensureTopics(common.clientProperties(), common.topics().all());
    registry = Metrics.newRegistry("media-monitor");
    http = Http.create(registry, this::health, config -> config.staticFiles.add(files -> {
      files.hostedPath = "/";
      files.directory = "/web";
      files.location = Location.CLASSPATH;
    }));
    started.add(http::stop);
    try {
      enrich = new EnrichApp(EnrichConfig.from(settings.with(EnrichConfig.STATE_DIR, stateDir.resolve("enrich").toString())),
          common, registry);
      started.add(enrich);
      aggregate = new AggregateApp(AggregateConfig.from(settings
          .with(AggregateConfig.STATE_DIR, stateDir.resolve("aggregate").toString())
          .with(AggregateConfig.ADVERTISED_ENDPOINT, "localhost:" + httpPort)), common, registry);
      started.add(aggregate);
      ingest = IngestApp.start(common, IngestConfig.from(settings.with(IngestConfig.STATE_DIR,
          stateDir.resolve("ingest").toString())), FeedConfig.from(settings), feedUrls, registry);
      started.add(ingest);
      for (Service s : services()) {
        s.routes(http);
      }
      enrich.start();
      aggregate.start();
      http.start(httpPort);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  public static Pipeline start(Settings settings, Path stateDir, int httpPort, List<String> feedUrls) {
    return new Pipeline(settings, stateDir, httpPort, feedUrls);
  }

  public IngestApp ingest() {
    return ingest;
  }

  public int httpPort() {
    return http.port();
  }

  public Map<String, Object> health() {
    Map<String, Object> services = new LinkedHashMap<>();
    boolean up = !services().isEmpty();
    for (Service s : services()) {
      Map<String, Object> h = s.health();
      services.put(s.name(), h);
      up &= Boolean.TRUE.equals(h.get("up"));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("status", up ? "UP" : "DOWN");
    result.put("services", services);
    return result;
  }

  private List<Service> services() {
    List<Service> list = new ArrayList<>();
    for (Service s : new Service[] {ingest, enrich, aggregate}) {
      if (s != null) {
        list.add(s);
      }
    }
    return list;
  }

  @Override
  public void close() {
    // reverse order: stop taking articles first, then let the streams finish what they hold
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        LOG.warn("error while stopping {}", started.get(i), e);
      }
    }
    started.clear();
  }
}
