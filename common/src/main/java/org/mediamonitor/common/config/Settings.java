package org.mediamonitor.common.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Layered settings: in-code defaults (the {@link ConfigDef}), then an optional properties file,
 * then environment variables, then explicit overrides (command-line flags).
 *
 * <p>Environment: {@code MEDIA_MONITOR_HTTP_PORT} sets {@code http.port}; {@code KAFKA_LINGER_MS}
 * sets the Kafka client property {@code linger.ms}. Keys of the app are validated by the
 * ConfigDef at start, so a bad value fails with a message naming the key; Kafka client keys are
 * passed through to the clients, which validate them in turn.
 */
public final class Settings {

  public static final String APP_ENV_PREFIX = "MEDIA_MONITOR_";
  public static final String KAFKA_ENV_PREFIX = "KAFKA_";
  /** Properties-file keys with this prefix go to the Kafka clients, without it. */
  public static final String KAFKA_FILE_PREFIX = "kafka.";

  private final Map<String, String> app;
  private final Map<String, String> kafka;

  private Settings(Map<String, String> app, Map<String, String> kafka) {
    this.app = Map.copyOf(app);
    this.kafka = Map.copyOf(kafka);
  }

  public static Settings load(Path file, Map<String, String> env, Map<String, String> overrides) {
    Map<String, String> app = new TreeMap<>();
    Map<String, String> kafka = new TreeMap<>();
    if (file != null) {
      Properties props = new Properties();
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        props.load(in);
      } catch (IOException e) {
        throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
      }
      for (String name : props.stringPropertyNames()) {
        String value = props.getProperty(name).trim();
        if (name.startsWith(KAFKA_FILE_PREFIX)) {
          kafka.put(name.substring(KAFKA_FILE_PREFIX.length()), value);
        } else {
          app.put(name, value);
        }
      }
    }
    env.forEach((name, value) -> {
      if (name.startsWith(APP_ENV_PREFIX)) {
        app.put(envToKey(name.substring(APP_ENV_PREFIX.length())), value);
      } else if (name.startsWith(KAFKA_ENV_PREFIX)) {
        kafka.put(envToKey(name.substring(KAFKA_ENV_PREFIX.length())), value);
      }
    });
    overrides.forEach((name, value) -> {
      if (name.startsWith(KAFKA_FILE_PREFIX)) {
        kafka.put(name.substring(KAFKA_FILE_PREFIX.length()), value);
      } else {
        app.put(name, value);
      }
    });
    return new Settings(app, kafka);
  }

  public static Settings of(Map<String, String> app) {
    return new Settings(app, Map.of());
  }

  static String envToKey(String env) {
    return env.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /** App keys only. */
  public Map<String, String> app() {
    return app;
  }

  /** Kafka client properties given by file, environment or flag. */
  public Map<String, String> kafka() {
    return kafka;
  }

  /** Parses and validates the app keys a service knows; keys it does not know are ignored. */
  public <C extends AbstractConfig> Map<String, Object> validated(ConfigDef def) {
    Map<String, String> known = new HashMap<>();
    app.forEach((k, v) -> {
      if (def.names().contains(k)) {
        known.put(k, v);
      }
    });
    return def.parse(known);
  }

  public Settings with(String key, String value) {
    Map<String, String> copy = new HashMap<>(app);
    copy.put(key, value);
    return new Settings(copy, kafka);
  }
}
