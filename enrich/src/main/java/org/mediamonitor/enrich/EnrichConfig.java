package org.mediamonitor.enrich;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.streams.StreamsConfig;
import org.mediamonitor.common.Topics;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.config.Settings;
import org.mediamonitor.common.streams.DeadLetterPolicy;

/**
 * The enrich service's settings, validated once at start. Keys carry the {@code enrich.} prefix so
 * that the all-in-one launcher can hold every service's settings in one place.
 */
public record EnrichConfig(
    String applicationId,
    Path stateDir,
    int numStreamThreads,
    long commitIntervalMs,
    Optional<Path> taxonomyFile) {

  public static final String APPLICATION_ID = "enrich.application.id";
  public static final String STATE_DIR = "enrich.state.dir";
  public static final String NUM_STREAM_THREADS = "enrich.num.stream.threads";
  public static final String COMMIT_INTERVAL_MS = "enrich.commit.interval.ms";
  public static final String TAXONOMY_FILE = "enrich.taxonomy.file";

  public static final String DEFAULT_APPLICATION_ID = "media-monitor-enrich";

  public static final ConfigDef DEFINITION = new ConfigDef()
      .define(APPLICATION_ID, Type.STRING, DEFAULT_APPLICATION_ID, new ConfigDef.NonEmptyString(), Importance.HIGH,
          "Kafka Streams application.id: the consumer group and the prefix of internal topics; keep it stable")
      .define(STATE_DIR, Type.STRING, Path.of(System.getProperty("java.io.tmpdir"), "media-monitor-enrich").toString(),
          new ConfigDef.NonEmptyString(), Importance.MEDIUM, "Directory of the Streams state (the global taxonomy store's checkpoint)")
      .define(NUM_STREAM_THREADS, Type.INT, 1, Range.between(1, 64), Importance.MEDIUM,
          "Stream threads; more than the raw-articles partitions is wasted")
      // exactly-once output becomes visible to read_committed consumers only at commit, so a short
      // interval keeps the latency from raw to enriched low
      .define(COMMIT_INTERVAL_MS, Type.LONG, 100L, Range.between(10L, 600_000L), Importance.MEDIUM,
          "How often Streams commits, in ms: the upper bound on the added latency under exactly-once")
      .define(TAXONOMY_FILE, Type.STRING, "", Importance.LOW,
          "Taxonomy file used until a release is published on the taxonomy topic; empty = the bundled taxonomy");

  public static EnrichConfig from(Settings settings) {
    Map<String, Object> v = settings.validated(DEFINITION);
    String file = ((String) v.get(TAXONOMY_FILE)).trim();
    return new EnrichConfig(
        (String) v.get(APPLICATION_ID),
        Path.of((String) v.get(STATE_DIR)),
        (Integer) v.get(NUM_STREAM_THREADS),
        (Long) v.get(COMMIT_INTERVAL_MS),
        file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file)));
  }

  /** Every default: for tests and tools. */
  public static EnrichConfig defaults() {
    return from(Settings.of(Map.of()));
  }

  public EnrichConfig withApplicationId(String id) {
    return new EnrichConfig(id, stateDir, numStreamThreads, commitIntervalMs, taxonomyFile);
  }

  public EnrichConfig withStateDir(Path dir) {
    return new EnrichConfig(applicationId, dir, numStreamThreads, commitIntervalMs, taxonomyFile);
  }

  public Properties streamsProperties(CommonConfig common) {
    return streamsProperties(common, EnrichMetrics.NOOP);
  }

  /**
   * Streams properties: the client settings, exactly-once always, and the error policy: poison
   * pills, tagger failures and unencodable output go to the dead-letter topic and are counted in
   * {@code metrics}; the stream keeps running.
   */
  public Properties streamsProperties(CommonConfig common, EnrichMetrics metrics) {
    Properties props = new Properties();
    props.putAll(common.clientProperties());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, numStreamThreads);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    errorPolicy(props, deadLetterPolicy(common.topics(), metrics));
    return props;
  }

  /**
   * Enrich's dead-letter policy: dead letters of stage {@code enrich} go to {@code topics.deadLetters()};
   * the taxonomy topic feeds a global store, so its bad records are only skipped; a
   * {@link TaggingException} is reason {@code tagging}.
   */
  public static DeadLetterPolicy deadLetterPolicy(Topics topics, EnrichMetrics metrics) {
    return DeadLetterPolicy.of(EnrichApp.NAME, topics, Set.of(topics.taxonomy().name()), metrics::deadLettered)
        .withProcessingReason(e -> e instanceof TaggingException
            ? DeadLetterReason.TAGGING.tag() : DeadLetterReason.PROCESSING.tag());
  }

  /** Installs the dead-letter exception handlers (common's) and their policy into Streams properties. */
  public static Properties errorPolicy(Properties props, DeadLetterPolicy policy) {
    return DeadLetterPolicy.install(props, policy);
  }
}
