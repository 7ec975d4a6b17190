package org.mediamonitor.app.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.mediamonitor.common.Json;

/** The production-shape files of the repository: where they are, and the queries in them. */
final class OpsFiles {

  private static final Pattern YAML_KEY = Pattern.compile("^(\\s*(?:-\\s+)?)(expr|record):\\s*(.*)$");

  private OpsFiles() {}

  /** The repository root: the first directory upwards from the working directory with {@code ops/} and a pom. */
  static Path repoRoot() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("ops")) && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("no directory with ops/ and pom.xml above " + dir);
  }

  /** Every panel target's {@code expr}, keyed by "dashboard file / panel title / refId". */
  static Map<String, String> dashboardQueries(Path root) {
    Map<String, String> out = new LinkedHashMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(root.resolve("ops/grafana/dashboards"), "*.json")) {
      for (Path file : files) {
        collectTargets(Json.mapper().readTree(file.toFile()), file.getFileName().toString(), out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Panels nest in rows (and rows in panels), so every object with targets is a panel. */
  private static void collectTargets(JsonNode node, String where, Map<String, String> out) {
    if (node.isArray()) {
      node.forEach(n -> collectTargets(n, where, out));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    String here = node.has("title") ? where + " / " + node.get("title").asText() : where;
    JsonNode targets = node.get("targets");
    if (targets != null && targets.isArray()) {
      for (JsonNode t : targets) {
        if (t.hasNonNull("expr") && !t.get("expr").asText().isBlank()) {
          out.put(here + " / " + t.path("refId").asText("?"), t.get("expr").asText());
        }
      }
    }
    node.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("targets")) {
        collectTargets(e.getValue(), here, out);
      }
    });
  }

  /** The rule file's expressions keyed by "rules.yml line N", and the names its recording rules define. */
  record Rules(Map<String, String> expressions, Set<String> recorded) {}

  /**
   * A small reader for the two keys needed from a rule file: plain, quoted and block scalars,
   * continued on more-indented lines. Enough for Prometheus rule files, which are that simple.
   */
  static Rules rules(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> expressions = new LinkedHashMap<>();
    Set<String> recorded = new LinkedHashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = YAML_KEY.matcher(stripComment(lines.get(i)));
      if (!m.matches()) {
        continue;
      }
      int keyColumn = m.group(1).length(); // continuation lines sit to the right of the key
      String first = m.group(3).strip();
      List<String> more = new ArrayList<>();
      int j = i + 1;
      while (j < lines.size() && (lines.get(j).isBlank() || leading(lines.get(j)) > keyColumn)) {
        more.add(lines.get(j).strip());
        j++;
      }
      String value;
      if (first.startsWith("|") || first.startsWith(">")) {
        value = String.join(first.startsWith("|") ? "\n" : " ", more).strip();
      } else {
        value = unquote(String.join(" ", prepend(first, more)).strip());
      }
      if (m.group(2).equals("expr")) {
        expressions.put(file.getFileName() + " line " + (i + 1), value);
      } else {
        recorded.add(value);
      }
    }
    return new Rules(expressions, recorded);
  }

  private static List<String> prepend(String first, List<String> more) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(more);
    return all;
  }

  private static int leading(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  /** A comment starts at " #" outside quotes; PromQL has no '#', so this only drops YAML comments. */
  private static String stripComment(String line) {
    if (line.strip().startsWith("#")) {
      return "";
    }
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      } else if (quote == 0 && c == '#' && i > 0 && Character.isWhitespace(line.charAt(i - 1))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
      return v.substring(1, v.length() - 1).replace("''", "'");
    }
    return v;
  }
}
