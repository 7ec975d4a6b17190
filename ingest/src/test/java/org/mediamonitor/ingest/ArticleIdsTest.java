package org.mediamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleIdsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "HTTPS://Example.KZ/news/123 | https://example.kz/news/123",
      "https://example.kz:443/news/123 | https://example.kz/news/123",
      "http://example.kz:80/news/123 | http://example.kz/news/123",
      "http://example.kz:8080/news/123 | http://example.kz:8080/news/123",
      "https://example.kz/news/123/ | https://example.kz/news/123",
      "https://example.kz | https://example.kz/",
      "https://example.kz/ | https://example.kz/",
      "https://example.kz/news/123#comments | https://example.kz/news/123",
      "https://example.kz/a?utm_source=fb&utm_medium=social&id=7 | https://example.kz/a?id=7",
      "https://example.kz/a?fbclid=XYZ&gclid=1&yclid=2&ysclid=3&mc_cid=4&mc_eid=5&_ga=6&ref=tg | https://example.kz/a",
      "https://example.kz/a?b=2&a=1&UTM_Campaign=x | https://example.kz/a?a=1&b=2",
      "https://example.kz/a?z=1&&a=%2f | https://example.kz/a?a=%2F&z=1",
      "https://user:pw@example.kz/a | https://example.kz/a",
      "https://Example.KZ./a/ | https://example.kz/a",
  })
  void canonicalisesUrls(String input, String expected) {
    assertThat(ArticleIds.canonicalUrl(input)).isEqualTo(expected);
  }

  @Test
  void writesInternationalHostsInPunycode() {
    String canonical = ArticleIds.canonicalUrl("https://Пример.ҚАЗ/жаңалықтар/");
    assertThat(canonical).matches("https://xn--[a-z0-9-]+\\.xn--[a-z0-9-]+/жаңалықтар");
    assertThat(ArticleIds.canonicalUrl("https://пример.қаз/жаңалықтар")).isEqualTo(canonical);
  }

  @Test
  void keepsPathCaseAndParameterValues() {
    assertThat(ArticleIds.canonicalUrl("https://example.kz/News/A?Q=Case"))
        .isEqualTo("https://example.kz/News/A?Q=Case");
  }

  @Test
  void refusesNonHttpUrls() {
    assertThatThrownBy(() -> ArticleIds.canonicalUrl("ftp://example.kz/a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ArticleIds.canonicalUrl("example.kz/a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ArticleIds.canonicalUrl("https:///a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ArticleIds.canonicalUrl("https://example.kz:http/a"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sameArticleThroughTrackingLinksHasOneId() {
    String plain = ArticleIds.id("https://example.kz/news/123", "body one");
    String shared = ArticleIds.id("https://EXAMPLE.kz/news/123/?utm_source=telegram&fbclid=abc#top", "another body");
    assertThat(shared).isEqualTo(plain).hasSize(ArticleIds.ID_HEX_LENGTH).matches("[0-9a-f]+");
    assertThat(ArticleIds.id("https://example.kz/news/124", "body one")).isNotEqualTo(plain);
  }

  @Test
  void idWithoutUrlComesFromTheNormalisedBody() {
    String a = ArticleIds.id(null, "Журналист  Иван   Петров\nзадержан.");
    String b = ArticleIds.id("  ", "  журналист иван петров задержан.  ");
    assertThat(a).isEqualTo(b);
    assertThat(ArticleIds.id(null, "журналист иван петров освобождён.")).isNotEqualTo(a);
  }

  @Test
  void normalisesBodiesWithNfkcWhitespaceAndCase() {
    assertThat(ArticleIds.normaliseBody("  Ａбв\u00A0\u00A0ДЕ\tжз\r\n  ИЙ  ")).isEqualTo("aбв де жз ий");
    assertThat(ArticleIds.normaliseBody("ﬁle")).isEqualTo("file");
  }

  /** The implementation normaliseBody had before the loop: the reference it must match exactly. */
  private static final Pattern OLD_WHITESPACE = Pattern.compile("[\\s\\p{Z}\\u200B\\uFEFF]+");

  private static String oldNormaliseBody(String body) {
    String nfkc = Normalizer.normalize(body, Normalizer.Form.NFKC);
    return OLD_WHITESPACE.matcher(nfkc).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
  }

  /** Every char the regex class {@code \p{Z}} matches, found by asking the regex itself. */
  private static List<Character> unicodeSeparators() {
    Pattern z = Pattern.compile("\\p{Z}");
    List<Character> out = new ArrayList<>();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (z.matcher(String.valueOf(c)).matches()) {
        out.add(c);
      }
    }
    return out;
  }

  @Test
  void normaliseBodyMatchesTheRegexImplementationOnMixedRandomText() {
    List<Character> separators = unicodeSeparators();
    // the 17 of Unicode 13 (JDK 17): space, NBSP, ogham, en quad to hair space, LS, PS, NNBSP, MMSP, ideographic
    assertThat(separators).contains(' ', '\u00A0', '\u1680', '\u2000', '\u200A', '\u2028', '\u2029', '\u202F',
        '\u205F', '\u3000').hasSizeGreaterThanOrEqualTo(17);
    String[] pieces = {
        // ASCII words, digits, punctuation, and every control and ASCII whitespace char
        "Journalist", "court", "Art. 274", "12,000", "A", "z", "\t", "\n", "\r", "\r\n", "\u000B", "\f", "\u0000",
        "\u0001", "\u001C", "\u001F", "\u007F", "\u0085",
        // Russian and Kazakh (both cases), й and ё composed, decomposed, and as their own letters
        "Журналист", "задержан", "ЁЛКА", "ёлка", "й", "и\u0306", "е\u0308", "Әә", "Ғғ", "Ққ", "Ңң", "Өө", "Ұұ", "Үү", "Һһ",
        "Іі", "қазақ", "ТІЛІ",
        // zero-width space, BOM, word joiner, ZWNJ/ZWJ (not whitespace), Mongolian vowel separator
        "\u200B", "\uFEFF", "\u2060", "\u200C", "\u200D", "\u180E",
        // combining marks alone and stacked, Hangul jamo that NFKC composes
        "\u0301", "\u0300\u0327", "\u036F", "\u1100\u1161", "\u0041\u030A",
        // fullwidth forms (incl. the fullwidth space U+3000 is in Z), ligatures, compatibility forms
        "\uFF21\uFF42\uFF43", "\uFF10\uFF19", "\uFF01", "\uFB01", "\uFB02", "\uFB00", "\uFB06", "\u2163", "\u00BD",
        "\u2116", "\u3371", "\u00B5", "\u1E9B\u0323",
        // case-mapping special cases: dotted capital I, final sigma, German sharp s
        "\u0130", "\u03A3", "\u039F\u0394\u039F\u03A3", "\u00DF",
        // supplementary characters (NFKC maps mathematical bold to ASCII), an emoji, lone surrogates
        "\uD835\uDC00", "\uD83D\uDE00", "\uD800", "\uDC00",
    };
    Random random = new Random(20251125L);
    Set<String> differentFromInput = new HashSet<>();
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int parts = random.nextInt(40);
      for (int i = 0; i < parts; i++) {
        int kind = random.nextInt(10);
        if (kind < 4) {
          text.append(pieces[random.nextInt(pieces.length)]);
        } else if (kind < 8) {
          // a run of one to four separators of any kind
          int run = 1 + random.nextInt(4);
          for (int j = 0; j < run; j++) {
            int which = random.nextInt(separators.size() + 8);
            text.append(which < separators.size() ? separators.get(which)
                : " \t\n\r\u000B\f\u200B\uFEFF".charAt(which - separators.size()));
          }
        } else {
          // any BMP char at all, now and then
          text.append((char) random.nextInt(Character.MAX_VALUE + 1));
        }
      }
      String input = text.toString();
      String expected = oldNormaliseBody(input);
      assertThat(ArticleIds.normaliseBody(input)).as("normalised %s", escape(input)).isEqualTo(expected);
      if (!expected.equals(input)) {
        differentFromInput.add(expected);
      }
    }
    // the sample exercised the rewriting paths, not only inputs that come back unchanged
    assertThat(differentFromInput).hasSizeGreaterThan(10_000);
  }

  @Test
  void normaliseBodyMatchesTheRegexImplementationOnEdgeCases() {
    for (String input : List.of("", " ", "\u3000", "\u200B", "\uFEFF\uFEFF", "\u0001 \u0001", " \u0001a\u0001 ",
        "a\u0001 \u0001", "a  b", "a \u200B b", "\u2028a\u2029", "a\u00A0\u00A0b", "ﬁ ﬂ", "\uFF21\u3000\uFF22",
        "ΟΔΟΣ ΟΔΟΣ", "\u0130stanbul", "x\t\u000B\f\r\ny", "\u001C\u001Da\u001E\u001F", "\u2007", "\u0085a\u0085",
        "й и\u0306", "word", "two words", " lead", "trail ")) {
      assertThat(ArticleIds.normaliseBody(input)).as("normalised %s", escape(input)).isEqualTo(oldNormaliseBody(input));
    }
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    s.chars().forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format(Locale.ROOT, "\\u%04X", c) : (char) c));
    return out.toString();
  }

  @Test
  void fingerprintsFoldTheWholeIdAndHashAnythingElse() {
    String id = ArticleIds.id("https://example.kz/news/1", "x");
    assertThat(ArticleIds.fingerprint(id)).isEqualTo(ArticleIds.fingerprint(new String(id.toCharArray())));
    // hand-made ids sharing their first 16 digits stay apart, and so do case variants and foreign keys
    Set<Long> distinct = new HashSet<>();
    List<String> ids = List.of("00000000000000000000000000000001", "00000000000000000000000000000002",
        "00000000000000010000000000000000", "0000000000000000000000000000000a", "0000000000000000000000000000000A",
        id, id.toUpperCase(Locale.ROOT), id.substring(0, 31), id + "0", "article-1", "article-2", "");
    for (String s : ids) {
      distinct.add(ArticleIds.fingerprint(s));
    }
    assertThat(distinct).hasSize(ids.size());
    // 200,000 real ids: no two share a fingerprint (a collision here would be a 1-in-10^9 event)
    Set<Long> many = new HashSet<>();
    for (int i = 0; i < 200_000; i++) {
      many.add(ArticleIds.fingerprint(ArticleIds.id("https://example.kz/news/" + i, "x")));
    }
    assertThat(many).hasSize(200_000);
  }

  @Test
  void contentHashIsSharedAcrossOutletsAndChangesWithTheText() {
    String first = ArticleIds.contentHash("Суд оштрафовал редактора газеты «Вестник».");
    String second = ArticleIds.contentHash("  суд  оштрафовал редактора газеты «вестник». ");
    assertThat(first).isEqualTo(second).hasSize(64);
    assertThat(ArticleIds.contentHash("Суд оправдал редактора газеты «Вестник».")).isNotEqualTo(first);
  }

  @Test
  void articleInputIdUsesTheUrlWhenPresent() {
    ArticleInput withUrl = new ArticleInput("https://example.kz/a?utm_source=x", null, null, "text", null, null);
    ArticleInput noUrl = new ArticleInput(null, null, null, "text", null, null);
    assertThat(withUrl.id()).isEqualTo(ArticleIds.id("https://example.kz/a", "other"));
    assertThat(noUrl.id()).isEqualTo(ArticleIds.id(null, "TEXT"));
    assertThat(withUrl.contentHash()).isEqualTo(noUrl.contentHash());
  }
}
