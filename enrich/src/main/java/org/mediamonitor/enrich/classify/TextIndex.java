package org.mediamonitor.enrich.classify;

import java.util.Arrays;
import java.util.Set;

/**
 * A body of text prepared once for matching: a lower-cased copy of the same length (so offsets
 * stay those of the original), word tokens, sentence and line boundaries.
 */
final class TextIndex {

  /** Words after which a full stop does not end a sentence (abbreviations in citations, initials). */
  private static final Set<String> ABBREVIATIONS = Set.of("ст", "ч", "п", "пп", "art", "arts", "no", "nos", "г", "гг",
      "т", "им", "ул", "mr", "mrs", "ms", "dr", "st", "zh", "para", "p", "pt", "vs", "etc", "обл", "р", "тыс", "млн",
      "млрд", "mln", "bn", "тг", "kzt", "т.е", "др", "пр", "қ", "б", "ж", "жж", "gen", "col", "jr", "sr", "inc", "ltd");

  final String text;
  /** Letters by alphabet, for telling the language. */
  final Grammar.LetterCounts letters;
  final char[] lower;
  final String lowerText;
  final int[] tokStart;
  final int[] tokEnd;
  final int tokens;
  /** Line number of each token, so that patterns do not cross lines. */
  final int[] tokLine;
  /** Sentence start offsets, ascending; sentence i spans sentStart[i]..sentStart[i+1]. */
  int[] sentStart;
  int sentences;

  TextIndex(String text) {
    this.text = text;
    int n = text.length();
    lower = new char[n];
    int[] byClass = new int[4];
    text.getChars(0, n, lower, 0);
    for (int i = 0; i < n; i++) {
      char c = lower[i];
      lower[i] = NORMALIZED[c];
      byClass[LETTER_CLASS[c]]++;
    }
    letters = new Grammar.LetterCounts(byClass[1], byClass[2] + byClass[3], byClass[3]);
    lowerText = new String(lower);
    int[] ts = new int[Math.max(16, n / 4)];
    int[] te = new int[ts.length];
    int count = 0;
    int[] tl = new int[ts.length];
    int line = 0;
    int i = 0;
    while (i < n) {
      if (lower[i] == '\n') {
        line++;
      }
      if (isWordChar(lower[i])) {
        int s = i;
        while (i < n && isWordChar(lower[i])) {
          i++;
        }
        if (count == ts.length) {
          ts = Arrays.copyOf(ts, count * 2);
          te = Arrays.copyOf(te, count * 2);
          tl = Arrays.copyOf(tl, count * 2);
        }
        tl[count] = line;
        ts[count] = s;
        te[count] = i;
        count++;
      } else {
        i++;
      }
    }
    tokStart = ts;
    tokEnd = te;
    tokLine = tl;
    tokens = count;
    int[] ss = new int[16];
    int sc = 0;
    ss[sc++] = 0;
    char[] low = lower;
    for (int k = 0; k < n; k++) {
      char c = low[k];
      int boundary = -1;
      if (c == '\n') {
        boundary = k + 1;
      } else if ((c == '.' || c == '!' || c == '?') && endsSentence(k)) {
        boundary = k + 1;
      }
      if (boundary > 0 && boundary < n && boundary > ss[sc - 1]) {
        if (sc == ss.length) {
          ss = Arrays.copyOf(ss, sc * 2);
        }
        ss[sc++] = boundary;
      }
    }
    sentStart = Arrays.copyOf(ss, sc);
    sentences = sc;
  }

  /** normalize() and isWordChar() of every char, computed once: the text loop is then table lookups. */
  private static final char[] NORMALIZED = new char[1 << 16];
  private static final boolean[] WORD_CHAR = new boolean[1 << 16];
  /** 1 Latin letter, 2 Cyrillic letter, 3 Kazakh-only Cyrillic letter, 0 anything else. */
  private static final byte[] LETTER_CLASS = new byte[1 << 16];

