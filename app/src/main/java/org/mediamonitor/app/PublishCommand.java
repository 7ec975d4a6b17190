package org.mediamonitor.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.common.config.Settings;
import org.mediamonitor.ingest.ArticleFiles;
import org.mediamonitor.ingest.ArticleIngestor;
import org.mediamonitor.ingest.EntryPoint;
import org.mediamonitor.ingest.IngestApp;
import org.mediamonitor.ingest.IngestConfig;
import org.mediamonitor.ingest.JsonLines;
import org.mediamonitor.ingest.PublishCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code media-monitor publish FILE...|-}: publishes articles from files or JSON Lines on stdin, for scripts. */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = "Publishes articles from files (.txt .md .html .json .jsonl) or JSON Lines on standard input (-), "
        + "with the same validation and once-only guarantee as the HTTP endpoint. Exits 1 if any was rejected.")
final class PublishCommand implements Callable<Integer> {

  @Mixin
  KafkaOptions kafka;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to publish, or - for JSON Lines on stdin.")
  List<String> files;

  @Override
  public Integer call() throws Exception {
    Settings settings = kafka.settings(Map.of());
    CommonConfig common = CommonConfig.from(settings);
    IngestConfig config = IngestConfig.from(settings);
    IngestApp.ensureTopics(common, config);
    boolean complete = true;
    try (ArticleIngestor ingestor = ArticleIngestor.open(common, config, new SimpleMeterRegistry())) {
      for (String file : files) {
        PublishCounts counts = "-".equals(file)
            ? JsonLines.publish(System.in, "stdin", ingestor, EntryPoint.JSONL)
            : ArticleFiles.publish(Path.of(file), ingestor, EntryPoint.JSONL);
        System.out.println(file + ": " + counts);
        complete &= counts.complete();
      }
    }
    return complete ? 0 : 1;
  }
}
