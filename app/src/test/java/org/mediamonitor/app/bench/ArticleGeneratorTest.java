package org.mediamonitor.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ArticleGeneratorTest {

  private static final int N = 3_000;

  @Test
  void writesEnglishRussianAndKazakhInTheirOwnScripts() {
    List<ArticleGenerator.Article> articles = new ArticleGenerator(1, 0.3).next(N);
    Map<String, Long> byLanguage = articles.stream()
        .collect(Collectors.groupingBy(ArticleGenerator.Article::language, Collectors.counting()));
    assertThat(byLanguage.keySet()).containsExactlyInAnyOrder("en", "ru", "kk");
    assertThat(byLanguage.values()).allSatisfy(count -> assertThat(count).isGreaterThan(N / 10));
    for (ArticleGenerator.Article a : articles) {
      boolean cyrillic = a.body().chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
      assertThat(cyrillic).as("script of a %s article", a.language()).isEqualTo(!a.language().equals("en"));
      if (a.language().equals("kk")) {
        // letters only Kazakh has, so that it is not Russian with another label
        assertThat(a.body()).containsPattern("[әғқңөұүһі]");
      }
    }
  }

  @Test
  void bodiesAreTwoToEightKilobytesAndAllDifferent() {
    List<ArticleGenerator.Article> articles = new ArticleGenerator(2, 0.3).next(N);
    assertThat(articles).allSatisfy(a -> assertThat(a.bodyBytes())
        .isBetween(ArticleGenerator.MIN_BYTES, ArticleGenerator.MAX_BYTES));
    Set<String> bodies = new HashSet<>();
    Set<String> urls = new HashSet<>();
    articles.forEach(a -> {
      bodies.add(a.body());
      urls.add(a.url());
    });
    assertThat(bodies).hasSize(N);
    assertThat(urls).hasSize(N);
    // the sizes spread over the range rather than clustering at one end
    assertThat(articles.stream().mapToInt(ArticleGenerator.Article::bodyBytes).min().orElseThrow()).isLessThan(3_000);
    assertThat(articles.stream().mapToInt(ArticleGenerator.Article::bodyBytes).max().orElseThrow()).isGreaterThan(7_000);
  }

  @Test
  void aboutTheRequestedShareReportsChargesOfEveryKind() {
    List<ArticleGenerator.Article> articles = new ArticleGenerator(3, 0.3).next(N);
    Map<ArticleGenerator.Kind, Long> byKind = articles.stream()
        .collect(Collectors.groupingBy(ArticleGenerator.Article::kind, Collectors.counting()));
    long charged = articles.stream().filter(a -> a.kind().charge()).count();
    assertThat((double) charged / N).isBetween(0.26, 0.34);
    assertThat(byKind.keySet()).contains(ArticleGenerator.Kind.CRIMINAL, ArticleGenerator.Kind.CIVIL,
        ArticleGenerator.Kind.ADMINISTRATIVE, ArticleGenerator.Kind.NEWS);
    assertThat(new ArticleGenerator(3, 0.0).next(500)).noneMatch(a -> a.kind().charge());
    assertThat(new ArticleGenerator(3, 1.0).next(500)).allMatch(a -> a.kind().charge());
  }

  @Test
  void chargeArticlesNameTheirLegalBasis() {
    for (ArticleGenerator.Article a : new ArticleGenerator(4, 0.5).next(1_000)) {
      switch (a.kind()) {
        case CRIMINAL -> assertThat(a.body()).containsPattern("274|174");
        case CIVIL -> assertThat(a.body()).containsPattern("(?i)honou?r|чести|ар-намыс").containsPattern("(?i)tenge|тенге|теңге");
        case ADMINISTRATIVE -> assertThat(a.body()).containsPattern("456-2|73-3");
        default -> assertThat(a.body()).doesNotContainPattern("Criminal Code|УК РК|ҚР ҚК|КоАП|ӘҚБтК|Administrative Offences");
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameArticlesAndAnotherSeedOthers() {
    List<ArticleGenerator.Article> a = new ArticleGenerator(42, 0.3).next(200);
    List<ArticleGenerator.Article> b = new ArticleGenerator(42, 0.3).next(200);
    List<ArticleGenerator.Article> c = new ArticleGenerator(43, 0.3).next(200);
    assertThat(a).isEqualTo(b);
    Set<String> other = c.stream().map(ArticleGenerator.Article::body).collect(Collectors.toSet());
    assertThat(a).noneMatch(x -> other.contains(x.body()));
  }

  @Test
  void publicationTimesParseAndLieInThePast() {
    Map<String, ArticleGenerator.Article> byUrl = new ArticleGenerator(5, 0.3).next(300).stream()
        .collect(Collectors.toMap(ArticleGenerator.Article::url, Function.identity()));
    assertThat(byUrl.values()).allSatisfy(x -> assertThat(OffsetDateTime.parse(x.publishedAt()))
        .isBefore(OffsetDateTime.now()));
  }

  @Test
  void refusesAShareOutsideZeroToOne() {
    assertThatThrownBy(() -> new ArticleGenerator(1, 1.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
