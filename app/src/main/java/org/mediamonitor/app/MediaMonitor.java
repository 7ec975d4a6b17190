package org.mediamonitor.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line entry point: {@code bin/media-monitor <command>}. */
@Command(
    name = "media-monitor",
    mixinStandardHelpOptions = true,
    version = "media-monitor 0.1.0",
    description = "Reads the news for media-freedom monitors: tags every report and keeps monthly tallies of charges.",
    subcommands = {
        RunCommand.class,
        ServiceCommands.Ingest.class,
        ServiceCommands.Enrich.class,
        ServiceCommands.Aggregate.class,
        PublishCommand.class,
        ClassifyCommand.class,
        EvaluateCommand.class,
        TaxonomyCommand.class,
        TopicsCommand.class,
        org.mediamonitor.app.bench.BenchCommand.class,
        CommandLine.HelpCommand.class
    })
public final class MediaMonitor extends ParentCommand {

  public static void main(String[] args) {
    System.exit(new CommandLine(new MediaMonitor()).execute(args));
  }
}
