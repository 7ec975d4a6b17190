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
  /** The same words as chars, compared with the text's chars without building a string per full stop. */
  private static final char[][] ABBREVIATION_CHARS = ABBREVIATIONS.stream().map(String::toCharArray)
      .toArray(char[][]::new);

  final String text;
  /** Letters by alphabet, for telling the language. */
  final Grammar.LetterCounts letters;
  final char[] lower;
  /** {@link #lower} as a string, for the regular expressions; made on first use. */
  private String lowerText;
  final int[] tokStart;
  final int[] tokEnd;
  final int tokens;
  /** Line number of each token, so that patterns do not cross lines. */
  final int[] tokLine;
  /** Offsets of the line breaks, ascending. */
  private final int[] lineBreaks;
  private final int lineBreakCount;
  /**
   * Sentence start offsets, ascending; sentence i spans sentStart[i]..sentStart[i+1]. Found on
   * first use: an off-topic text is judged without them.
   */
  private int[] sentStart;
  private int sentences;
  /** Until then, the offsets of line breaks and of the chars that may end a sentence (. ! ?). */
  private int[] stops;
  private int stopCount;

  TextIndex(String text) {
    this.text = text;
    int n = text.length();
    char[] low = new char[n];
    text.getChars(0, n, low, 0);
    // One pass over the text: normalise each char in place, count letters by alphabet, cut word
    // tokens, note line breaks and the chars that may end a sentence (the sentence rules, run when
    // sentences are first asked for, look at those few positions only).
    int latin = 0;
    int cyrillic = 0;
    int kazakh = 0;
    int cap = Math.max(16, n / 4);
    int[] ts = new int[cap];
    int[] te = new int[cap];
    int[] tl = new int[cap];
    int count = 0;
    int[] stops = new int[16];
    int stopCount = 0;
    int[] breaks = new int[16];
    int line = 0;
    int wordStart = -1;
    for (int from = 0; from < n; from += COUNT_CHUNK) {
      int to = Math.min(n, from + COUNT_CHUNK);
      // the three letter counts of this chunk, packed into one long (a branch per letter costs more)
      long packed = 0;
      for (int i = from; i < to; i++) {
        char c = low[i];
        char l = NORMALIZED[c];
        low[i] = l;
        int f = FLAGS[c];
        packed += LETTER_COUNT[(f >>> 1) & 7];
        if ((f & WORD) != 0) {
          if (wordStart < 0) {
            wordStart = i;
          }
          continue;
        }
        if (wordStart >= 0) {
          if (count == ts.length) {
            ts = Arrays.copyOf(ts, count * 2);
            te = Arrays.copyOf(te, count * 2);
            tl = Arrays.copyOf(tl, count * 2);
          }
          ts[count] = wordStart;
          te[count] = i;
          tl[count] = line;
          count++;
          wordStart = -1;
        }
        if ((f & STOP) != 0) {
          if (l == '\n') {
            if (line == breaks.length) {
              breaks = Arrays.copyOf(breaks, line * 2);
            }
            breaks[line++] = i;
          }
          if (stopCount == stops.length) {
            stops = Arrays.copyOf(stops, stopCount * 2);
          }
          stops[stopCount++] = i;
        }
      }
      latin += (int) (packed & COUNT_MASK);
      cyrillic += (int) ((packed >>> COUNT_BITS) & COUNT_MASK);
      kazakh += (int) (packed >>> (2 * COUNT_BITS));
    }
    if (wordStart >= 0) {
      if (count == ts.length) {
        ts = Arrays.copyOf(ts, count + 1);
        te = Arrays.copyOf(te, count + 1);
        tl = Arrays.copyOf(tl, count + 1);
      }
      ts[count] = wordStart;
      te[count] = n;
      tl[count] = line;
      count++;
    }
    lower = low;
    letters = new Grammar.LetterCounts(latin, cyrillic, kazakh);
    tokStart = ts;
    tokEnd = te;
    tokLine = tl;
    tokens = count;
    this.stops = stops;
    this.stopCount = stopCount;
    this.lineBreaks = breaks;
    this.lineBreakCount = line;
  }

  /** The offset of the first line break at or after from, or -1: text.indexOf('\n', from). */
  int nextLineBreak(int from) {
    int lo = 0;
    int hi = lineBreakCount;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (lineBreaks[mid] < from) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < lineBreakCount ? lineBreaks[lo] : -1;
  }

  /** The lower-cased text as a string. */
  String lowerText() {
    if (lowerText == null) {
      lowerText = new String(lower);
    }
    return lowerText;
  }

  /** Cuts the text into sentences at line breaks and at the stops that end one. */
  private void findSentences() {
    int n = text.length();
    int[] ss = new int[Math.min(16, stopCount + 1)];
    int sc = 0;
    ss[sc++] = 0;
    for (int x = 0; x < stopCount; x++) {
      int k = stops[x];
      if (lower[k] != '\n' && !endsSentence(k)) {
        continue;
      }
      int boundary = k + 1;
      if (boundary < n && boundary > ss[sc - 1]) {
        if (sc == ss.length) {
          ss = Arrays.copyOf(ss, sc * 2);
        }
        ss[sc++] = boundary;
      }
    }
    sentStart = sc == ss.length ? ss : Arrays.copyOf(ss, sc);
    sentences = sc;
    stops = null;
  }

  /** The number of sentences. */
  int sentences() {
    if (sentStart == null) {
      findSentences();
    }
    return sentences;
  }

  /** normalize() and isWordChar() of every char, computed once: the text loop is then table lookups. */
  private static final char[] NORMALIZED = new char[1 << 16];
  private static final boolean[] WORD_CHAR = new boolean[1 << 16];
  private static final boolean[] SPACE = new boolean[1 << 16];
  /** Bits of {@link #FLAGS}. */
  private static final byte WORD = 1;
  private static final byte LATIN = 2;
  private static final byte CYRILLIC = 4;
  private static final byte KAZAKH = 8;
  private static final byte STOP = 16;
  /**
   * Per char of the original text: WORD when its normalised form is a word char; LATIN for a Latin
   * letter; CYRILLIC for a Cyrillic letter, with KAZAKH also set for a Kazakh-only one; STOP when
   * its normalised form is a line break or may end a sentence (. ! ?).
   */
  private static final byte[] FLAGS = new byte[1 << 16];
  /** Letter counts are summed in fields of this many bits of a long, for chunks of up to COUNT_CHUNK chars. */
  private static final int COUNT_BITS = 21;
  private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
  private static final int COUNT_CHUNK = 1 << 20;
  /** By FLAGS >>> 1: what one char adds to the packed Latin, Cyrillic and Kazakh counts. */
  private static final long[] LETTER_COUNT = new long[8];

  static {
    for (int c = 0; c < NORMALIZED.length; c++) {
      NORMALIZED[c] = normalizeSlow((char) c);
      WORD_CHAR[c] = Character.isLetterOrDigit((char) c);
      SPACE[c] = Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
    for (int c = 0; c < NORMALIZED.length; c++) {
      char ch = (char) c;
      char l = NORMALIZED[c];
      int f = WORD_CHAR[l] ? WORD : 0;
      if (l == '\n' || l == '.' || l == '!' || l == '?') {
        f |= STOP;
      }
      if (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z') {
        f |= LATIN;
      } else if (Grammar.isKazakhLetter(ch)) {
        f |= CYRILLIC | KAZAKH;
      } else if (ch >= '\u0400' && ch <= '\u04FF') {
        f |= CYRILLIC;
      }
      FLAGS[c] = (byte) f;
    }
    for (int f = 0; f < LETTER_COUNT.length; f++) {
      int flags = f << 1;
      LETTER_COUNT[f] = ((flags & LATIN) != 0 ? 1L : 0L) | ((flags & CYRILLIC) != 0 ? 1L << COUNT_BITS : 0L)
          | ((flags & KAZAKH) != 0 ? 1L << (2 * COUNT_BITS) : 0L);
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
    int len = e - s;
    if (len == 1 && Character.isLetter(lower[s])) {
      return false;
    }
    return !isAbbreviation(lower, s, len);
  }

  /** Whether chars [s, s + len) are one of {@link #ABBREVIATIONS}. */
  private static boolean isAbbreviation(char[] chars, int s, int len) {
    for (char[] a : ABBREVIATION_CHARS) {
      if (a.length == len && a[0] == chars[s] && Arrays.equals(a, 0, len, chars, s, s + len)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds sentence boundaries (offsets where a sentence starts), e.g. at the ";" that separates
   * the items of a digest paragraph, so that each item is read as a sentence of its own.
   */
  void addSentenceStarts(int[] starts) {
    sentences();
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
    sentences();
    int i = Arrays.binarySearch(sentStart, charPos);
    return i >= 0 ? i : -i - 2;
  }

  int sentenceStart(int s) {
    sentences();
    return sentStart[s];
  }

  int sentenceEnd(int s) {
    return s + 1 < sentences() ? sentStart[s + 1] : text.length();
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

  /** The text around a span, on one line, for evidence: each run of spaces becomes one, none at the ends. */
  String snippet(int start, int end) {
    int s = Math.max(0, start - 30);
    int e = Math.min(text.length(), end + 30);
    if (e <= s) {
      return "";
    }
    char[] in = new char[e - s];
    text.getChars(s, e, in, 0);
    char[] out = new char[in.length];
    int len = 0;
    boolean space = false;
    for (char c : in) {
      if (SPACE[c]) {
        space = len > 0;
      } else {
        if (space) {
          out[len++] = ' ';
          space = false;
        }
        out[len++] = c;
      }
    }
    return new String(out, 0, len);
  }

  /** Character.isWhitespace or Character.isSpaceChar: the spaces of snippets and layout. */
  static boolean isSpace(char c) {
    return SPACE[c];
  }
}
