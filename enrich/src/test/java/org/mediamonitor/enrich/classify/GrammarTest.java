package org.mediamonitor.enrich.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Numbers, amounts, dates and language detection, on invented sentences. */
class GrammarTest {

  private static long amount(String text) {
    String lower = new TextIndex(text).lowerText();
    List<Grammar.Amount> a = Grammar.amounts(lower, 0, lower.length());
    assertThat(a).as(text).hasSize(1);
    return a.get(0).kzt();
  }

  @Test
  void shouldParseAmountsOfTengeInThreeLanguages() {
    assertThat(amount("The editor is asked to pay 25 million tenge.")).isEqualTo(25_000_000L);
    assertThat(amount("The court collected 1 million 190 thousand tenge.")).isEqualTo(1_190_000L);
    assertThat(amount("Истец требует 1 млн 190 тыс. тенге.")).isEqualTo(1_190_000L);
    assertThat(amount("Суд взыскал 300 тысяч тенге.")).isEqualTo(300_000L);
    assertThat(amount("Талап етілген сома – 5 миллион теңге.")).isEqualTo(5_000_000L);
    assertThat(amount("demands in the amount of KZT145 millions and 560 thousands")).isEqualTo(145_560_000L);
    assertThat(amount("claimed 47,500,000 tenge in total")).isEqualTo(47_500_000L);
    assertThat(amount("иск на 2,5 млн тенге")).isEqualTo(2_500_000L);
  }

  @Test
  void shouldNotJoinAYearWithTheAmountAfterIt() {
    assertThat(amount("in 2020 300 тысяч тенге were claimed")).isEqualTo(300_000L);
  }

  @Test
  void shouldIgnoreNumbersWithoutCurrency() {
    String lower = new TextIndex("The harvest reached 17 million tons.").lowerText();
    assertThat(Grammar.amounts(lower, 0, lower.length())).isEmpty();
  }

  private static LocalDate date(String text, LocalDate reference) {
    String lower = new TextIndex(text).lowerText();
    List<Grammar.DateMention> d = Grammar.dates(lower, 0, lower.length());
    assertThat(d).as(text).isNotEmpty();
    return d.get(0).resolve(reference);
  }

  @Test
  void shouldResolveDatesWithoutYearAgainstThePublicationDate() {
    LocalDate published = LocalDate.of(2021, 8, 31);
    assertThat(date("On August 24, a reporter was pushed out.", published)).isEqualTo(LocalDate.of(2021, 8, 24));
    assertThat(date("24 августа журналиста задержали.", published)).isEqualTo(LocalDate.of(2021, 8, 24));
    assertThat(date("24 тамызда тілші ұсталды.", published)).isEqualTo(LocalDate.of(2021, 8, 24));
    assertThat(date("Ноябрь, 03 суд принял иск", LocalDate.of(2014, 11, 20))).isEqualTo(LocalDate.of(2014, 11, 3));
    // A December event reported in January belongs to the previous year.
    assertThat(date("On December 28 the site was blocked.", LocalDate.of(2022, 1, 5)))
        .isEqualTo(LocalDate.of(2021, 12, 28));
    assertThat(date("The hearing was on 3 October 2024.", null)).isEqualTo(LocalDate.of(2024, 10, 3));
  }

  @Test
  void shouldNotResolveADateWithoutYearOrReference() {
    assertThat(date("On August 24, a reporter was pushed out.", null)).isNull();
  }

  @Test
  void shouldReadNumberWords() {
    assertThat(Grammar.numberWord("четверо")).isEqualTo(4);
    assertThat(Grammar.numberWord("two")).isEqualTo(2);
    assertThat(Grammar.numberWord("үш")).isEqualTo(3);
    assertThat(Grammar.numberWord("12")).isEqualTo(12);
    assertThat(Grammar.numberWord("он")).isNull();
  }

  @Test
  void shouldDetectLanguageIncludingMixedTexts() {
    Classifier c = Classifier.compile(Taxonomy.bundled());
    assertThat(c.classify(null, "The court fined the editor of an invented weekly in Taraz.", null, null).language())
        .isEqualTo("en");
    assertThat(c.classify(null, "Суд оштрафовал редактора выдуманной газеты в Таразе за публикацию.", null, null)
        .language()).isEqualTo("ru");
    assertThat(c.classify(null, "Сот ойдан шығарылған газеттің редакторына айыппұл салды. Бұл шешімге шағым түседі.",
        null, null).language()).isEqualTo("kk");
    // A Russian text quoting one Kazakh phrase stays Russian; a Kazakh header on English text stays English.
    assertThat(c.classify(null, "Редактор газеты «Жаңа өмір» сообщил, что суд отклонил иск акимата к изданию "
        + "и оставил решение без изменения, а сама редакция продолжает работу в обычном режиме.", null, null)
        .language()).isEqualTo("ru");
    assertThat(c.classify(null, "Сөз бостандығын қорғау қоры\nThe foundation reports that a reporter was summoned "
        + "to the police after publishing an article about the invented mayor of a small town.", null, null)
        .language()).isEqualTo("en");
  }

  @Test
  void shouldReadTheDateOfAPageFromItsAddress() {
    assertThat(Grammar.dateInUrl("https://news.example/2024/04/12/editor-fined", 2027)).isEqualTo(LocalDate.of(2024, 4, 12));
    assertThat(Grammar.dateInUrl("https://news.example/2024/04/editor-fined", 2027)).isEqualTo(LocalDate.of(2024, 4, 30));
    assertThat(Grammar.dateInUrl("https://old.monitor.example/p/mon2019-08-razd3", 2027))
        .isEqualTo(LocalDate.of(2019, 8, 31));
    assertThat(Grammar.dateInUrl("https://monitor.example/en/violations-in-kazakhstan-july-2024.html", 2027))
        .isEqualTo(LocalDate.of(2024, 7, 31));
    assertThat(Grammar.dateInUrl("https://lab.example/post/2023-kazakhstan-report/", 2027))
        .isEqualTo(LocalDate.of(2023, 6, 30));
    // ids and numbers that only look like years, years before 1991 or after the latest: none
    assertThat(Grammar.dateInUrl("https://news.example/news/news-3167.html", 2027)).isNull();
    assertThat(Grammar.dateInUrl("https://news.example/incident/2277333-sud-vstal", 2027)).isNull();
    assertThat(Grammar.dateInUrl("https://archive.example/1986/12/", 2027)).isNull();
    assertThat(Grammar.dateInUrl("https://news.example/2031/01/", 2027)).isNull();
    assertThat(Grammar.dateInUrl(null, 2027)).isNull();
  }
}
