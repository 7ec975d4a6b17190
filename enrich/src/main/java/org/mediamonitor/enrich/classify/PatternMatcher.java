package org.mediamonitor.enrich.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * All patterns of a taxonomy compiled once into a trie of their first words, walked at each word
 * start of a text (patterns only ever start at a word start). A hit of the first word is then
 * extended word by word: Russian and
 * Kazakh inflect, so each pattern word matches any text word it begins (a stem), unless written
 * with a trailing {@code $}.
 */
final class PatternMatcher {

  /** Words a {@code ~} may skip. */
  static final int MAX_GAP = 4;

  /**
   * One compiled pattern: its words in lower case, as chars (compared with the text's lower-cased
   * chars without String calls), whether each must match a whole text word, and whether a gap
   * ({@code ~}) comes before it.
   */
  private static final class Compiled {
    final int rule;
    final char[][] words;
    final boolean[] exact;
    final boolean[] gapBefore;
    /** No {@code ~} in the pattern: its words must follow one another. */
    final boolean gapFree;
    /**
     * For a second word that must be the very next token (no gap before it): its first char and
     * length, so that most patterns are ruled out without following {@link #words}.
     */
    final boolean secondIsNext;
    final char secondFirst;
    final int secondLength;
    final boolean secondExact;

    Compiled(int rule, String[] words, boolean[] exact, boolean[] gapBefore) {
      this.rule = rule;
      this.words = new char[words.length][];
      for (int i = 0; i < words.length; i++) {
        this.words[i] = words[i].toCharArray();
      }
      this.exact = exact;
      this.gapBefore = gapBefore;
      boolean gaps = false;
      for (boolean g : gapBefore) {
        gaps |= g;
      }
      this.gapFree = !gaps;
      this.secondIsNext = words.length > 1 && !gapBefore[1];
      this.secondFirst = secondIsNext ? this.words[1][0] : 0;
      this.secondLength = secondIsNext ? this.words[1].length : 0;
      this.secondExact = secondIsNext && exact[1];
    }

    /**
     * False when the token after the first word's (its first char and length; length 0 when there
     * is none on the same line) cannot be the second word.
     */
    boolean secondMayMatch(char nextFirst, int nextLength) {
      return !secondIsNext || nextLength > 0 && nextFirst == secondFirst
          && (secondExact ? nextLength == secondLength : nextLength >= secondLength);
    }
  }

  /** A match of a rule in a text: characters [start, end), tokens [tokFirst, tokLast]. */
  record Hit(int rule, int start, int end, int tokFirst, int tokLast) {}

  /** Compiled patterns grouped by their first word: index into {@link #stemGroups} or {@link #exactGroups}. */
  private final Compiled[][] stemGroups;
  private final Compiled[][] exactGroups;
  /**
   * A character trie over the first words, nodes numbered breadth first so that the upper levels,
   * which every token visits, lie together in memory. Per node, at {@code node * NODE_INTS}: the
   * group of stem patterns whose first word ends there (-1: none), the group of exact ones, the
   * index of its first edge and its number of edges.
   */
  private final int[] nodes;
  private static final int NODE_INTS = 4;
  /** Edges of the trie: per node a run of chars in ascending order, and the node each leads to. */
  private final char[] edgeChar;
  private final int[] edgeNode;
  /** The root's children by char: the first char of every token is looked up here. */
  private final int[] rootChild = new int[1 << 16];
  /**
   * The children of the root's children (nodes 1..{@link #firstLevel}), the second step of every
   * token, as a table by the char's index in the trie's alphabet ({@link #alphabet}; 0 for any other
   * char, whose column is all 0).
   */
  private final int[] secondStep;
  private final int firstLevel;
  private final int alphabetSize;
  private final char[] alphabet = new char[1 << 16];

