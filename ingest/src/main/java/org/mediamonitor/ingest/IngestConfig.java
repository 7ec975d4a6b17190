package org.mediamonitor.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;
import org.mediamonitor.common.config.Settings;

/**
 * The keys of the ingest service, validated at start.
 *
 * @param watchDir folder polled for article files, or null for none
 * @param httpToken bearer token the HTTP API requires, or null for an open API; prints as [hidden]
 */
public record IngestConfig(
    Path watchDir,
    int maxBodyBytes,
    Password httpToken,
    Duration ackTimeout,
    Duration watchPoll,
    Path stateDir) {

  public static final String WATCH_DIR = "ingest.watch.dir";
  public static final String MAX_BODY_BYTES = "ingest.max.body.bytes";
  public static final String HTTP_TOKEN = "ingest.http.token";
  public static final String ACK_TIMEOUT_MS = "ingest.ack.timeout.ms";
  public static final String WATCH_POLL_MS = "ingest.watch.poll.ms";
  public static final String STATE_DIR = "ingest.state.dir";

  public static final ConfigDef DEFINITION = new ConfigDef()
      .define(WATCH_DIR, Type.STRING, null, Importance.MEDIUM,
          "Folder watched for .txt, .md, .html, .json and .jsonl article files; unset for none."
              + " Files move to done/ or failed/ inside it once published")
      .define(MAX_BODY_BYTES, Type.INT, 1024 * 1024, Range.between(1, 64 * 1024 * 1024), Importance.MEDIUM,
          "Largest article body accepted, in UTF-8 bytes; larger ones are refused (HTTP 413)")
      .define(HTTP_TOKEN, Type.PASSWORD, null, Importance.HIGH,
          "Bearer token required by POST /api/v1/articles; unset for an open API")
      .define(ACK_TIMEOUT_MS, Type.LONG, 15_000L, Range.between(1_000L, 300_000L), Importance.MEDIUM,
          "How long a publish waits for the broker to acknowledge before it fails (HTTP 503)")
      .define(WATCH_POLL_MS, Type.LONG, 1_000L, Range.between(50L, 3_600_000L), Importance.LOW,
          "Interval of the watched-folder scan; a file is read once its size held for one interval")
      .define(STATE_DIR, Type.STRING, Path.of(System.getProperty("java.io.tmpdir"), "media-monitor-ingest").toString(),
          new ConfigDef.NonEmptyString(), Importance.MEDIUM,
          "Directory of the store of every article id ever published (a folder per topic), so that a restart reads "
              + "only what was written since; deleting it costs one read of the whole topic at the next start");

  public static IngestConfig from(Settings settings) {
    return from(settings.validated(DEFINITION));
  }

  static IngestConfig from(Map<String, Object> v) {
    String dir = (String) v.get(WATCH_DIR);
    Password token = (Password) v.get(HTTP_TOKEN);
    return new IngestConfig(
        dir == null || dir.isBlank() ? null : Path.of(dir.strip()),
        (Integer) v.get(MAX_BODY_BYTES),
        token == null || token.value().isBlank() ? null : token,
        Duration.ofMillis((Long) v.get(ACK_TIMEOUT_MS)),
        Duration.ofMillis((Long) v.get(WATCH_POLL_MS)),
        Path.of(((String) v.get(STATE_DIR)).strip()));
  }
}
