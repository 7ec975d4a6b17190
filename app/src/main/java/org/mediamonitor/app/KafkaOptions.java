package org.mediamonitor.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.config.Settings;
import picocli.CommandLine.Option;

/** Options every command that talks to Kafka shares. */
final class KafkaOptions {

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
      description = "Kafka to use. For 'run', omitting it starts an embedded broker.")
  String bootstrapServers;

  @Option(names = "--config", paramLabel = "FILE", description = "A properties file of settings (see README).")
  Path configFile;

  /** Settings from the file, the environment and these flags, in that order of precedence (last wins). */
  Settings settings(Map<String, String> extra) {
    Map<String, String> overrides = new HashMap<>(extra);
    if (bootstrapServers != null) {
      overrides.put(CommonConfig.BOOTSTRAP_SERVERS, bootstrapServers);
    }
    return Settings.load(configFile, System.getenv(), overrides);
  }
}
