package org.mediamonitor.app;

import picocli.CommandLine;

/** A command that only groups subcommands: run alone, it prints its usage. */
abstract class ParentCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
