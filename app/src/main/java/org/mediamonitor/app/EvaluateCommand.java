package org.mediamonitor.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.mediamonitor.enrich.classify.Classifier;
import org.mediamonitor.enrich.classify.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code media-monitor evaluate LABELS.json}: how well the classifier agrees with a labelled corpus. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Classifies the files a labels file names (paths relative to it) and prints precision, recall "
        + "and F1 per field and per code, on-topic accuracy, reported tallies parsed exactly, and the misses.")
final class EvaluateCommand implements Callable<Integer> {

  @Option(names = "--taxonomy", paramLabel = "FILE", description = "A taxonomy file instead of the bundled one.")
  Path taxonomyFile;

  @Parameters(paramLabel = "LABELS.json")
  Path labels;

  @Override
  public Integer call() throws Exception {
    Evaluator.Result result = Evaluator.evaluate(labels, Classifier.compile(Taxonomies.load(taxonomyFile)));
    System.out.print(result.report());
    return 0;
  }
}
