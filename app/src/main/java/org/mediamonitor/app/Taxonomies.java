package org.mediamonitor.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mediamonitor.enrich.classify.Taxonomy;

/** The taxonomy an offline command uses: a file given on the command line, else the bundled one. */
final class Taxonomies {

  private Taxonomies() {}

  static Taxonomy load(Path file) throws IOException {
    return file == null ? Taxonomy.bundled() : Taxonomy.parse(Files.readString(file, StandardCharsets.UTF_8));
  }
}
