package org.mediamonitor.enrich.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ahocorasick.trie.PayloadTrie;

/**
 * All patterns of a taxonomy compiled into one Aho-Corasick automaton, keyed by each pattern's
 * first word. A hit of the first word at a word start is then extended word by word: Russian and
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

  private final PayloadTrie<List<Compiled>> trie;

  PatternMatcher(List<Taxonomy.Rule> rules) {
    Map<String, List<Compiled>> byFirst = new LinkedHashMap<>();
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
        byFirst.computeIfAbsent(ws[0], k -> new ArrayList<>()).add(new Compiled(r, ws, exact, gap));
      }
    }
    PayloadTrie.PayloadTrieBuilder<List<Compiled>> b = PayloadTrie.builder();
    byFirst.forEach((k, v) -> b.addKeyword(k, List.copyOf(v)));
    trie = b.build();
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

  /** Every hit of every rule in the text, ordered by start then longest first. */
  List<Hit> match(TextIndex ix) {
    List<Hit> hits = new ArrayList<>();
    trie.parseText(ix.lowerText, emit -> {
      int start = emit.getStart();
      int t0 = ix.tokenAt[start];
      if (t0 < 0) {
        return true;
      }
      for (Compiled c : emit.getPayload()) {
        int last = extend(ix, c, t0);
        if (last >= 0) {
          hits.add(new Hit(c.rule(), start, ix.tokEnd[last], t0, last));
        }
      }
      return true;
    });
    hits.sort(Comparator.comparingInt(Hit::start).thenComparing(Comparator.comparingInt(Hit::end).reversed()));
    return hits.isEmpty() ? Collections.emptyList() : hits;
  }

  /** The last token of a match of the pattern starting at token t0, or -1. */
  private static int extend(TextIndex ix, Compiled c, int t0) {
    if (c.exact()[0] && !ix.tokenEquals(t0, c.words()[0])) {
      return -1;
    }
    return extendFrom(ix, c, 1, t0);
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
