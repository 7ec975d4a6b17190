package org.mediamonitor.app.ops;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL to find what an expression reads: the metric names it selects, the label
 * matchers on each, and the labels it groups or matches by. Not a parser: it strips what cannot be
 * a metric name (strings, ranges, grouping clauses, function calls, keywords, numbers, offsets)
 * and keeps the identifiers left.
 */
final class PromQl {

  /** One metric selector: {@code name{label op "value", ...}}. */
  record Selector(String metric, List<LabelMatcher> matchers) {}

  /** One label matcher; {@code op} is one of {@code = != =~ !~}. */
  record LabelMatcher(String label, String op, String value) {}

  /** What an expression reads; {@code groupingLabels} are those of by, on and group_left/right clauses. */
  record Reads(List<Selector> selectors, Set<String> groupingLabels) {
    Set<String> metrics() {
      Set<String> out = new LinkedHashSet<>();
      selectors.forEach(s -> out.add(s.metric()));
      return out;
    }
  }

  private static final String QUOTED = "\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`";
  private static final Pattern STRING = Pattern.compile(QUOTED);
  private static final Pattern PLACEHOLDER = Pattern.compile("\u0000(\\d+)\u0000");
  private static final Pattern MATCHER = Pattern.compile(
      "\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(" + QUOTED + ")\\s*,?\\s*");
  /** by/without of an aggregation (before or after its argument), and the vector-matching clauses. */
  private static final Pattern GROUPING = Pattern.compile(
      "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
  private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+-?[0-9a-zA-Z]+", Pattern.CASE_INSENSITIVE);
  private static final Pattern AT = Pattern.compile("@\\s*(start\\s*\\(\\s*\\)|end\\s*\\(\\s*\\)|[0-9.]+)");
  /** An identifier not glued to a number (1e3, 0x1f, 2.5), then its matcher block or a call's parenthesis. */
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{[^}]*\\}|\\()?");
  /** A matcher block with what precedes it on the line, to tell a named selector from a bare one. */
  private static final Pattern BLOCK = Pattern.compile("([^{}]*?)\\s*(\\{[^}]*\\})");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "by", "without", "on",
      "ignoring", "group_left", "group_right", "offset", "inf", "nan");

  private PromQl() {}

  static Reads reads(String expr) {
    // strings out first, so nothing inside a label value reads as a name; blocks get them back
    List<String> strings = new ArrayList<>();
    String s = replace(STRING.matcher(expr), m -> {
      strings.add(m.group());
      return "\u0000" + (strings.size() - 1) + "\u0000";
    });
    Set<String> grouping = new LinkedHashSet<>();
    s = replace(GROUPING.matcher(s), m -> {
      // without/ignoring name labels to drop, which need not exist; by/on/group_* need them
      String clause = m.group(1).toLowerCase(Locale.ROOT);
      if (!clause.equals("without") && !clause.equals("ignoring")) {
        for (String label : m.group(2).split(",")) {
          if (!label.isBlank()) {
            grouping.add(label.trim());
          }
        }
      }
      return " ";
    });
    s = RANGE.matcher(s).replaceAll(" ");
    s = OFFSET.matcher(s).replaceAll(" ");
    s = AT.matcher(s).replaceAll(" ");

    List<Selector> selectors = new ArrayList<>();
    // a selector without a name in front, {__name__="x", ...}: read it, then blank it out so its
    // label names are not taken for metric names
    s = replace(BLOCK.matcher(s), m -> {
      String before = m.group(1);
      if (!before.isEmpty() && isNameChar(before.charAt(before.length() - 1))) {
        return m.group();
      }
      List<LabelMatcher> matchers = matchers(m.group(2), strings);
      matchers.stream().filter(x -> x.label().equals("__name__") && x.op().equals("="))
          .findFirst().ifPresent(x -> selectors.add(new Selector(x.value(), matchers)));
      return before + " ";
    });
    Matcher m = IDENTIFIER.matcher(s);
    while (m.find()) {
      String name = m.group(1);
      String after = m.group(2);
      if ("(".equals(after) || KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
        continue; // a function, an aggregation operator or a keyword
      }
      selectors.add(new Selector(name, after == null ? List.of() : matchers(after, strings)));
    }
    return new Reads(selectors, grouping);
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == ':';
  }

  private static List<LabelMatcher> matchers(String block, List<String> strings) {
    String inner = replace(PLACEHOLDER.matcher(block.substring(1, block.length() - 1)),
        p -> strings.get(Integer.parseInt(p.group(1))));
    List<LabelMatcher> out = new ArrayList<>();
    Matcher mm = MATCHER.matcher(inner);
    int end = 0;
    while (end < inner.length() && mm.region(end, inner.length()).lookingAt()) {
      out.add(new LabelMatcher(mm.group(1), mm.group(2), unquote(mm.group(3))));
      end = mm.end();
    }
    if (!inner.substring(end).isBlank()) {
      throw new IllegalArgumentException("cannot read the label matchers " + block);
    }
    return out;
  }

  private static String unquote(String quoted) {
    String body = quoted.substring(1, quoted.length() - 1);
    return quoted.charAt(0) == '`' ? body : body.replaceAll("\\\\(.)", "$1");
  }

  private static String replace(Matcher m, Function<Matcher, String> with) {
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
