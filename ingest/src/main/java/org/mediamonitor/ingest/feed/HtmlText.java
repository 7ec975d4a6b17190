package org.mediamonitor.ingest.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text from HTML: the main text of an article page, and the text of an HTML fragment from a
 * feed. Paragraphs are kept as paragraphs (separated by a blank line) because downstream rules
 * read evidence snippets sentence by sentence.
 */
public final class HtmlText {

  /** Never part of an article's text: code, chrome, navigation and forms. */
  static final String NOISE = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg,"
      + " button, select, input, textarea, [hidden], [aria-hidden=true], [role=navigation]";
  /** An {@code <article>} with less text than this is a teaser card, not the article. */
  static final int MIN_ARTICLE_CHARS = 200;

  private static final Set<String> BLOCKS = Set.of("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
      "ol", "blockquote", "article", "section", "main", "pre", "table", "tr", "dd", "dt", "figure", "figcaption", "hr");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u200B]+");
  private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

  private HtmlText() {}

  /** Text of an HTML fragment (a feed's description or content); plain text passes through. */
  public static String fragment(String html) {
    if (html == null || html.isBlank()) {
      return null;
    }
    String text = blocks(Jsoup.parseBodyFragment(html).body());
    return text.isEmpty() ? null : text;
  }

  /** The main text of an article page, or null when the page has none. */
  public static String mainText(String html, String baseUri) {
    return mainText(Jsoup.parse(html, baseUri == null ? "" : baseUri));
  }

  /**
   * Prefers the {@code <article>} with the most text (if it has enough to be more than a teaser),
   * then the element holding the most {@code <p>} text, then the whole body.
   */
  public static String mainText(Document doc) {
    doc.select(NOISE).remove();
    Element best = null;
    int bestChars = 0;
    for (Element article : doc.select("article")) {
      int chars = article.text().length();
      if (chars > bestChars) {
        best = article;
        bestChars = chars;
      }
    }
    if (best != null && bestChars >= MIN_ARTICLE_CHARS) {
      return nullIfEmpty(blocks(best));
    }
    String paragraphs = largestParagraphBlock(doc);
    if (paragraphs != null) {
      return paragraphs;
    }
    return doc.body() == null ? null : nullIfEmpty(blocks(doc.body()));
  }

  /** The {@code <p>} children of the element whose paragraphs hold the most text, joined. */
  private static String largestParagraphBlock(Document doc) {
    Map<Element, List<String>> byParent = new LinkedHashMap<>();
    Map<Element, Integer> chars = new LinkedHashMap<>();
    Elements paragraphs = doc.select("p");
    for (Element p : paragraphs) {
      Element parent = p.parent();
      String text = clean(p.text());
      if (parent == null || text.isEmpty()) {
        continue;
      }
      byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(text);
      chars.merge(parent, text.length(), Integer::sum);
    }
    Element best = null;
    int most = 0;
    for (Map.Entry<Element, Integer> e : chars.entrySet()) {
      if (e.getValue() > most) {
        best = e.getKey();
        most = e.getValue();
      }
    }
    return best == null ? null : String.join("\n\n", byParent.get(best));
  }

  /** Text of an element with a blank line between blocks and single spaces inside them. */
  static String blocks(Element root) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
          // line breaks inside the source of a paragraph are layout, not paragraph breaks
          out.append(SPACES.matcher(text.getWholeText()).replaceAll(" "));
        } else if (node instanceof Element el && BLOCKS.contains(el.normalName())) {
          out.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element el && BLOCKS.contains(el.normalName())) {
          out.append('\n');
        }
      }
    }, root);
    List<String> paragraphs = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      String text = clean(line);
      if (!text.isEmpty()) {
        paragraphs.add(text);
      }
    }
    return BLANK_LINES.matcher(String.join("\n\n", paragraphs)).replaceAll("\n\n");
  }

  private static String clean(String s) {
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  private static String nullIfEmpty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