  PatternMatcher(List<Taxonomy.Rule> rules) {
    Map<String, List<Compiled>> stems = new LinkedHashMap<>();
    Map<String, List<Compiled>> exacts = new LinkedHashMap<>();
    for (int r = 0; r < rules.size(); r++) {
      for (String p : rules.get(r).patterns()) {
        List<String> words = compilePattern(p);
        int n = 0;
        for (String w : words) {
          if (!w.equals("~")) {
            n++;
          }
        }
        String[] ws = new String[n];
        boolean[] exact = new boolean[n];
        boolean[] gap = new boolean[n];
        int i = 0;
        boolean pendingGap = false;
        for (String w : words) {
          if (w.equals("~")) {
            pendingGap = i > 0;
            continue;
          }
          boolean ex = w.endsWith("$");
          ws[i] = ex ? w.substring(0, w.length() - 1) : w;
          exact[i] = ex;
          gap[i] = pendingGap;
          pendingGap = false;
          i++;
        }
        (exact[0] ? exacts : stems).computeIfAbsent(ws[0], k -> new ArrayList<>())
            .add(new Compiled(r, ws, exact, gap));
      }
    }
    // Build the trie of first words.
    List<Map<Character, Integer>> children = new ArrayList<>();
    children.add(new HashMap<>());
    List<Integer> stemList = new ArrayList<>();
    List<Integer> exactList = new ArrayList<>();
    stemList.add(-1);
    exactList.add(-1);
    List<Compiled[]> sg = new ArrayList<>();
    List<Compiled[]> eg = new ArrayList<>();
    for (int pass = 0; pass < 2; pass++) {
      Map<String, List<Compiled>> groups = pass == 0 ? stems : exacts;
      for (Map.Entry<String, List<Compiled>> g : groups.entrySet()) {
        int node = 0;
        for (char c : g.getKey().toCharArray()) {
          Integer next = children.get(node).get(c);
          if (next == null) {
            next = children.size();
            children.add(new HashMap<>());
            stemList.add(-1);
            exactList.add(-1);
            children.get(node).put(c, next);
          }
          node = next;
        }
        Compiled[] arr = g.getValue().toArray(new Compiled[0]);
        if (pass == 0) {
          stemList.set(node, sg.size());
          sg.add(arr);
        } else {
          exactList.set(node, eg.size());
          eg.add(arr);
        }
      }
    }
    stemGroups = sg.toArray(new Compiled[0][]);
    exactGroups = eg.toArray(new Compiled[0][]);
    // Renumber breadth first, children in char order.
    int count = children.size();
    int[] order = new int[count];
    int[] renumbered = new int[count];
    int tail = 1;
    for (int head = 0; head < tail; head++) {
      Map<Character, Integer> kids = children.get(order[head]);
      for (Character c : sortedKeys(kids)) {
        int old = kids.get(c);
        renumbered[old] = tail;
        order[tail++] = old;
      }
    }
    nodes = new int[count * NODE_INTS];
    edgeChar = new char[Math.max(0, count - 1)];
    edgeNode = new int[edgeChar.length];
    int edge = 0;
    for (int node = 0; node < count; node++) {
      int old = order[node];
      Map<Character, Integer> kids = children.get(old);
      nodes[node * NODE_INTS] = stemList.get(old);
      nodes[node * NODE_INTS + 1] = exactList.get(old);
      nodes[node * NODE_INTS + 2] = edge;
      nodes[node * NODE_INTS + 3] = kids.size();
      for (Character c : sortedKeys(kids)) {
        int target = renumbered[kids.get(c)];
        if (node == 0) {
          rootChild[c] = target;
        }
        edgeChar[edge] = c;
        edgeNode[edge] = target;
        edge++;
      }
    }
    int letters = 0;
    for (char c : edgeChar) {
      if (alphabet[c] == 0) {
        alphabet[c] = (char) ++letters;
      }
    }
    alphabetSize = letters + 1;
    firstLevel = count > 0 ? nodes[3] : 0;
    secondStep = new int[firstLevel * alphabetSize];
    for (int node = 1; node <= firstLevel; node++) {
      int from = nodes[node * NODE_INTS + 2];
      for (int i = from; i < from + nodes[node * NODE_INTS + 3]; i++) {
        secondStep[(node - 1) * alphabetSize + alphabet[edgeChar[i]]] = edgeNode[i];
      }
    }
  }

  private static List<Character> sortedKeys(Map<Character, Integer> map) {
    List<Character> keys = new ArrayList<>(map.keySet());
    Collections.sort(keys);
    return keys;
  }

  /** The child of a trie node by a character, or 0 when there is none. */
  private int child(int node, char c) {
    if (node == 0) {
      return rootChild[c];
    }
    if (node <= firstLevel) {
      return secondStep[(node - 1) * alphabetSize + alphabet[c]];
    }
    // further down a node has few children: a scan of its sorted run of chars
    int from = nodes[node * NODE_INTS + 2];
    int to = from + nodes[node * NODE_INTS + 3];
    for (int i = from; i < to; i++) {
      char x = edgeChar[i];
      if (x >= c) {
        return x == c ? edgeNode[i] : 0;
      }
    }
    return 0;
  }

  /**
   * Splits a pattern into lower-case words the way {@link TextIndex} splits text. Each word is
   * returned with a trailing {@code $} when it must match a whole text word: words written with
   * {@code $}, words of up to three letters (function words, abbreviations such as "ук") and
   * numbers; other words, and any written with a trailing {@code *}, match as stems. {@code ~} is
   * its own word. Empty when the pattern has no word.
   */
  static List<String> compilePattern(String pattern) {
    List<String> out = new ArrayList<>();
    for (String part : pattern.trim().split("\\s+")) {
      if (part.equals("~")) {
        if (!out.isEmpty()) {
          out.add("~");
        }
        continue;
      }
      boolean exact = part.endsWith("$");
      boolean stem = part.endsWith("*");
      String body = exact || stem ? part.substring(0, part.length() - 1) : part;
      StringBuilder w = new StringBuilder();
      List<String> pieces = new ArrayList<>();
      for (int i = 0; i < body.length(); i++) {
        char c = TextIndex.normalize(body.charAt(i));
        if (TextIndex.isWordChar(c)) {
          w.append(c);
        } else if (w.length() > 0) {
          pieces.add(w.toString());
          w.setLength(0);
        }
      }
      if (w.length() > 0) {
        pieces.add(w.toString());
      }
      for (int i = 0; i < pieces.size(); i++) {
        String piece = pieces.get(i);
        boolean last = i == pieces.size() - 1;
        boolean whole = !last || exact || !stem && (piece.length() <= 3 || Character.isDigit(piece.charAt(0)));
        out.add(piece + (whole ? "$" : ""));
      }
    }
    while (!out.isEmpty() && out.get(out.size() - 1).equals("~")) {
      out.remove(out.size() - 1);
    }
    return out.stream().map(x -> x.toLowerCase(Locale.ROOT)).toList();
  }

