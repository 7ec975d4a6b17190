package org.mediamonitor.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.mediamonitor.common.Json;
import org.mediamonitor.enrich.classify.ArticleFile;
import org.mediamonitor.enrich.classify.Classification;
import org.mediamonitor.enrich.classify.Classifier;
import org.mediamonitor.enrich.classify.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code media-monitor classify FILE...}: the stream's classifier, offline, one JSON object per file. */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Tags .txt, .html and .json files with the classifier the stream uses; prints one JSON object per file.")
final class ClassifyCommand implements Callable<Integer> {

  @Option(names = "--taxonomy", paramLabel = "FILE", description = "A taxonomy file instead of the bundled one.")
  Path taxonomyFile;

  @Parameters(arity = "1..*", paramLabel = "FILE")
  List<Path> files;

  @Override
  public Integer call() throws Exception {
    Classifier classifier = Classifier.compile(Taxonomies.load(taxonomyFile));
    int failed = 0;
    for (Path file : files) {
      try {
        ArticleFile article = ArticleFile.read(file);
        Classification c = classifier.classify(article.title(), article.body(), article.publishedAt(),
            article.languageHint(), article.url());
        System.out.println(Json.mapper().writeValueAsString(c.toJson(file.toString())));
      } catch (Exception e) {
        failed++;
        System.err.println(file + ": " + e.getMessage());
      }
    }
    return failed == 0 ? 0 : 1;
  }
}
