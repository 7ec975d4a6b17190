package org.mediamonitor.enrich.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of article citations in English, Russian and Kazakh: "part 2 of Article 174",
 * "Articles 174 and 274", "ч. 1 ст. 274", "статьи 73-3", "488-й статьи", "274-бабының 2-бөлігі".
 * Which code an article belongs to is decided by the caller from the code names the taxonomy
 * defines, found near the citation.
 */
final class Citations {

  private Citations() {}

  /** Article numbers cited at [start, end) of the text. */
  record Citation(int start, int end, List<String> articles) {}

  private static final String NUM = "\\d{1,4}(?:-\\d{1,2})?";
  private static final String LIST_EN = NUM + "(?:\\s*(?:,|and|&|or)\\s*" + NUM + ")*";
  private static final String LIST_RU = NUM + "(?:\\s*(?:,|и|или)\\s*" + NUM + ")*";

  // Each pattern is tried only where its marker word occurs, so that a long text is not scanned
  // by every pattern at every position.
  private static final Pattern EN = Pattern.compile(
      "(?:articles?|arts?\\.)\\s*(" + LIST_EN + ")(?![\\d])");
  private static final Pattern RU = Pattern.compile(
      "(?:ст\\.|стать\\p{L}*|статей)\\s*(" + LIST_RU + ")(?![\\d])");
  private static final Pattern NUMBER_FIRST = Pattern.compile(
      "(?<![\\d-])(" + NUM + ")(?:-?(?:й|я|ой|ей|ая|ую))?\\s*-?\\s*(?:стать|баб|бап)");
  private static final Pattern LIST_SPLIT = Pattern.compile("\\s*(?:,|and|&|or|и|или)\\s*");

  /** Every citation in [from, to) of a lower-cased text, in order. */
  static List<Citation> find(String lower, int from, int to) {
    List<Citation> out = new ArrayList<>();
    markerFirst(lower, from, to, "art", EN, out);
    markerFirst(lower, from, to, "ст", RU, out);
    numberFirst(lower, from, to, "стать", out);
    numberFirst(lower, from, to, "баб", out);
    numberFirst(lower, from, to, "бап", out);
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    List<Citation> clean = new ArrayList<>();
    int lastEnd = -1;
    for (Citation c : out) {
      if (c.start() >= lastEnd) {
        clean.add(c);
        lastEnd = c.end();
      }
    }
    return clean;
  }

  /** "Article 274", "ст. 274": the marker word starts a word and the number follows. */
  private static void markerFirst(String lower, int from, int to, String marker, Pattern p, List<Citation> out) {
    Matcher m = p.matcher(lower);
    for (int i = lower.indexOf(marker, from); i >= 0 && i < to; i = lower.indexOf(marker, i + 1)) {
      if (i > 0 && Character.isLetter(lower.charAt(i - 1))) {
        continue;
      }
      m.region(i, to);
      if (m.lookingAt()) {
        add(m, out);
      }
    }
  }

  /** "488-й статьи", "274-бабы": the number comes just before the marker word. */
  private static void numberFirst(String lower, int from, int to, String marker, List<Citation> out) {
    Matcher m = NUMBER_FIRST.matcher(lower);
    for (int i = lower.indexOf(marker, from); i >= 0 && i < to; i = lower.indexOf(marker, i + 1)) {
      m.region(Math.max(from, i - 18), Math.min(to, i + marker.length()));
      while (m.find()) {
        if (m.end() == i + marker.length() && !afterPartWord(lower, m.start(1))) {
          add(m, out);
        }
      }
    }
  }

  /** "часть 1 статьи 174", "ч. 2 ст. 274": the number just before the marker is a part, not an article. */
  private static boolean afterPartWord(String lower, int numberStart) {
    String before = lower.substring(Math.max(0, numberStart - 8), numberStart).stripTrailing();
    return before.endsWith("часть") || before.endsWith("части") || before.endsWith("частью") || before.endsWith("ч.")
        || before.endsWith("пункт") || before.endsWith("п.") || before.endsWith("part");
  }

  private static void add(Matcher m, List<Citation> out) {
    List<String> articles = new ArrayList<>();
    for (String a : LIST_SPLIT.split(m.group(1).trim())) {
      if (!a.isEmpty()) {
        articles.add(a);
      }
    }
    if (!articles.isEmpty()) {
      out.add(new Citation(m.start(), m.end(), List.copyOf(articles)));
    }
  }
}