  /**
   * Every hit of every rule in the text, ordered by start then longest first. Each token start is
   * looked up once in the trie of first words (walking the token's characters), so the cost is
   * linear in the text and independent of the number of patterns.
   */
  List<Hit> match(TextIndex ix) {
    List<Hit> hits = null;
    char[] lower = ix.lower;
    for (int t = 0; t < ix.tokens; t++) {
      int s = ix.tokStart[t];
      int e = ix.tokEnd[t];
      int node = 0;
      int start = -1;
      for (int i = s; i < e; i++) {
        node = child(node, lower[i]);
        if (node == 0) {
          break;
        }
        int g = nodes[node * NODE_INTS];
        if (g >= 0) {
          start = hits == null ? 0 : hits.size();
          hits = extendAll(ix, stemGroups[g], t, hits);
        }
        if (i == e - 1) {
          int x = nodes[node * NODE_INTS + 1];
          if (x >= 0) {
            start = hits == null ? 0 : hits.size();
            hits = extendAll(ix, exactGroups[x], t, hits);
          }
        }
      }
      if (start >= 0 && hits != null && hits.size() > 1) {
        // Hits of one token: longest first (a stable insertion sort over a handful).
        int from = hits.size() - 1;
        while (from > 0 && hits.get(from - 1).start() == s) {
          from--;
        }
        for (int a = from + 1; a < hits.size(); a++) {
          Hit h = hits.get(a);
          int b = a - 1;
          while (b >= from && hits.get(b).end() < h.end()) {
            hits.set(b + 1, hits.get(b));
            b--;
          }
          hits.set(b + 1, h);
        }
      }
    }
    return hits == null ? Collections.emptyList() : hits;
  }

  private static List<Hit> extendAll(TextIndex ix, Compiled[] group, int t0, List<Hit> hits) {
    List<Hit> out = hits;
    // The next token on the same line, looked at once for the whole group: most patterns fail on it.
    int t1 = t0 + 1;
    boolean next = t1 < ix.tokens && ix.tokLine[t1] == ix.tokLine[t0];
    int nextLength = next ? ix.tokEnd[t1] - ix.tokStart[t1] : 0;
    char nextFirst = next ? ix.lower[ix.tokStart[t1]] : 0;
    for (Compiled c : group) {
      if (!c.secondMayMatch(nextFirst, nextLength)) {
        continue;
      }
      int last = c.words.length == 1 ? t0 : c.gapFree ? extendAdjacent(ix, c, t0) : extendFrom(ix, c, 1, t0);
      if (last >= 0) {
        if (out == null) {
          out = new ArrayList<>();
        }
        out.add(new Hit(c.rule, ix.tokStart[t0], ix.tokEnd[last], t0, last));
      }
    }
    return out;
  }

  /** {@link #extendFrom} for a pattern without gaps: each word on the next token, on the same line. */
  private static int extendAdjacent(TextIndex ix, Compiled c, int t0) {
    int last = t0 + c.words.length - 1;
    if (last >= ix.tokens) {
      return -1;
    }
    int line = ix.tokLine[t0];
    for (int word = 1, t = t0 + 1; t <= last; word++, t++) {
      if (ix.tokLine[t] != line || !wordMatches(ix, t, c.words[word], c.exact[word])) {
        return -1;
      }
    }
    return last;
  }

  private static int extendFrom(TextIndex ix, Compiled c, int word, int prevTok) {
    if (word == c.words.length) {
      return prevTok;
    }
    int maxSkip = c.gapBefore[word] ? MAX_GAP : 0;
    char[] w = c.words[word];
    boolean exact = c.exact[word];
    int line = ix.tokLine[prevTok];
    for (int skip = 0; skip <= maxSkip; skip++) {
      int t = prevTok + 1 + skip;
      if (t >= ix.tokens) {
        return -1;
      }
      // A pattern never crosses a line break.
      if (ix.tokLine[t] != line) {
        return -1;
      }
      if (wordMatches(ix, t, w, exact)) {
        int r = extendFrom(ix, c, word + 1, t);
        if (r >= 0) {
          return r;
        }
      }
    }
    return -1;
  }

  /** Whether token t is the word (exact) or starts with it (a stem). */
  private static boolean wordMatches(TextIndex ix, int t, char[] w, boolean exact) {
    int s = ix.tokStart[t];
    int len = ix.tokEnd[t] - s;
    if (exact ? len != w.length : len < w.length) {
      return false;
    }
    char[] lower = ix.lower;
    for (int i = 0; i < w.length; i++) {
      if (lower[s + i] != w[i]) {
        return false;
      }
    }
    return true;
  }
}
