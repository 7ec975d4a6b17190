package org.mediamonitor.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.Topology;
import org.mediamonitor.common.Service;
import org.mediamonitor.common.TopicAdmin;
import org.mediamonitor.common.Topics;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.streams.StreamsService;

/**
 * The enrich service: creates its topics if missing, compiles the initial taxonomy, runs the
 * {@link EnrichTopology} with exactly-once processing, and reports its state and taxonomy version.
 */
public final class EnrichApp implements Service {

  public static final String NAME = "enrich";

  private final EnrichConfig config;
  private final CommonConfig common;
  private final MeterRegistry registry;
  private final TaggerFactory factory;
  private final String initialTaxonomy;
  private final MicrometerEnrichMetrics metrics;
  private StreamsService streams;

  /** Enrich with the rule-based classifier, starting from the bundled taxonomy (or {@code enrich.taxonomy.file}). */
  public EnrichApp(EnrichConfig config, CommonConfig common, MeterRegistry registry) {
    this(config, common, registry, ClassifierTagger.FACTORY, config.taxonomyFile().isPresent() ? "" : ClassifierTagger.bundledContent());
  }

  /**
   * @param initialTaxonomy the taxonomy used until a release arrives on the taxonomy topic; the
   *     file named by {@code enrich.taxonomy.file} replaces it when set
   */
  public EnrichApp(EnrichConfig config, CommonConfig common, MeterRegistry registry, TaggerFactory factory,
      String initialTaxonomy) {
    this.config = Objects.requireNonNull(config, "config");
    this.common = Objects.requireNonNull(common, "common");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.factory = Objects.requireNonNull(factory, "factory");
    this.initialTaxonomy = config.taxonomyFile().map(EnrichApp::read).orElse(Objects.requireNonNull(initialTaxonomy,
        "initialTaxonomy"));
    this.metrics = new MicrometerEnrichMetrics(registry);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public synchronized void start() {
    if (streams != null) {
      throw new IllegalStateException("enrich already started");
    }
    Topics topics = common.topics();
    TopicAdmin.ensureTopics(common.clientProperties(), topics.all());
    Topology topology = EnrichTopology.build(topics, factory, initialTaxonomy, metrics);
    streams = new StreamsService(NAME, topology, config.streamsProperties(common, metrics), registry);
    streams.start();
  }

  /** Streams state ({@code up} while running or rebalancing) and the taxonomy versions in use and loaded. */
  @Override
  public Map<String, Object> health() {
    Map<String, Object> h = new LinkedHashMap<>();
    StreamsService s = streams;
    if (s == null) {
      h.put("state", "NOT_STARTED");
      h.put("up", false);
    } else {
      h.putAll(s.health());
    }
    h.put("taxonomyVersion", metrics.taxonomyInUse());
    h.put("taxonomyLoaded", metrics.taxonomyLoaded());
    return h;
  }

  public MicrometerEnrichMetrics metrics() {
    return metrics;
  }

  /** The running Streams service; null before {@link #start()}. */
  public StreamsService streams() {
    return streams;
  }

  @Override
  public synchronized void close() {
    if (streams != null) {
      streams.close();
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read taxonomy file " + file, e);
    }
  }
}