  static {
    for (int c = 0; c < NORMALIZED.length; c++) {
      NORMALIZED[c] = normalizeSlow((char) c);
      WORD_CHAR[c] = Character.isLetterOrDigit((char) c);
      char ch = (char) c;
      LETTER_CLASS[c] = (byte) (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' ? 1
          : Grammar.isKazakhLetter(ch) ? 3 : ch >= '\u0400' && ch <= '\u04FF' ? 2 : 0);
    }
  }

  /** Lower case, with ё as е, typographic apostrophes as ', no-break space as space, dashes as -. */
  static char normalize(char c) {
    return NORMALIZED[c];
  }

  private static char normalizeSlow(char c) {
    char l = Character.toLowerCase(c);
    switch (l) {
      case 'ё':
        return 'е';
      case '\u2019':
      case '\u2018':
      case '`':
        return '\'';
      case '\u00a0':
        return ' ';
      case '\u2010':
      case '\u2011':
      case '\u2012':
      case '\u2013':
        return '-';
      default:
        return l;
    }
  }

  static boolean isWordChar(char c) {
    return WORD_CHAR[c];
  }

  private boolean endsSentence(int k) {
    int n = text.length();
    int j = k + 1;
    // Closing quotes or brackets may follow the stop.
    while (j < n && "\"»”)'".indexOf(text.charAt(j)) >= 0) {
      j++;
    }
    if (j >= n) {
      return false;
    }
    if (!Character.isWhitespace(text.charAt(j))) {
      return false;
    }
    while (j < n && Character.isWhitespace(text.charAt(j)) && text.charAt(j) != '\n') {
      j++;
    }
    if (j >= n || text.charAt(j) == '\n') {
      return true;
    }
    char next = text.charAt(j);
    if (!(Character.isUpperCase(next) || "\"«“—–-•".indexOf(next) >= 0)) {
      return false;
    }
    // The word before the stop: an abbreviation or a single letter (an initial) does not end it.
    int e = k;
    int s = e;
    while (s > 0 && isWordChar(lower[s - 1])) {
      s--;
    }
    if (s == e) {
      return true;
    }
    String word = new String(lower, s, e - s);
    if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
      return false;
    }
    return !ABBREVIATIONS.contains(word);
  }

  /**
   * Adds sentence boundaries (offsets where a sentence starts), e.g. at the ";" that separates
   * the items of a digest paragraph, so that each item is read as a sentence of its own.
   */
  void addSentenceStarts(int[] starts) {
    int[] merged = Arrays.copyOf(sentStart, sentences + starts.length);
    System.arraycopy(starts, 0, merged, sentences, starts.length);
    Arrays.sort(merged);
    int n = 0;
    for (int i = 0; i < merged.length; i++) {
      if (n == 0 || merged[i] != merged[n - 1]) {
        merged[n++] = merged[i];
      }
    }
    sentStart = Arrays.copyOf(merged, n);
    sentences = n;
  }

  int sentenceOf(int charPos) {
    int i = Arrays.binarySearch(sentStart, charPos);
    return i >= 0 ? i : -i - 2;
  }

  int sentenceStart(int s) {
    return sentStart[s];
  }

  int sentenceEnd(int s) {
    return s + 1 < sentences ? sentStart[s + 1] : text.length();
  }

  /** Index of the first token starting at or after a character offset. */
  int tokenFrom(int charPos) {
    int lo = 0;
    int hi = tokens;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tokStart[mid] < charPos) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  String token(int t) {
    return new String(lower, tokStart[t], tokEnd[t] - tokStart[t]);
  }

  boolean tokenStartsWith(int t, String prefix) {
    int len = tokEnd[t] - tokStart[t];
    if (len < prefix.length()) {
      return false;
    }
    int s = tokStart[t];
    for (int i = 0; i < prefix.length(); i++) {
      if (lower[s + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  boolean tokenEquals(int t, String word) {
    return tokEnd[t] - tokStart[t] == word.length() && tokenStartsWith(t, word);
  }

  /** The text around a span, on one line, for evidence. */
  String snippet(int start, int end) {
    int s = Math.max(0, start - 30);
    int e = Math.min(text.length(), end + 30);
    StringBuilder b = new StringBuilder(e - s);
    boolean space = false;
    for (int i = s; i < e; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = b.length() > 0;
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(c);
      }
    }
    return b.toString();
  }
}
