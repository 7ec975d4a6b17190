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

  /** The second invented corpus of this module, written without looking at the classifier. */
  static Path blindLabels() {
    return repositoryRoot().resolve("enrich/src/test/resources/blind/labels.json");
  }

  /** The third invented corpus of this module, also written without looking at the classifier. */
  static Path blind2Labels() {
    return repositoryRoot().resolve("enrich/src/test/resources/blind2/labels.json");
  }

  /** The fourth invented corpus of this module, also written without looking at the classifier. */
  static Path blind3Labels() {
    return repositoryRoot().resolve("enrich/src/test/resources/blind3/labels.json");
  }

  /** The fifth invented corpus of this module, also written without looking at the classifier. */
  static Path blind4Labels() {
    return repositoryRoot().resolve("enrich/src/test/resources/blind4/labels.json");
  }

  /** The sixth invented corpus of this module, also written without looking at the classifier. */
  static Path blind5Labels() {
    return repositoryRoot().resolve("enrich/src/test/resources/blind5/labels.json");
  }

  /** The seventh invented corpus of this module, also written without looking at the classifier. */
  static Path blind6Labels() {
    return repositoryRoot().resolve("enrich/src/test/resources/blind6/labels.json");
  }
}
