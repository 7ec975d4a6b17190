package org.mediamonitor.enrich.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
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

  /** One compiled pattern. */
  record Compiled(int rule, String[] words, boolean[] exact, boolean[] gapBefore) {}

  /** A match of a rule in a text: characters [start, end), tokens [tokFirst, tokLast]. */
  record Hit(int rule, int start, int end, int tokFirst, int tokLast) {}

  /** Compiled patterns grouped by their first word: index into {@link #stemGroups} or {@link #exactGroups}. */
  private final Compiled[][] stemGroups;
  private final Compiled[][] exactGroups;
  /** A character trie over the first words: node -> group of patterns whose first word ends there. */
  private final int[] stemAt;
  private final int[] exactAt;
  /** Children of the trie: open addressing on (node, char). */
  private final long[] edgeKeys;
  private final int[] edgeChild;
  private final int edgeMask;
  private final int[] rootChild = new int[1 << 16];

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
    stemAt = stemList.stream().mapToInt(Integer::intValue).toArray();
    exactAt = exactList.stream().mapToInt(Integer::intValue).toArray();
    int edges = 0;
    for (int node = 1; node < children.size(); node++) {
      edges += children.get(node).size();
    }
    int cap = Integer.highestOneBit(Math.max(16, edges * 3)) << 1;
    edgeKeys = new long[cap];
    Arrays.fill(edgeKeys, -1L);
    edgeChild = new int[cap];
    edgeMask = cap - 1;
    for (int node = 0; node < children.size(); node++) {
      for (Map.Entry<Character, Integer> e : children.get(node).entrySet()) {
        if (node == 0) {
          rootChild[e.getKey()] = e.getValue();
          continue;
        }
        long key = edgeKey(node, e.getKey());
        int slot = slot(key);
        while (edgeKeys[slot] != -1L) {
          slot = (slot + 1) & edgeMask;
        }
        edgeKeys[slot] = key;
        edgeChild[slot] = e.getValue();
      }
    }
  }

  private static long edgeKey(int node, char c) {
    return ((long) node << 16) | c;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & edgeMask;
  }

  /** The child of a trie node by a character, or 0 when there is none. */
  private int child(int node, char c) {
    if (node == 0) {
      return rootChild[c];
    }
    long key = edgeKey(node, c);
    int slot = slot(key);
    while (true) {
      long k = edgeKeys[slot];
      if (k == key) {
        return edgeChild[slot];
      }
      if (k == -1L) {
        return 0;
      }
      slot = (slot + 1) & edgeMask;
    }
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
        int g = stemAt[node];
        if (g >= 0) {
          start = hits == null ? 0 : hits.size();
          hits = extendAll(ix, stemGroups[g], t, hits);
        }
        if (i == e - 1 && exactAt[node] >= 0) {
          start = hits == null ? 0 : hits.size();
          hits = extendAll(ix, exactGroups[exactAt[node]], t, hits);
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
    for (Compiled c : group) {
      int last = extendFrom(ix, c, 1, t0);
      if (last >= 0) {
        if (out == null) {
          out = new ArrayList<>();
        }
        out.add(new Hit(c.rule(), ix.tokStart[t0], ix.tokEnd[last], t0, last));
      }
    }
    return out;
  }

  private static int extendFrom(TextIndex ix, Compiled c, int word, int prevTok) {
    if (word == c.words().length) {
      return prevTok;
    }
    int maxSkip = c.gapBefore()[word] ? MAX_GAP : 0;
    for (int skip = 0; skip <= maxSkip; skip++) {
      int t = prevTok + 1 + skip;
      if (t >= ix.tokens) {
        return -1;
      }
      // A pattern never crosses a line break.
      if (ix.tokLine[t] != ix.tokLine[prevTok]) {
        return -1;
      }
      boolean ok = c.exact()[word] ? ix.tokenEquals(t, c.words()[word]) : ix.tokenStartsWith(t, c.words()[word]);
      if (ok) {
        int r = extendFrom(ix, c, word + 1, t);
        if (r >= 0) {
          return r;
        }
      }
    }
    return -1;
  }
}
