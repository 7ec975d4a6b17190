package org.mediamonitor.aggregate;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.mediamonitor.common.Topic;
import org.mediamonitor.common.Service;
import org.mediamonitor.common.TopicAdmin;
import org.mediamonitor.common.Topics;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.config.Settings;
import org.mediamonitor.common.streams.DeadLetterPolicy;
import org.mediamonitor.common.streams.StreamsService;

/**
 * The aggregate service's lifecycle: validated config, the topology, its topics, a Kafka Streams
 * client under exactly-once, the HTTP routes and the domain metrics.
 *
 * <pre>
 * AggregateApp app = AggregateApp.create(settings, registry);
 * app.routes(javalin);   // before javalin.start()
 * app.start();           // creates missing topics, starts the streams client
 * app.close();
 * </pre>
 */
public final class AggregateApp implements Service {

  public static final String NAME = "aggregate";

  private final AggregateConfig config;
  private final CommonConfig common;
  private final Topics topics;
  private final StreamsService service;
  private final AggregateHttp http;

  public AggregateApp(AggregateConfig config, CommonConfig common, MeterRegistry registry) {
    this.config = config;
    this.common = common;
    this.topics = common.topics();
    AggregateMetrics metrics = new AggregateMetrics(registry, config, Clock.systemUTC());
    Topology topology = AggregateTopology.build(topics, config, metrics);
    this.service = new StreamsService(NAME, topology, streamsProperties(config, common, metrics::deadLettered), registry);
    this.http = new AggregateHttp(service.streams(), config);
  }

  public static AggregateApp create(Settings settings, MeterRegistry registry) {
    return new AggregateApp(AggregateConfig.from(settings), CommonConfig.from(settings), registry);
  }

  static Properties streamsProperties(AggregateConfig config, CommonConfig common) {
    return streamsProperties(config, common, reason -> { });
  }

  /**
   * Kafka Streams properties: the client keys given, then ours, which are not negotiable. An
   * enriched record aggregate cannot decode (or process, or write) is dead-lettered with its reason
   * and original bytes, inside the transaction, and told to {@code deadLetters}; the national tally
   * goes on without it.
   */
  static Properties streamsProperties(AggregateConfig config, CommonConfig common, DeadLetterPolicy.Listener deadLetters) {
    Properties props = new Properties();
    props.putAll(common.clientProperties());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.advertisedEndpoint());
    return DeadLetterPolicy.install(props, DeadLetterPolicy.of(NAME, common.topics(), Set.of(), deadLetters));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void routes(Javalin app) {
    http.routes(app);
  }

  /** Creates the topics the topology reads and writes (internal topics are Kafka Streams' own), then starts. */
  @Override
  public void start() {
    List<Topic<?, ?>> mine = List.of(topics.enrichedArticles(), topics.monthlyTallies(), topics.tallyChanges(),
        topics.spikeAlerts());
    TopicAdmin.ensureTopics(common.clientProperties(), mine);
    service.start();
  }

  @Override
  public Map<String, Object> health() {
    Map<String, Object> h = new LinkedHashMap<>(service.health());
    h.put("application_id", config.applicationId());
    h.put("advertised", config.advertisedEndpoint());
    return h;
  }

  public boolean running() {
    return service.running();
  }

  public StreamsService service() {
    return service;
  }

  public AggregateConfig config() {
    return config;
  }

  @Override
  public void close() {
    service.close();
  }
}
