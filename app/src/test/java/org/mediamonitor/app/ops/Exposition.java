package org.mediamonitor.app.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Prometheus text exposition (format 0.0.4 or OpenMetrics) read into series by name. */
final class Exposition {

  record Sample(String name, Map<String, String> labels, double value) {}

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)(\\s+\\S+)?$");
  private static final Pattern LABEL = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,?");
  private static final Pattern TYPE = Pattern.compile("^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (\\w+)$");
  private static final Set<String> HISTOGRAM_SUFFIXES = Set.of("_bucket", "_count", "_sum");

  private final Map<String, List<Sample>> byName = new LinkedHashMap<>();
  private final Map<String, String> types = new HashMap<>();

  Exposition(String text) {
    for (String line : text.split("\n")) {
      String l = line.strip();
      Matcher type = TYPE.matcher(l);
      if (type.matches()) {
        types.put(type.group(1), type.group(2));
        continue;
      }
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(l);
      if (!m.matches()) {
        throw new IllegalArgumentException("not a sample line: " + l);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(3) != null) {
        Matcher lm = LABEL.matcher(m.group(3));
        int end = 0;
        while (end < m.group(3).length() && lm.region(end, m.group(3).length()).lookingAt()) {
          labels.put(lm.group(1), lm.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
          end = lm.end();
        }
      }
      byName.computeIfAbsent(m.group(1), k -> new ArrayList<>())
          .add(new Sample(m.group(1), labels, parse(m.group(4))));
    }
  }

  private static double parse(String v) {
    return switch (v) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(v);
    };
  }

  /** The samples of one series name as a query names it ({@code foo_bucket}, {@code foo_total}, ...). */
  List<Sample> series(String name) {
    return byName.getOrDefault(name, List.of());
  }

  /**
   * The family a histogram's or summary's part belongs to ({@code foo} for {@code foo_bucket},
   * {@code foo_count}, {@code foo_sum}), with its declared type; null when the name is no such part.
   */
  String histogramFamilyType(String name) {
    for (String suffix : HISTOGRAM_SUFFIXES) {
      if (name.endsWith(suffix)) {
        String type = types.get(name.substring(0, name.length() - suffix.length()));
        if ("histogram".equals(type) || "summary".equals(type) && !suffix.equals("_bucket")) {
          return type;
        }
      }
    }
    return null;
  }

  boolean exposes(String name) {
    return !series(name).isEmpty();
  }

  Set<String> names() {
    return byName.keySet();
  }
}
