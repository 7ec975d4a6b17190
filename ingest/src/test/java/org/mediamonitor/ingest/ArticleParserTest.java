package org.mediamonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ArticleParserTest {

  private static final Instant NOW = Instant.parse("2025-03-14T06:00:00Z");
  private final ArticleParser parser = new ArticleParser(1000, Clock.fixed(NOW, ZoneOffset.UTC));

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void assertRefused(ThrowingCallable call, Rejection rejection, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(InvalidArticleException.class, e -> {
          assertThat(e.rejection()).isEqualTo(rejection);
          assertThat(e.field()).isEqualTo(field);
          if (field != null) {
            assertThat(e.getMessage()).contains(field);
          }
        });
  }

  @Test
  void parsesAFullArticle() {
    ArticleInput a = parser.parse(utf8("""
        {"url": " https://example.kz/news/1 ", "source": "Example Times", "title": "Title",
         "body": "Тело статьи", "published_at": "2025-03-13T09:30:00+05:00", "language": "RU",
         "unknown": 1}"""));
    assertThat(a).isEqualTo(new ArticleInput("https://example.kz/news/1", "Example Times", "Title", "Тело статьи",
        Instant.parse("2025-03-13T04:30:00Z"), "ru"));
  }

  @Test
  void treatsBlankOptionalFieldsAsAbsent() {
    ArticleInput a = parser.parse(utf8("{\"url\": \"\", \"title\": \"  \", \"body\": \"x\", \"language\": null}"));
    assertThat(a.url()).isNull();
    assertThat(a.title()).isNull();
    assertThat(a.language()).isNull();
  }

  @Test
  void requiresANonBlankBody() {
    assertRefused(() -> parser.parse(utf8("{\"title\": \"t\"}")), Rejection.MISSING_BODY, "body");
    assertRefused(() -> parser.parse(utf8("{\"body\": \" \\n\\t \"}")), Rejection.MISSING_BODY, "body");
    assertRefused(() -> parser.parse(utf8("{\"body\": 42}")), Rejection.INVALID_FIELD, "body");
  }

  @Test
  void refusesBodiesOverTheLimitInUtf8Bytes() {
    // 500 Cyrillic letters are 1000 bytes: at the limit; one more is over it
    assertThat(parser.validate(null, null, null, "ж".repeat(500), null, null).body()).hasSize(500);
    assertRefused(() -> parser.validate(null, null, null, "ж".repeat(500) + "a", null, null),
        Rejection.TOO_LARGE, "body");
  }

  @Test
  void refusesRecordsLargerThanAnyAcceptableArticle() {
    byte[] huge = new byte[(int) parser.maxRecordBytes() + 1];
    assertRefused(() -> parser.parse(huge), Rejection.TOO_LARGE, null);
  }

  @Test
  void refusesInvalidUtf8() {
    byte[] bytes = utf8("{\"body\": \"caf\u00e9\"}");
    byte[] broken = bytes.clone();
    broken[14] = (byte) 0xC3;
    broken[15] = (byte) 0x28;
    assertRefused(() -> parser.parse(broken), Rejection.INVALID_UTF8, null);
    assertThatThrownBy(() -> ArticleParser.decodeUtf8(new byte[] {'a', (byte) 0xFF}, "body"))
        .hasMessageContaining("body").hasMessageContaining("offset 1");
    // overlong encoding of '/' and a lone surrogate are malformed too
    assertRefused(() -> ArticleParser.decodeUtf8(new byte[] {(byte) 0xC0, (byte) 0xAF}, "body"),
        Rejection.INVALID_UTF8, "body");
    assertRefused(() -> ArticleParser.decodeUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "body"),
        Rejection.INVALID_UTF8, "body");
  }

  @Test
  void dropsAByteOrderMark() {
    assertThat(ArticleParser.decodeUtf8(utf8("\uFEFFтекст"), "body")).isEqualTo("текст");
    assertThat(parser.parse(utf8("\uFEFF{\"body\": \"x\"}")).body()).isEqualTo("x");
  }

  @Test
  void refusesMalformedJson() {
    assertRefused(() -> parser.parse(utf8("{\"body\": ")), Rejection.INVALID_JSON, null);
    assertRefused(() -> parser.parse(utf8("[{\"body\": \"x\"}]")), Rejection.INVALID_JSON, null);
    assertRefused(() -> parser.parse(utf8("{\"body\": \"x\"} {\"body\": \"y\"}")), Rejection.INVALID_JSON, null);
    assertRefused(() -> parser.parse(utf8("{\"body\": \"x\", \"body\": \"y\"}")), Rejection.INVALID_JSON, null);
    assertRefused(() -> parser.parse(utf8("   ")), Rejection.INVALID_JSON, null);
  }

  @Test
  void acceptsOffsetsZuluAndDatesAtStartOfDayInAlmaty() {
    assertThat(parser.validate(null, null, null, "b", "2025-03-13T10:00:00Z", null).publishedAt())
        .isEqualTo(Instant.parse("2025-03-13T10:00:00Z"));
    assertThat(parser.validate(null, null, null, "b", "2025-03-13T10:00:00.250+06:00", null).publishedAt())
        .isEqualTo(Instant.parse("2025-03-13T04:00:00.250Z"));
    Instant dateOnly = parser.validate(null, null, null, "b", "2025-03-13", null).publishedAt();
    assertThat(dateOnly).isEqualTo(java.time.LocalDate.of(2025, 3, 13).atStartOfDay(ArticleParser.ALMATY).toInstant());
    assertThat(dateOnly).isBefore(Instant.parse("2025-03-13T00:00:00Z"));
  }

  @Test
  void refusesUnreadableDates() {
    for (String bad : List.of("2025-03-13T10:00:00", "13.03.2025", "2025-02-30", "yesterday", "2025-3-1")) {
      assertRefused(() -> parser.validate(null, null, null, "b", bad, null), Rejection.INVALID_PUBLISHED_AT,
          "published_at");
    }
    assertRefused(() -> parser.parse(utf8("{\"body\": \"b\", \"published_at\": 1700000000000}")),
        Rejection.INVALID_PUBLISHED_AT, "published_at");
  }

  @Test
  void refusesDatesInTheFutureBeyondTheSkewAndBefore1991() {
    Instant slightlyAhead = NOW.plus(ArticleParser.FUTURE_SKEW).minusSeconds(1);
    assertThat(parser.validate(null, null, null, "b", slightlyAhead.toString(), null).publishedAt())
        .isEqualTo(slightlyAhead);
    String tooFar = NOW.plus(ArticleParser.FUTURE_SKEW).plusSeconds(1).toString();
    assertRefused(() -> parser.validate(null, null, null, "b", tooFar, null), Rejection.PUBLISHED_AT_OUT_OF_RANGE,
        "published_at");
    // tomorrow in Almaty has not started yet at 11:00 local time
    assertRefused(() -> parser.validate(null, null, null, "b", "2025-03-15", null),
        Rejection.PUBLISHED_AT_OUT_OF_RANGE, "published_at");
    assertThat(parser.validate(null, null, null, "b", "1991-01-01", null).publishedAt())
        .isEqualTo(ArticleParser.EARLIEST_PUBLISHED_AT);
    assertRefused(() -> parser.validate(null, null, null, "b", "1990-12-31", null),
        Rejection.PUBLISHED_AT_OUT_OF_RANGE, "published_at");
  }

  @Test
  void acceptsOnlyEnglishRussianAndKazakh() {
    assertThat(parser.validate(null, null, null, "b", null, " KK ").language()).isEqualTo("kk");
    assertRefused(() -> parser.validate(null, null, null, "b", null, "kz"), Rejection.INVALID_LANGUAGE, "language");
    assertRefused(() -> parser.validate(null, null, null, "b", null, "russian"), Rejection.INVALID_LANGUAGE,
        "language");
  }

  @Test
  void acceptsOnlyAbsoluteHttpUrls() {
    assertThat(parser.validate("http://example.kz/a", null, null, "b", null, null).url()).isEqualTo("http://example.kz/a");
    for (String bad : List.of("ftp://example.kz/a", "example.kz/a", "https://", "javascript:alert(1)",
        "https://example.kz/a b", "https://example.kz:99999999999/a")) {
      assertRefused(() -> parser.validate(bad, null, null, "b", null, null), Rejection.INVALID_URL, "url");
    }
    assertRefused(() -> parser.parse(utf8("{\"body\": \"b\", \"url\": [\"https://example.kz\"]}")),
        Rejection.INVALID_URL, "url");
  }

  @Test
  void limitsTitleAndSource() {
    assertRefused(() -> parser.validate(null, null, "t".repeat(ArticleParser.MAX_TITLE_CHARS + 1), "b", null, null),
        Rejection.INVALID_FIELD, "title");
    assertRefused(() -> parser.validate(null, "s".repeat(ArticleParser.MAX_SOURCE_CHARS + 1), null, "b", null, null),
        Rejection.INVALID_FIELD, "source");
  }

  @Test
  void parsesArraysAndNamesTheBadElement() {
    List<ArticleInput> two = parser.parseOneOrMany(utf8("[{\"body\": \"one\"}, {\"body\": \"two\"}]"));
    assertThat(two).extracting(ArticleInput::body).containsExactly("one", "two");
    assertThat(parser.parseOneOrMany(utf8("{\"body\": \"one\"}"))).hasSize(1);
    assertThatThrownBy(() -> parser.parseOneOrMany(utf8("[{\"body\": \"one\"}, {\"body\": \"two\", \"language\": \"de\"}]")))
        .isInstanceOfSatisfying(InvalidArticleException.class, e -> {
          assertThat(e.index()).isEqualTo(1);
          assertThat(e.field()).isEqualTo("language");
          assertThat(e.rejection()).isEqualTo(Rejection.INVALID_LANGUAGE);
        });
    assertRefused(() -> parser.parseOneOrMany(utf8("[]")), Rejection.INVALID_JSON, null);
    assertRefused(() -> parser.parseOneOrMany(utf8("\"text\"")), Rejection.INVALID_JSON, null);
  }
}
