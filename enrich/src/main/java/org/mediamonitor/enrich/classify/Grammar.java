package org.mediamonitor.enrich.classify;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Language-generic grammar in English, Russian and Kazakh: numbers written as digits or words,
 * amounts of tenge, dates and months, and the detection of the text's language. None of this is
 * vocabulary of the taxonomy, so it lives in code with precompiled patterns. All methods take text
 * already lower-cased by {@link TextIndex}.
 */
final class Grammar {

  private Grammar() {}

  // ---------------------------------------------------------------- numbers

  private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
      Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
      Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
      Map.entry("eleven", 11), Map.entry("twelve", 12),
      Map.entry("один", 1), Map.entry("одна", 1), Map.entry("одно", 1), Map.entry("два", 2), Map.entry("две", 2),
      Map.entry("двое", 2), Map.entry("три", 3), Map.entry("трое", 3), Map.entry("четыре", 4),
      Map.entry("четверо", 4), Map.entry("пять", 5), Map.entry("пятеро", 5), Map.entry("шесть", 6),
      Map.entry("шестеро", 6), Map.entry("семь", 7), Map.entry("семеро", 7), Map.entry("восемь", 8),
      Map.entry("девять", 9), Map.entry("десять", 10),
      Map.entry("бір", 1), Map.entry("екі", 2), Map.entry("үш", 3), Map.entry("төрт", 4), Map.entry("бес", 5),
      Map.entry("алты", 6), Map.entry("жеті", 7), Map.entry("сегіз", 8), Map.entry("тоғыз", 9),
      Map.entry("екеуі", 2), Map.entry("үшеуі", 3), Map.entry("төртеуі", 4),
      // the cases Russian puts counted persons in: "над двумя активистами", "троих администраторов"
      Map.entry("двух", 2), Map.entry("двум", 2), Map.entry("двумя", 2), Map.entry("двоих", 2),
      Map.entry("трех", 3), Map.entry("трёх", 3), Map.entry("трем", 3), Map.entry("трём", 3), Map.entry("тремя", 3),
      Map.entry("троих", 3), Map.entry("четырех", 4), Map.entry("четырёх", 4), Map.entry("четырьмя", 4),
      Map.entry("четверых", 4), Map.entry("пятерых", 5), Map.entry("шестерых", 6),
      Map.entry("пяти", 5), Map.entry("шести", 6), Map.entry("семи", 7), Map.entry("восьми", 8),
      Map.entry("девяти", 9), Map.entry("десяти", 10));

  /** First chars and lengths of the number words: most words are ruled out without a lookup. */
  private static final String NUMBER_WORD_FIRST = NUMBER_WORDS.keySet().stream()
      .map(w -> String.valueOf(w.charAt(0))).distinct().sorted().collect(Collectors.joining());
  private static final int SHORTEST_NUMBER_WORD = NUMBER_WORDS.keySet().stream().mapToInt(String::length).min().orElse(0);
  private static final int LONGEST_NUMBER_WORD = NUMBER_WORDS.keySet().stream().mapToInt(String::length).max().orElse(0);

  /**
   * False when chars [start, end) cannot be a word {@link #numberWord} gives a value for: not led
   * by a digit, and not of a number word's first letter and length.
   */
  static boolean mayBeNumber(char[] chars, int start, int end) {
    int len = end - start;
    if (len <= 0) {
      return false;
    }
    char c = chars[start];
    return isDigit(c) || len >= SHORTEST_NUMBER_WORD && len <= LONGEST_NUMBER_WORD && NUMBER_WORD_FIRST.indexOf(c) >= 0;
  }

  /** The value of a word that is a small number (digits or a number word), or null. */
  static Integer numberWord(String word) {
    if (word.isEmpty()) {
      return null;
    }
    if (Character.isDigit(word.charAt(0))) {
      if (word.length() > 6) {
        return null;
      }
      for (int i = 0; i < word.length(); i++) {
        if (!Character.isDigit(word.charAt(i))) {
          return null;
        }
      }
      return Integer.parseInt(word);
    }
    return NUMBER_WORDS.get(word);
  }

  // ---------------------------------------------------------------- amounts

  /** An amount of money found in text. */
  record Amount(int start, int end, long kzt) {}

  private static final Pattern CHUNK = Pattern.compile(
      "(\\d{1,3}(?:[ ,\\u00a0]\\d{3})+(?!\\d)|\\d+)(?:[.,](\\d+))?"
          + "(?:\\s*(billions?|bn|млрд\\.?|миллиард\\p{L}*|milliards?|millions?|mln\\.?|млн\\.?|миллион\\p{L}*"
          + "|thousands?|тысяч\\p{L}*|тыс\\.?|мың))?");
  // Kazakh inflects the currency: "35 миллион теңгені құрады", "теңгеге", "теңгеден"
  private static final Pattern CURRENCY_AFTER = Pattern.compile(
      "\\s*(?:of\\s+)?(?:tenge|тенге|теңге\\p{L}*|тг\\.?|kzt|₸)(?!\\p{L})");
  private static final Pattern CURRENCY_BEFORE = Pattern.compile("(?:kzt|₸)\\s*$");
  private static final Pattern JOINER = Pattern.compile("\\s*(?:and|и|және|,)?\\s*");

  /** Amounts in tenge within [from, to) of a lower-cased text. */
  static List<Amount> amounts(String lower, int from, int to) {
    List<Amount> out = new ArrayList<>();
    Matcher m = CHUNK.matcher(lower).region(from, to);
    List<long[]> group = new ArrayList<>();
    int groupStart = -1;
    int groupEnd = -1;
    boolean lastHadMultiplier = true;
    while (m.find()) {
      if (m.group(1) == null) {
        continue;
      }
      long mult = multiplier(m.group(3));
      boolean joins = groupEnd >= 0 && lastHadMultiplier && mult > 0
          && JOINER.matcher(lower).region(groupEnd, m.start()).matches()
          && (group.isEmpty() || mult < group.get(group.size() - 1)[1]);
      if (!joins && groupEnd >= 0) {
        flush(lower, group, groupStart, groupEnd, to, out);
        group.clear();
      }
      if (group.isEmpty()) {
        groupStart = m.start();
      }
      double v = parseNumber(m.group(1), m.group(2));
      group.add(new long[] {Math.round(v * (mult > 0 ? mult : 1)), mult});
      groupEnd = m.end();
      lastHadMultiplier = mult > 0;
    }
    if (!group.isEmpty()) {
      flush(lower, group, groupStart, groupEnd, to, out);
    }
    return out;
  }

  private static void flush(String lower, List<long[]> group, int start, int end, int to, List<Amount> out) {
    Matcher after = CURRENCY_AFTER.matcher(lower).region(end, Math.min(to, end + 12));
    boolean currency = after.lookingAt();
    int realEnd = currency ? after.end() : end;
    if (!currency) {
      int s = Math.max(0, start - 5);
      currency = CURRENCY_BEFORE.matcher(lower.substring(s, start)).find();
    }
    if (!currency) {
      return;
    }
    long sum = 0;
    for (long[] g : group) {
      sum += g[0];
    }
    out.add(new Amount(start, realEnd, sum));
  }

  private static double parseNumber(String intPart, String fraction) {
    StringBuilder digits = new StringBuilder(intPart.length());
    for (int i = 0; i < intPart.length(); i++) {
      if (Character.isDigit(intPart.charAt(i))) {
        digits.append(intPart.charAt(i));
      }
    }
    double v = Double.parseDouble(digits.toString());
    if (fraction != null) {
      v += Double.parseDouble("0." + fraction);
    }
    return v;
  }

  private static long multiplier(String word) {
    if (word == null) {
      return 0;
    }
    if (word.startsWith("b") || word.startsWith("млрд") || word.startsWith("миллиард") || word.startsWith("milliard")) {
      return 1_000_000_000L;
    }
    if (word.startsWith("m") || word.startsWith("млн") || word.startsWith("миллион")) {
      return 1_000_000L;
    }
    return 1_000L;
  }

  // ---------------------------------------------------------------- dates

  /** A date in text; year is 0 when the text does not state it. */
  record DateMention(int start, int end, int year, int month, int day) {

    /** The date, its missing year taken from the reference date (the previous year if it would lie ahead). */
    LocalDate resolve(LocalDate reference) {
      try {
        if (year > 0) {
          return LocalDate.of(year, month, day);
        }
        if (reference == null) {
          return null;
        }
        LocalDate d = LocalDate.of(reference.getYear(), month, day);
        return d.isAfter(reference.plusDays(31)) ? d.minusYears(1) : d;
      } catch (DateTimeException e) {
        return null;
      }
    }
  }

  private static final String EN_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
      + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
  private static final String RU_MONTHS_GEN = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря";
  private static final String RU_MONTHS_NOM = "январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь";
  private static final String KK_MONTHS = "қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан";
  private static final String ANY_MONTH = EN_MONTHS + "|" + RU_MONTHS_GEN + "|" + RU_MONTHS_NOM + "|" + KK_MONTHS;

  private static final String MONTH_STEMS = "(?:" + EN_MONTHS + ")(?![\\p{L}])|(?:январ|феврал|март|апрел|ма[йея]|июн|июл|август"
      + "|сентябр|октябр|ноябр|декабр|" + KK_MONTHS + ")\\p{L}*";
  private static final Pattern IN_MONTH = Pattern.compile(
      "(?<![\\p{L}])(?:in|during|в|во)\\s+(" + MONTH_STEMS + ")");
  private static final Pattern YEAR = Pattern.compile("(?<![\\d.,])(19[9]\\d|20[0-4]\\d)(?![\\d])");

  /** Dates within [from, to) of a lower-cased text, in order. */
  private static final Pattern AFTER_DAY = Pattern.compile(
      "(?:st|nd|rd|th)?(?![\\d])(?:\\s*,?\\s*(\\d{4})(?!\\d))?");
  private static final Pattern DAY_THEN_MONTH = Pattern.compile(
      "(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(\\p{L}+)(?:\\s*,?\\s*(\\d{4})(?!\\d))?");
  private static final Pattern KK_YEAR_FIRST = Pattern.compile("(\\d{4})\\s+жыл\\p{L}*\\s+(\\d{1,2})\\s+(\\p{L}+)");
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
  private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?!\\d)");
  private static final java.util.Set<String> EN_MONTH_WORDS = java.util.Set.of(EN_MONTHS.split("\\|"));

  /**
   * Dates within [from, to) of a lower-cased text, in order: "August 24", "24 August 2021",
   * "24 августа", "24 тамызда", "2021 жылғы 24 тамызда", "Ноябрь, 03", "2024-07-24", "24.07.2024".
   * Every date has digits, so each form is tried only at the start of a run of digits.
   */
  static List<DateMention> dates(String lower, int from, int to) {
    List<DateMention> out = new ArrayList<>();
    // made at the first run of digits: most sentences have none
    DateMatchers m = null;
    // The character scan and the matching at a number are separate methods so that the JIT
    // compiles (and OSR-compiles) small units instead of one method with every regex inlined.
    int s = numberStart(lower, from, to);
    while (s < to) {
      int e = s;
      while (e < to && isDigit(lower.charAt(e))) {
        e++;
      }
      if (m == null) {
        m = new DateMatchers(lower);
      }
      dateAt(lower, from, to, s, e, m, out);
      s = numberStart(lower, e, to);
    }
    return out;
  }

  /** The matchers of {@link #dates}, over one text. */
  private static final class DateMatchers {
    final Matcher dayMonth;
    final Matcher afterDay;
    final Matcher kk;
    final Matcher iso;
    final Matcher dotted;

    DateMatchers(String lower) {
      dayMonth = DAY_THEN_MONTH.matcher(lower);
      afterDay = AFTER_DAY.matcher(lower);
      kk = KK_YEAR_FIRST.matcher(lower);
      iso = ISO.matcher(lower);
      dotted = DOTTED.matcher(lower);
    }
  }

  /**
   * The first position in [i, to) where a number starts: a digit not preceded by a letter, a digit
   * or a decimal point after a digit; {@code to} if none.
   */
  private static int numberStart(String lower, int i, int to) {
    while (i < to) {
      if (!isDigit(lower.charAt(i)) || i > 0 && (Character.isLetterOrDigit(lower.charAt(i - 1))
          || lower.charAt(i - 1) == '.' && i > 1 && isDigit(lower.charAt(i - 2)))) {
        i++;
        continue;
      }
      return i;
    }
    return i;
  }

  /** Adds the date that the number at [s, e) belongs to, if any. */
  private static void dateAt(String lower, int from, int to, int s, int e, DateMatchers m, List<DateMention> out) {
    int digits = e - s;
    if (digits == 4 && lookingAt(m.iso, s, to)) {
      add(out, s, m.iso.end(), m.iso.group(1), Integer.parseInt(m.iso.group(2)), m.iso.group(3));
    } else if (digits == 4 && lookingAt(m.kk, s, to) && month(m.kk.group(3)) > 0 && !isLatin(m.kk.group(3))) {
      add(out, s, m.kk.end(), m.kk.group(1), month(m.kk.group(3)), m.kk.group(2));
    } else if (digits <= 2 && lookingAt(m.dotted, s, to)) {
      add(out, s, m.dotted.end(), m.dotted.group(3), Integer.parseInt(m.dotted.group(2)), m.dotted.group(1));
    } else if (digits <= 2) {
      int ws = previousWordStart(lower, s, from);
      String prev = ws < 0 ? "" : lower.substring(ws, wordEnd(lower, ws));
      int pm = monthWord(prev);
      boolean nominative = pm > 0 && !isLatin(prev) && lower.substring(wordEnd(lower, ws), s).contains(",");
      if (pm > 0 && (isLatin(prev) || nominative) && lookingAt(m.afterDay, e, to)) {
        add(out, ws, m.afterDay.end(), nominative ? null : m.afterDay.group(1), pm, lower.substring(s, e));
      } else if (lookingAt(m.dayMonth, s, to) && monthWord(m.dayMonth.group(2)) > 0) {
        add(out, s, m.dayMonth.end(), m.dayMonth.group(3), monthWord(m.dayMonth.group(2)), m.dayMonth.group(1));
      }
    }
  }

  private static boolean lookingAt(Matcher m, int from, int to) {
    m.region(from, to);
    return m.lookingAt();
  }

  private static boolean isLatin(String w) {
    return !w.isEmpty() && w.charAt(0) < 128;
  }

  /** Start of the word before position pos (over spaces, commas and dots), or -1. */
  private static int previousWordStart(String lower, int pos, int from) {
    int k = pos - 1;
    while (k >= from && (Character.isWhitespace(lower.charAt(k)) || lower.charAt(k) == ',' || lower.charAt(k) == '.')) {
      k--;
    }
    if (k < from || !Character.isLetter(lower.charAt(k))) {
      return -1;
    }
    while (k > from && Character.isLetter(lower.charAt(k - 1))) {
      k--;
    }
    return k;
  }

  private static int wordEnd(String lower, int start) {
    int k = start;
    while (k < lower.length() && Character.isLetter(lower.charAt(k))) {
      k++;
    }
    return k;
  }

  /** Month number of a month word: English names and abbreviations exactly, Russian and Kazakh by stem. */
  static int monthWord(String w) {
    if (w.isEmpty()) {
      return 0;
    }
    if (isLatin(w)) {
      return EN_MONTH_WORDS.contains(w) ? month(w) : 0;
    }
    if (w.startsWith("ма") && !(w.equals("май") || w.equals("мая") || w.equals("мае") || w.startsWith("мамыр")
        || w.startsWith("март") || w.startsWith("маусым"))) {
      return 0;
    }
    return month(w);
  }

  private static void add(List<DateMention> out, int start, int end, String year, int month, String day) {
    int d = Integer.parseInt(day);
    if (month < 1 || month > 12 || d < 1 || d > 31) {
      return;
    }
    out.add(new DateMention(start, end, year == null ? 0 : Integer.parseInt(year), month, d));
  }

  /** The first "month year" expression within [from, to), or null. */
  static YearMonth monthYear(String lower, int from, int to) {
    for (int i = from; i + 4 <= to; i++) {
      if (!isDigit(lower.charAt(i)) || i > 0 && Character.isLetterOrDigit(lower.charAt(i - 1))) {
        continue;
      }
      if (!isDigit(lower.charAt(i + 1)) || !isDigit(lower.charAt(i + 2))
          || !isDigit(lower.charAt(i + 3)) || i + 4 < lower.length() && isDigit(lower.charAt(i + 4))) {
        continue;
      }
      int ws = previousWordStart(lower, i, from);
      if (ws >= 0) {
        int mo = monthWord(lower.substring(ws, wordEnd(lower, ws)));
        if (mo > 0) {
          return YearMonth.of(Integer.parseInt(lower.substring(i, i + 4)), mo);
        }
      }
    }
    return null;
  }

  /**
   * {@link #monthYear(String, int, int)} on the text as chars (TextIndex's lower-cased chars): the
   * scan for four digits needs no string of the text.
   */
  static YearMonth monthYear(char[] lower, int from, int to) {
    for (int i = from; i + 4 <= to; i++) {
      if (!isDigit(lower[i]) || i > 0 && Character.isLetterOrDigit(lower[i - 1])) {
        continue;
      }
      if (!isDigit(lower[i + 1]) || !isDigit(lower[i + 2]) || !isDigit(lower[i + 3])
          || i + 4 < lower.length && isDigit(lower[i + 4])) {
        continue;
      }
      int ws = previousWordStart(lower, i, from);
      if (ws >= 0) {
        int mo = monthWord(new String(lower, ws, wordEnd(lower, ws) - ws));
        if (mo > 0) {
          return YearMonth.of(Integer.parseInt(new String(lower, i, 4)), mo);
        }
      }
    }
    return null;
  }

  /** {@link #previousWordStart(String, int, int)} on chars. */
  private static int previousWordStart(char[] lower, int pos, int from) {
    int k = pos - 1;
    while (k >= from && (Character.isWhitespace(lower[k]) || lower[k] == ',' || lower[k] == '.')) {
      k--;
    }
    if (k < from || !Character.isLetter(lower[k])) {
      return -1;
    }
    while (k > from && Character.isLetter(lower[k - 1])) {
      k--;
    }
    return k;
  }

  /** {@link #wordEnd(String, int)} on chars. */
  private static int wordEnd(char[] lower, int start) {
    int k = start;
    while (k < lower.length && Character.isLetter(lower[k])) {
      k++;
    }
    return k;
  }

  /** Whether [from, to) names a month (with or without year), e.g. "in August 2021", "в сентябре". */
  static boolean namesMonth(String lower, int from, int to) {
    return monthYear(lower, from, to) != null || IN_MONTH.matcher(lower).region(from, to).find();
  }

  private static final Pattern URL_YEAR_MONTH = Pattern.compile(
      "(?<![0-9])((?:19|20)[0-9]{2})[/_-](0[1-9]|1[0-2])(?:[/_-](0[1-9]|[12][0-9]|3[01]))?(?![0-9])");
  private static final Pattern URL_MONTH_YEAR = Pattern.compile(
      "(january|february|march|april|may|june|july|august|september|october|november|december)[/_-]"
      + "((?:19|20)[0-9]{2})(?![0-9])");
  private static final Pattern URL_YEAR = Pattern.compile("[/_-]((?:19|20)[0-9]{2})[/_-]");

  /**
   * The date a page's address gives ("/2024/04/", "mon2019-08", "...-july-2024.html", "/2023-report"):
   * the day when it has one, else the month's last day, else the year's middle; null when it gives
   * none, or a year before 1991 or after {@code latest}.
   */
  static java.time.LocalDate dateInUrl(String url, int latest) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.toLowerCase(java.util.Locale.ROOT);
    Matcher m = URL_YEAR_MONTH.matcher(u);
    if (m.find() && plausibleYear(m.group(1), latest)) {
      java.time.YearMonth ym = java.time.YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      return m.group(3) != null ? ym.atDay(Math.min(Integer.parseInt(m.group(3)), ym.lengthOfMonth())) : ym.atEndOfMonth();
    }
    m = URL_MONTH_YEAR.matcher(u);
    if (m.find() && plausibleYear(m.group(2), latest)) {
      return java.time.YearMonth.of(Integer.parseInt(m.group(2)), java.time.Month.valueOf(m.group(1)
          .toUpperCase(java.util.Locale.ROOT))).atEndOfMonth();
    }
    m = URL_YEAR.matcher(u);
    if (m.find() && plausibleYear(m.group(1), latest)) {
      return java.time.LocalDate.of(Integer.parseInt(m.group(1)), 6, 30);
    }
    return null;
  }

  private static boolean plausibleYear(String year, int latest) {
    int y = Integer.parseInt(year);
    return y >= 1991 && y <= latest;
  }

  /** The latest plausible year written in [from, to), or 0. */
  static int latestYear(String lower, int from, int to) {
    Matcher m = YEAR.matcher(lower).region(from, to);
    int best = 0;
    while (m.find()) {
      best = Math.max(best, Integer.parseInt(m.group(1)));
    }
    return best;
  }

  private static final String[][] MONTH_STEMS_BY_NUMBER = {
      {"jan", "январ", "қаңтар"}, {"feb", "феврал", "ақпан"}, {"mar", "март", "наурыз"}, {"apr", "апрел", "сәуір"},
      {"may", "ма", "мамыр"}, {"jun", "июн", "маусым"}, {"jul", "июл", "шілде"}, {"aug", "август", "тамыз"},
      {"sep", "сентябр", "қыркүйек"}, {"oct", "октябр", "қазан"}, {"nov", "ноябр", "қараша"}, {"dec", "декабр", "желтоқсан"}};

  /** Kazakh month names, January first. */
  static final String[] MONTH_KK = java.util.Arrays.stream(MONTH_STEMS_BY_NUMBER).map(m -> m[2]).toArray(String[]::new);

  private static final Pattern MONTH_NAME = Pattern.compile("(?:january|february|march|april|may|june|july|august"
      + "|september|october|november|december|(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)(?:ь|я|е|ю|ём)"
      + "|(?:март|август)(?:а|е|у|ом)?|ма(?:й|я|е|ю|ем)|(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек"
      + "|қазан|қараша|желтоқсан)\\p{L}*)");

  /**
   * Month number of a whole month name in any of its forms ("March", "марте", "наурызда"), or 0: unlike
   * {@link #month}, which reads a word already known to be a month, it does not take "Marat" for March.
   */
  static int monthName(String w) {
    String s = w.toLowerCase(java.util.Locale.ROOT);
    int m = month(s); // a prefix test first: most words are no month, and need no regex
    return m > 0 && MONTH_NAME.matcher(s).matches() ? m : 0;
  }

  /** Month number of an English, Russian or Kazakh month name or stem, or 0. */
  static int month(String w) {
    String s = w.toLowerCase(java.util.Locale.ROOT);
    String[][] stems = MONTH_STEMS_BY_NUMBER;
    // "мамыр" and "март" start like "ма": test the longer stems first.
    if (s.startsWith("мамыр")) {
      return 5;
    }
    if (s.startsWith("март")) {
      return 3;
    }
    if (s.startsWith("маусым")) {
      return 6;
    }
    for (int i = 0; i < stems.length; i++) {
      for (String stem : stems[i]) {
        if (s.startsWith(stem)) {
          return i + 1;
        }
      }
    }
    return 0;
  }

  // ---------------------------------------------------------------- language

  /** Letters only Kazakh uses among Cyrillic alphabets. */
  static boolean isKazakhLetter(char c) {
    switch (c) {
      case 'ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і', 'Ә', 'Ғ', 'Қ', 'Ң', 'Ө', 'Ұ', 'Ү', 'Һ', 'І':
        return true;
      default:
        return false;
    }
  }

  /** Character.isDigit of every char, computed once: texts are scanned for digits char by char. */
  private static final boolean[] DIGIT = new boolean[1 << 16];

  static {
    for (int c = 0; c < DIGIT.length; c++) {
      DIGIT[c] = Character.isDigit((char) c);
    }
  }

  /** Character.isDigit, by table. */
  static boolean isDigit(char c) {
    return DIGIT[c];
  }

  /** Counts of Latin, Cyrillic and Kazakh-specific letters. */
  record LetterCounts(int latin, int cyrillic, int kazakh) {

    String language() {
      if (cyrillic > latin) {
        // Kazakh texts have several Kazakh-only letters per hundred; Russian ones almost none.
        return kazakh >= 3 && kazakh * 1000 >= cyrillic * 35 ? "kk" : "ru";
      }
      if (kazakh >= 20 && kazakh * 100 >= (cyrillic + latin) * 2) {
        return "kk";
      }
      return "en";
    }
  }
}
