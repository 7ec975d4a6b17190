package org.mediamonitor.app;

import java.util.Map;
import java.util.concurrent.Callable;

import org.mediamonitor.common.Topic;
import org.mediamonitor.common.TopicAdmin;
import org.mediamonitor.common.config.CommonConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code media-monitor topics create}: the one-shot topic creation step of a deployment. */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "Manages the pipeline's topics.",
    subcommands = TopicsCommand.Create.class)
final class TopicsCommand extends ParentCommand {

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Creates every topic that is missing, with its partitions and cleanup policy, then exits.")
  static final class Create implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
      CommonConfig common = CommonConfig.from(kafka.settings(Map.of()));
      TopicAdmin.ensureTopics(common.clientProperties(), common.topics().all());
      for (Topic<?, ?> t : common.topics().all()) {
        System.out.printf("%-40s partitions=%d %s%n", t.name(), t.partitions(), t.configs());
      }
      return 0;
    }
  }
}
