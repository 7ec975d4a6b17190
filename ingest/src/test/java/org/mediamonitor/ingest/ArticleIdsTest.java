package org.mediamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
