package org.mediamonitor.common.config;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.mediamonitor.common.Topics;
import org.mediamonitor.common.serde.WireFormat;

/** The keys every service shares: where Kafka is, how topics are named and how records are encoded. */
public record CommonConfig(
    String bootstrapServers,
    String topicPrefix,
    int partitions,
    String wireFormat,
    Map<String, String> kafkaClient) {

  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String TOPIC_PREFIX = "topic.prefix";
  public static final String TOPIC_PARTITIONS = "topic.partitions";
  public static final String WIRE_FORMAT = "wire.format";

  public static ConfigDef define(ConfigDef def) {
    return def
        .define(BOOTSTRAP_SERVERS, Type.STRING, "localhost:9092", new ConfigDef.NonEmptyString(), Importance.HIGH,
            "Kafka bootstrap servers, host:port[,host:port]")
        .define(TOPIC_PREFIX, Type.STRING, Topics.DEFAULT_PREFIX, Importance.MEDIUM,
            "Prefix of every topic name")
        .define(TOPIC_PARTITIONS, Type.INT, 3, Range.between(1, 1024), Importance.MEDIUM,
            "Partitions of the article topics, created at start; also the most instances that share work")
        .define(WIRE_FORMAT, Type.STRING, "avro-single-object", ConfigDef.ValidString.in("avro-single-object"),
            Importance.LOW, "How records are encoded on the wire");
  }

  public static CommonConfig from(Settings settings) {
    Map<String, Object> v = settings.validated(define(new ConfigDef()));
    String bootstrap = (String) v.get(BOOTSTRAP_SERVERS);
    Map<String, String> client = new HashMap<>(settings.kafka());
    String fromKafkaEnv = client.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    if (fromKafkaEnv != null && !settings.app().containsKey(BOOTSTRAP_SERVERS)) {
      bootstrap = fromKafkaEnv;
    }
    if (bootstrap.isBlank()) {
      throw new ConfigException(BOOTSTRAP_SERVERS, bootstrap, "must not be blank");
    }
    return new CommonConfig(bootstrap, (String) v.get(TOPIC_PREFIX), (Integer) v.get(TOPIC_PARTITIONS),
        (String) v.get(WIRE_FORMAT), Map.copyOf(client));
  }

  public Topics topics() {
    return Topics.create(topicPrefix, partitions, WireFormat.named(wireFormat));
  }

  /** Client properties: bootstrap servers plus everything given as a Kafka key. */
  public Map<String, Object> clientProperties() {
    Map<String, Object> props = new HashMap<>(kafkaClient);
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return props;
  }
}
