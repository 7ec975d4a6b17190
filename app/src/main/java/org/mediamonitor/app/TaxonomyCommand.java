package org.mediamonitor.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.mediamonitor.common.config.CommonConfig;
import org.mediamonitor.enrich.ClassifierTagger;
import org.mediamonitor.enrich.TaxonomyPublisher;
import org.mediamonitor.schema.TaxonomyRelease;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code media-monitor taxonomy publish FILE}: replaces the taxonomy of a running enrich, no restart. */
@Command(name = "taxonomy", mixinStandardHelpOptions = true, description = "Manages the taxonomy enrich tags with.",
    subcommands = TaxonomyCommand.Publish.class)
final class TaxonomyCommand extends ParentCommand {

  @Command(name = "publish", mixinStandardHelpOptions = true,
      description = "Validates FILE and writes it as the new taxonomy version; enrich tags the next article with it.")
  static final class Publish implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Parameters(paramLabel = "FILE", description = "A taxonomy file (the format of enrich's bundled taxonomy.json).")
    Path file;

    @Override
    public Integer call() {
      CommonConfig common = CommonConfig.from(kafka.settings(Map.of()));
      TaxonomyRelease release = new TaxonomyPublisher(ClassifierTagger.FACTORY)
          .publish(common.clientProperties(), common.topics(), file);
      System.out.println("published taxonomy version " + release.getVersion() + " to " + common.topics().taxonomy().name());
      return 0;
    }
  }
}
