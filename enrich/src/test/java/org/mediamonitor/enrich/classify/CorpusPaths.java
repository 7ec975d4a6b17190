package org.mediamonitor.enrich.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository root and the shared corpus beside it. */
final class CorpusPaths {

  private CorpusPaths() {}

  /** The directory holding .git or the root pom of media-monitor, searching up from user.dir. */
  static Path repositoryRoot() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git")) || isRootPom(p.resolve("pom.xml"))) {
        return p;
      }
    }
    return dir;
  }

  private static boolean isRootPom(Path pom) {
    try {
      return Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>media-monitor-parent</artifactId>")
          && Files.readString(pom).contains("<modules>");
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code ../shared/corpus/labels.json} relative to the repository root. */
  static Path sharedLabels() {
    return repositoryRoot().resolve("../shared/corpus/labels.json").normalize();
  }

  /** The invented labelled corpus of this module. */
  static Path inventedLabels() {
    return repositoryRoot().resolve("enrich/src/test/resources/labelled/labels.json");
  }

  /**
   * The labels of an invented set of this module written blind, without looking at the classifier
   * ({@code blind}, {@code blind2}, ...; each set's README says how and what it measured).
   */
  static Path blindLabels(String set) {
    return repositoryRoot().resolve("enrich/src/test/resources/" + set + "/labels.json");
  }
}
