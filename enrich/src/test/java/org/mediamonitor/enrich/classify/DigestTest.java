package org.mediamonitor.enrich.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Monthly digests of other monitors, invented (the foundation, people and outlets are made up):
 * the summary against the events it lists, the year-to-date part, and the events' dates.
 */
class DigestTest {

  private static final Classifier CLASSIFIER = Classifier.compile(Taxonomy.bundled());

  private static Classification classify(String body, String published) {
    return CLASSIFIER.classify(null, body, Instant.parse(published), null);
  }

  private static List<String> charges(List<Classification.ChargeResult> charges) {
    return charges.stream().map(c -> c.kind() + ":" + c.stage() + ":" + c.count()).toList();
  }

  private static final String INLINE_SUMMARY = """
      Violations of freedom of speech in Kazakhstan: April 2026
      The invented foundation «Erkin Til» reviews freedom of expression in Kazakhstan in April 2026.

      In April 2026 the foundation recorded:
      5 claims and charges against journalists, media and citizens: 1 criminal charge (in court), 3 civil claims (2 for honour, dignity and business reputation), 1 administrative charge.

      EVENTS OF APRIL
      April 14. The Saryarka district court of Astana began hearing the case of blogger Omar Zhaksylykov, accused under Art. 131 of the Criminal Code of insulting an akim.
      April 20. The administrative court of Oral fined the owner of the invented weekly Zhaiyk Aptasy under Article 456-2 of the Code of Administrative Offences.
      """;

  @Test
  void shouldCountThePersonsASummaryGivesBesideItsCases() {
    Classification c = classify("""
        Нарушения свободы слова в Казахстане. Август 2024
        Выдуманный фонд «Ашық пікір» представляет обзор событий в августе 2024 года.

        11 сообщений о досудебных и судебных претензиях и исках к журналистам, СМИ и гражданам, в том числе:
        – 4 досудебных уголовных расследования в отношении шести человек, все – по статье о распространении заведомо ложной информации;
        – 5 гражданских исков и досудебных претензий к СМИ;
        – 2 административных дела.

        СОБЫТИЯ В АВГУСТЕ 2024 ГОДА

        9 августа. Усть-Каменогорск. Полиция задержала администратора выдуманного канала «Өскемен тынысы».
        """, "2024-10-24T06:00:00Z");
    // the tally keeps the cases as stated; the charge counts persons (TAXONOMY)
    assertThat(c.reportedTallies().monthFigures().asMap()).containsEntry("criminal", 4L);
    assertThat(charges(c.charges())).contains("criminal:filed:6", "civil:unknown:5", "administrative:unknown:2");
  }

  @Test
  void shouldReadASummarysBulletsWhoseFiguresAreWords() {
    Classification c = classify("""
        Нарушения свободы слова в Казахстане. Октябрь 2018 года
        Выдуманный фонд «Ашық пікір» провёл мониторинг ситуации со свободой выражения в октябре 2018 года.

        Среди сообщений:

        - В Атырау направлено в суд уголовное дело блогера выдуманного канала «Жайық» Арлана Серикова.

        - Корреспонденту выдуманного сайта «Іле ақпарат» Ерлану Сапарову отказали в аккредитации.

        - С 15 октября недоступен сайт выдуманного издания «Дала үні».

        В октябре СМИ и гражданам предъявлены:

        - два уголовных обвинения (одно из них — в суде);

        - пять исков о защите чести, достоинства и деловой репутации;

        - одно административное обвинение.
        """, "2018-11-12T06:00:00Z");
    assertThat(c.reportedTallies().monthFigures().asMap()).containsEntry("criminal", 2L)
        .containsEntry("criminal_in_court", 1L).containsEntry("administrative", 1L);
    assertThat(charges(c.charges())).contains("civil:unknown:5", "administrative:unknown:1");
  }

  @Test
  void shouldTakeTheSummarysChargesFromItsFiguresClauseByClause() {
    Classification c = classify(INLINE_SUMMARY, "2026-05-20T06:00:00Z");
    Classification.IncidentResult summary = c.incidents().stream().filter(Classification.IncidentResult::summary)
        .filter(i -> !i.charges().isEmpty()).findFirst().orElseThrow();
    // one sentence names three kinds: each gets its own figure, and "(in court)" only the criminal one
    assertThat(charges(summary.charges())).containsExactlyInAnyOrder("criminal:in_court:1", "civil:unknown:3",
        "administrative:unknown:1");
  }

  @Test
  void shouldNotListAnEventOfAKindTheSummaryAlreadyCounts() {
    Classification c = classify(INLINE_SUMMARY, "2026-05-20T06:00:00Z");
    // the trial and the fine are among the summary's 1 criminal and 1 administrative
    assertThat(charges(c.charges())).containsExactlyInAnyOrder("criminal:in_court:1", "civil:unknown:3",
        "administrative:unknown:1");
    List<Classification.IncidentResult> events = c.incidents().stream().filter(i -> !i.summary()).toList();
    assertThat(events).hasSize(2);
    assertThat(events.get(1).charges()).extracting(Classification.ChargeResult::kind).containsExactly("administrative");
    assertThat(events.get(1).date()).isEqualTo(LocalDate.of(2026, 4, 20));
  }

  @Test
  void shouldReadYearToDateFiguresThatNameTheKindFirstAndCompareWithLastYear() {
    String digest = """
        Violations of freedom of speech in Kazakhstan August 2026
        The invented foundation «Erkin Til» publishes a review of the events of August 2026.
        11 reports of pre-trial and court claims against journalists, media outlets and citizens. These include:
        - 3 pre-trial criminal accusations,
        - 6 civil court and pre-trial claims against media outlets,
        - 2 administrative charges of defamation.
        In the first eight months of 2026, the foundation recorded 101 legal cases, against 72 in the same period of 2025. Criminal charges: 12 (9 in January-August 2025). Civil claims: 71 (51 in 2025). Administrative charges: 18 (12 in 2025).
        EVENTS OF THE MONTH
        August 2, Pavlodar
        A reporter of the invented outlet «Ertis Kuni», Aliya Sadykova, was pushed out of public hearings on tariffs.
        """;
    Classification c = classify(digest, "2026-09-10T06:00:00Z");
    assertThat(c.reportedTallies().monthFigures().asMap()).containsAllEntriesOf(Map.of(
        "criminal", 3L, "civil", 6L, "administrative", 2L));
    assertThat(c.reportedTallies().yearToDate().asMap()).containsAllEntriesOf(Map.of(
        "criminal", 12L, "civil", 71L, "administrative", 18L));
    assertThat(c.charges()).noneMatch(ch -> ch.count() != null && ch.count() >= 12);
    // "August 2, Pavlodar" on a line of its own heads the event: it is the event's date
    Classification.IncidentResult event = c.incidents().stream().filter(i -> !i.summary()).findFirst().orElseThrow();
    assertThat(event.date()).isEqualTo(LocalDate.of(2026, 8, 2));
  }

  @Test
  void shouldReadATotalOfNoKindBeforeAColonAsNoFigureOfAKind() {
    String digest = """
        Violations of freedom of speech in Kazakhstan April 2026
        In April 2026, the monitoring recorded:
        - 2 criminal accusations,
        - 5 civil claims against media outlets.
        In January-April 2026, the foundation recorded 38 legal cases: 6 criminal accusations, 24 civil claims, 8 administrative charges.
        """;
    Classification c = classify(digest, "2026-05-10T06:00:00Z");
    assertThat(c.reportedTallies().yearToDate().asMap()).containsAllEntriesOf(Map.of(
        "criminal", 6L, "civil", 24L, "administrative", 8L));
  }

  @Test
  void shouldSplitAnOldStyleDigestAtItsDayLinesWithoutAYear() {
    String digest = """
        Нарушения свободы слова в Казахстане. Октябрь 2016 года
        Выдуманный фонд «Еркін тіл» провел мониторинг нарушений права на свободу выражения в октябре 2016 года.

        1. Нападения на журналистов

        Октябрь, 06
        Руслан Бекмуратов, оператор выдуманного телеканала «Жетісу Толқыны», г. Талдыкорган
        Охранники рынка избили оператора, снимавшего сюжет о торговле просроченными продуктами.

        2. Уголовные преследования

        Октябрь, 27
        Блогер Нурлан Сейтказиев, г. Шымкент
        В отношении блогера начато досудебное расследование по ст. 174 УК РК.
        """;
    Classification c = classify(digest, "2016-11-10T06:00:00Z");
    List<Classification.IncidentResult> events = c.incidents().stream().filter(i -> !i.summary()).toList();
    assertThat(events).hasSize(2);
    assertThat(events.get(0).date()).isEqualTo(LocalDate.of(2016, 10, 6));
    assertThat(events.get(0).violationTypes()).contains("attack_on_journalist");
    assertThat(events.get(1).date()).isEqualTo(LocalDate.of(2016, 10, 27));
    assertThat(charges(events.get(1).charges())).containsExactly("criminal:filed:1");
  }

  @Test
  void shouldReadInflectedTengeAndTheTrialStageInASummary() {
    String kk = """
        Қазақстандағы сөз бостандығының бұзылуы. 2026 жылғы сәуір
        2026 жылғы сәуірде мыналар тіркелді:
        – 2 қылмыстық айып (екеуі де сотта қаралуда);
        – 5 азаматтық талап.
        Сәуір айында моральдық зиянды өтеу туралы талаптардың жалпы сомасы 35 миллион теңгені құрады, соттар 400 мың теңге өндірді.
        """;
    Classification.Figures month = classify(kk, "2026-05-15T06:00:00Z").reportedTallies().monthFigures();
    assertThat(month.asMap()).containsAllEntriesOf(Map.of("criminal", 2L, "criminal_in_court", 2L, "civil", 5L,
        "damages_claimed_kzt", 35_000_000L, "damages_awarded_kzt", 400_000L));
    String en = """
        Violations of freedom of speech in Kazakhstan: May 2026
        In May 2026 the foundation recorded:
        - 3 criminal charges (2 of them at the trial stage);
        - 4 civil claims.
        """;
    Classification c = classify(en, "2026-06-10T06:00:00Z");
    assertThat(c.reportedTallies().monthFigures().asMap()).containsEntry("criminal_in_court", 2L);
    // the remainder is not in court, and the digest does not say where it is
    assertThat(charges(c.charges())).contains("criminal:in_court:2", "criminal:unknown:1");
  }

  @Test
  void shouldCountTheMonthsFiguresOnceWhenTwoFramesOfTheDigestStateThem() throws Exception {
    // blind5's September 2020 digest: its introduction (aligned with the month's figures) and its
    // "ЦИФРЫ МЕСЯЦА" block both give the criminal, civil and administrative figures
    ArticleFile file = ArticleFile.read(
        CorpusPaths.repositoryRoot().resolve("enrich/src/test/resources/blind5/ru/003.txt"));
    Classification c = CLASSIFIER.classify(file.title(), file.body(), file.publishedAt(), null);
    Map<String, Integer> byKind = new java.util.TreeMap<>();
    c.charges().forEach(ch -> byKind.merge(ch.kind(), ch.count() == null ? 1 : ch.count(), Integer::sum));
    assertThat(byKind).containsExactlyInAnyOrderEntriesOf(Map.of("criminal", 3, "civil", 7, "administrative", 4));
  }

  @Test
  void shouldCountACaseADigestListsWithoutNamingWhyItIsAboutSpeech() {
    String ru = """
        Нарушения свободы слова в Казахстане. Сентябрь 2016 года
        Выдуманный фонд «Еркін сөз» провел исследование нарушений свободы слова в сентябре 2016 года.

        Среди сообщений:

        - Айдар и Марат Сейтовы в ходе судебных прений еще раз заявили о своей невиновности. Айдар Сейтов в последнем слове назвал имена заказчиков уголовного преследования.

        - Министр обвиняет режиссера Арсена Калиева в клевете.
        """;
    Classification c = classify(ru, "2016-10-05T06:00:00Z");
    assertThat(charges(c.charges())).anyMatch(ch -> ch.startsWith("criminal:in_court"));
  }

  @Test
  void shouldReadTheCategoriesOfAKazakhAndARussianSummary() {
    String kk = """
        Қазақстандағы сөз бостандығының бұзылуы. 2026 жылғы сәуір
        2026 жылғы сәуірде мыналар тіркелді:
        Журналистердің құқықтарын бұзу туралы 5 хабар, оның ішінде:
        – құқық қорғау органдарына 1 шақыру;
        – БАҚ пен журналистердің атын және бейнесін заңсыз пайдаланудың 2 жағдайы.
        Ақпаратты еркін алу және тарату құқығын бұзу туралы 4 хабар, оның ішінде:
        – БАҚ-ты кемсітудің 1 жағдайы;
        – ақпарат таратқаны үшін азаматтарды қудалаудың 2 жағдайы.
        """;
    assertThat(classify(kk, "2026-05-15T06:00:00Z").violationTypes()).contains("summons_to_law_enforcement",
        "misuse_of_image", "media_discrimination", "persecution_for_dissemination");
    String ru = """
        Нарушения свободы слова в Казахстане. Февраль 2026 года
        В феврале 2026 года зафиксировано:
        — 1 вызов журналиста в правоохранительные органы;
        — 3 случая преследования граждан за распространение информации.
        """;
    assertThat(classify(ru, "2026-03-10T06:00:00Z").violationTypes()).contains("summons_to_law_enforcement",
        "persecution_for_dissemination");
  }

  @Test
  void shouldGiveASummarysCivilFigureNoStageEvenWhenItNamesPreTrialClaims() {
    String kk = """
        Қазақстандағы сөз бостандығының бұзылуы. 2026 жылғы қазан
        2026 жылғы қазанда мыналар тіркелді:
        – 2 қылмыстық айып;
        – 7 азаматтық талап арыз бен сотқа дейінгі талап-шағым.
        """;
    Classification c = classify(kk, "2026-11-10T06:00:00Z");
    assertThat(charges(c.charges())).contains("civil:unknown:7");
  }

  @Test
  void shouldReadAQuarterlyOverviewThatGivesTheLastMonthsFigures() {
    String kk = """
        Қазақстандағы сөз бостандығы: 2026 жылғы І тоқсанға шолу (наурыз айының көрсеткіштерімен)
        Ойдан шығарылған «Дала Үні» мониторинг орталығы 2026 жылғы қаңтар–наурыз айларына тоқсандық шолу ұсынады.
        НАУРЫЗ, 2026
        Қылмыстық айыптау – 2 (оның ішінде сотта – 1)
        Азаматтық талаптар мен сотқа дейінгі шағымдар – 5
        Әкімшілік айыптау – 3
        2026 ЖЫЛҒЫ І ТОҚСАН (ҚАҢТАР–НАУРЫЗ)
        Қылмыстық айыптау – 6 (оның ішінде сотта – 2)
        Азаматтық талаптар мен сотқа дейінгі шағымдар – 14
        Әкімшілік айыптау – 9
        """;
    Classification c = classify(kk, "2026-04-18T06:00:00Z");
    assertThat(c.reportedTallies().monthFigures().asMap()).containsAllEntriesOf(Map.of("criminal", 2L,
        "criminal_in_court", 1L, "civil", 5L, "administrative", 3L));
    assertThat(c.reportedTallies().yearToDate().asMap()).containsAllEntriesOf(Map.of("criminal", 6L, "civil", 14L,
        "administrative", 9L));
  }

  @Test
  void shouldReadANumberedSummaryAfterADatedHeaderAndTheYearAsAWhole() {
    // a title that names the year's results, the report's own date alone on a line, list numbers
    // before spelled-out figures, and the year's figures introduced by "as a whole"
    String en = """
        Freedom of speech in Kazakhstan: March 2026 and the results of the quarter
        Invented Foundation «Kokzhiek Soz»

        14 april 2026

        In March 2026, the monitoring service of the foundation recorded 17 reports of violations and 8 new claims and accusations against journalists, media outlets and citizens.

        The new legal actions of March are:
        1. three criminal cases, all at the stage of pre-trial investigation;
        2. four civil lawsuits and pre-trial claims, three of which concern the protection of honour, dignity and business reputation;
        3. one administrative case under Article 456-2 of the Code of Administrative Offences.

        For 2026 as a whole, the foundation has so far recorded 7 criminal cases (2 of them reached the courts), 11 civil claims and 5 administrative cases.

        March 9. Kostanay. The police opened a pre-trial investigation under Article 274 of the Criminal Code against blogger Erlan Tokbergenov.
        """;
    Classification c = classify(en, "2026-04-14T06:00:00Z");
    assertThat(c.reportedTallies().monthFigures().asMap()).containsAllEntriesOf(Map.of("criminal", 3L, "civil", 4L,
        "civil_honor_dignity", 3L, "administrative", 1L));
    assertThat(c.reportedTallies().yearToDate().asMap()).containsAllEntriesOf(Map.of("criminal", 7L,
        "criminal_in_court", 2L, "civil", 11L, "administrative", 5L));
    assertThat(charges(c.charges())).containsExactlyInAnyOrder("criminal:filed:3", "civil:unknown:4",
        "administrative:unknown:1");
  }

  @Test
  void shouldNotReadTheNumbersOfAListAsFigures() {
    // an NGO statement numbering its incidents is not a summary of figures
    String en = """
        Statement of the invented Union of Steppe Reporters

        1. On 4 May in Taraz, a cameraman of the invented Talas Kuni channel was beaten while filming. The police opened a case under Article 293 of the Criminal Code.

        2. On 9 May in Oral, the editor of the invented Zhaiyk Line site received threats after an investigation.

        3. On 12 May, a reporter of the invented Aqtobe Nota portal was refused entry to a session of the maslikhat.

        The union demands:
        - that the police find the attackers;
        - that the threats be investigated;
        - that the maslikhat open its sessions to all journalists.
        """;
    Classification c = classify(en, "2026-05-20T06:00:00Z");
    assertThat(c.charges()).isEmpty();
  }

  @Test
  void shouldReadAnOldLayoutWhoseEventsAreHeadedByTheirDayAndSections() {
    // no header cue and no publication date: the section of an old monthly report, each event
    // headed by its day alone on a line, the year only in a cited newspaper's date
    String ru = """
        III. Обвинения, предъявленные СМИ и гражданам

        2. Уголовное преследование

        2.1. Возбуждение уголовных дел

        Март, 4
        Данияр Ермеков, корреспондент газеты «Шалкар Жаңалығы», г. Шалкар
        Прокуратура района возбудила уголовное дело по ч. 2 ст. 129 УК РК (клевета) по заявлению акима. Поводом стала статья «Где дорога?» («Шалкар Жаңалығы», 12.02.2013).

        Март, 15
        Асель Нуркенова, блогер, г. Актобе
        Департамент полиции возбудил уголовное дело по ст. 164 УК РК в связи с ее записями в социальной сети. Суд санкционировал ее арест на два месяца.

        2.2. Судебные разбирательства

        Март, 22
        Ольга Сизова, пенсионерка, г. Рудный
        Рудненский городской суд признал жительницу города виновной по ч. 1 ст. 130 УК РК (оскорбление) и приговорил к штрафу.
        """;
    Classification c = CLASSIFIER.classify(null, ru, null, null);
    // the 1997 Criminal Code: the only year is the cited paper's, 2013
    assertThat(c.legalBasis()).contains("KZ-CC-1997-129", "KZ-CC-1997-164", "KZ-CC-1997-130");
    // three cases, each at its own stage: the heading "Судебные разбирательства" opens the third
    assertThat(charges(c.charges())).containsExactly("criminal:filed:1", "criminal:filed:1", "criminal:verdict:1");
    assertThat(c.incidents().stream().filter(i -> !i.summary()).map(Classification.IncidentResult::date).toList())
        .containsExactly(LocalDate.of(2013, 3, 4), LocalDate.of(2013, 3, 15), LocalDate.of(2013, 3, 22));
  }

  @Test
  void shouldTakeABulletThatNamesAKindOnlyAfterItsFirstSentenceForAnEvent() {
    String en = """
        Violations of Freedom of Speech in Kazakhstan April 2026
        The invented foundation «Erkin Til» examined how freedom of expression was observed in April 2026.

        It reports:

        - On April 3 and April 11, reporters who came to cover rallies in Almaty were detained with the protesters. They were released three hours later; no administrative protocols were drawn up against them.

        - The Kokshetau city court began hearing the criminal case against blogger Arsen Maulenov, accused of insult (Article 131 of the Criminal Code).

        In April, the following were brought:

        - 1 criminal charge (in court)

        - 4 civil claims and lawsuits.

        - 2 administrative charges.
        """;
    Classification c = classify(en, "2026-05-20T06:00:00Z");
    assertThat(c.reportedTallies().monthFigures().asMap()).containsAllEntriesOf(Map.of("criminal", 1L, "civil", 4L,
        "administrative", 2L));
    List<Classification.IncidentResult> events = c.incidents().stream().filter(i -> !i.summary()).toList();
    assertThat(events).hasSize(2);
    assertThat(events.get(0).violationTypes()).contains("detention_of_journalist");
  }

  @Test
  void shouldTakeADatedBulletWithAFineAndASumForAnEventNotAFigure() {
    String en = """
        Violations of Freedom of Speech in Kazakhstan March 2026
        The invented foundation «Erkin Til» looked at how freedom of expression was respected in March 2026.

        It reports:

        - On March 4, the administrative court of Astana fined the administrator of the invented Telegram channel Astana Khabar 160,000 tenge under Article 73-3 of the Code of Administrative Offences. He intends to appeal.

        - On March 12, a reporter of the invented outlet Kaspiy Tany was pushed out of a briefing of the health department.

        In March the following claims were brought:

        - 3 civil claims and lawsuits;

        - 1 administrative charge.
        """;
    Classification c = classify(en, "2026-04-20T06:00:00Z");
    List<Classification.IncidentResult> events = c.incidents().stream().filter(i -> !i.summary()).toList();
    assertThat(events).hasSize(2);
    assertThat(events.get(0).date()).isEqualTo(LocalDate.of(2026, 3, 4));
    assertThat(charges(c.charges())).containsExactlyInAnyOrder("civil:unknown:3", "administrative:unknown:1");
  }

  @Test
  void shouldSplitASectionOfChargesAgainstMediaAndCitizensByItsDays() {
    // the section's heading marks a monitor's report even when it lists only two days
    String ru = """
        III. Обвинения СМИ и граждан в связи с осуществлением права на свободу выражения

        1. Преследования в гражданском порядке

        Март, 05
        Газета «Тобыл Таңы», г. Костанай
        Костанайский городской суд принял к производству иск о защите чести и достоинства директора рынка к газете.

        Март, 19
        Ержан Бекмуханов, блогер, г. Караганда
        Аким района обратился в суд с иском о защите деловой репутации к блогеру, требуя 3 млн тенге.
        """;
    Classification c = CLASSIFIER.classify(null, ru, Instant.parse("2014-04-10T00:00:00Z"), null);
    assertThat(charges(c.charges())).containsExactly("civil:in_court:1", "civil:filed:1");
  }

  @Test
  void shouldReadEventsLedByTheirTownAndAClosingSummaryAfterThem() {
    String ru = """
        Свобода слова в Казахстане: обзор за март 2026 года
        Вымышленный фонд «Сөз Қорғаны» · ежемесячный обзор

        Март запомнился делами против авторов постов: из трех уголовных обвинений месяца два предъявлены пользователям соцсетей.

        УГОЛОВНОЕ ПРЕСЛЕДОВАНИЕ

        Павлодар, 4 марта. Активисту Ерболу Сейтову предъявлено обвинение по ст. 274 УК РК за видео в Instagram.

        Семей, 17 марта. Городской суд признал пенсионерку Галину Орлову виновной по ст. 378 УК РК.

        ЦИФРЫ МЕСЯЦА

        В марте 2026 года в связи с осуществлением права на свободу выражения предъявлено:
        • уголовных обвинений – 3 (в суде – 2, на досудебной стадии – 1);
        • гражданских исков и претензий – 4;
        • административных обвинений – 1.
        """;
    Classification c = classify(ru, "2026-04-08T06:00:00Z");
    assertThat(c.reportedTallies().monthFigures().asMap()).containsAllEntriesOf(Map.of("criminal", 3L,
        "criminal_in_court", 2L, "civil", 4L, "administrative", 1L));
    // the rest of the criminal figure is said to be pre-trial
    assertThat(charges(c.charges())).containsExactlyInAnyOrder("criminal:in_court:2", "criminal:filed:1",
        "civil:unknown:4", "administrative:unknown:1");
    List<Classification.IncidentResult> events = c.incidents().stream().filter(i -> !i.summary()).toList();
    assertThat(events).extracting(Classification.IncidentResult::date).containsExactly(LocalDate.of(2026, 3, 4),
        LocalDate.of(2026, 3, 17));
  }

  @Test
  void shouldReadATableWithAColumnForTheMonthAndOneForTheYear() {
    String en = """
        Media freedom in Kazakhstan, March 2026: figures and events

        INVENTED PRAIRIE MONITOR
        Monthly report, March 2026

        1. FIGURES

        Legal actions over expression              March 2026    January-March 2026
        Criminal cases                                    4                  9
           at pre-trial investigation                     3                  6
           reached court                                  1                  3
        Civil claims (pre-trial and in court)             6                 17
           honour, dignity, business reputation           5                 15
        Administrative cases                              2                  8
        Moral damages claimed, KZT                31,000,000         95,500,000

        2. EVENTS

        9 March, Taraz
        The website of the invented outlet Talas Tany became unavailable in Kazakhstan.
        """;
    Classification c = classify(en, "2026-04-10T06:00:00Z");
    assertThat(c.reportedTallies().monthFigures().asMap()).containsAllEntriesOf(Map.of("criminal", 4L,
        "criminal_in_court", 1L, "civil", 6L, "civil_honor_dignity", 5L, "administrative", 2L,
        "damages_claimed_kzt", 31_000_000L));
    assertThat(c.reportedTallies().yearToDate().asMap()).containsAllEntriesOf(Map.of("criminal", 9L,
        "criminal_in_court", 3L, "civil", 17L, "administrative", 8L, "damages_claimed_kzt", 95_500_000L));
    // the table's rows are the month's charges; the rest of the criminal ones are at pre-trial investigation
    assertThat(charges(c.charges())).containsExactlyInAnyOrder("criminal:in_court:1", "criminal:filed:3",
        "civil:unknown:6", "administrative:unknown:2");
    assertThat(c.violationTypes()).contains("blocking_or_access_restriction");
  }

  @Test
  void shouldReadATableWhoseHeaderNamesOnlyTheTwoPeriods() {
    String en = """
        Freedom of speech in Kazakhstan: June 2026 in figures and events
        Published 14 July 2026

        In June 2026 the invented Kokpar Monitor registered twelve legal actions against journalists.

                                                     June 2026    January-June 2026
        Criminal charges                                    3                    10
           of them in court                                 2                     5
        Civil claims and lawsuits                           5                    21
        Administrative charges                              4                    12
        Compensation awarded by courts, KZT           250,000             1,400,000

        Selected events

        June 3, Oral
        A reporter of the invented Zhaiyq Evening was not let into an open session of the city maslikhat.
        """;
    Classification c = classify(en, "2026-07-14T06:00:00Z");
    assertThat(c.reportedTallies().monthFigures().asMap()).containsAllEntriesOf(Map.of("criminal", 3L,
        "criminal_in_court", 2L, "civil", 5L, "administrative", 4L, "damages_awarded_kzt", 250_000L));
    assertThat(c.reportedTallies().yearToDate().asMap()).containsAllEntriesOf(Map.of("criminal", 10L,
        "criminal_in_court", 5L, "civil", 21L, "administrative", 12L, "damages_awarded_kzt", 1_400_000L));
    assertThat(charges(c.charges())).containsExactlyInAnyOrder("criminal:in_court:2", "criminal:unknown:1",
        "civil:unknown:5", "administrative:unknown:4");
    // the rows name the kinds only as labels of figures: the kinds of action are the charges'
    assertThat(c.violationTypes()).contains("criminal_prosecution", "civil_lawsuit", "administrative_prosecution",
        "obstruction_of_professional_activity");
  }

  @Test
  void shouldReadAKazakhSummaryWhoseCategoriesStateTheirFigureLast() {
    String kk = """
        Қазақстандағы сөз бостандығының бұзылуы: 2026 жылғы наурыз

        14 сәуір 2026

        «Еркін тіл» қоры (ойдан шығарылған) наурызда мыналарды тіркеді:

        Журналистердің құқықтары бұзылғаны туралы 7 хабарлама, оның ішінде:
        — қорқыту, қоқан-лоққы көрсету – 3;
        — құқық қорғау және бақылаушы органдарға шақыру – 4.

        Журналистерге қойылған талаптар мен айыптаулар туралы 4 хабарлама:
        — 1 қылмыстық айыптау;
        — 3 азаматтық талап-арыз, оның 2-еуі ар-намысты қорғау туралы.

        Жыл басынан бері (қаңтар–наурыз) 20 талап пен айыптау тіркелді: оның 5-і – қылмыстық, 11-і – азаматтық, 4-еуі – әкімшілік.

        НАУРЫЗ ОҚИҒАЛАРЫ

        9 наурыз. Орал
        Блогер Ерлан Жақыпов полиция бөліміне жеткізіліп, екі сағат ұсталды. Полиция оны хаттама толтырмай босатты.
        """;
    Classification c = classify(kk, "2026-04-14T06:00:00Z");
    assertThat(c.reportedTallies().monthFigures().asMap()).containsAllEntriesOf(Map.of("criminal", 1L,
        "civil", 3L, "civil_honor_dignity", 2L));
    // "оның 5-і – қылмыстық": five of them criminal, not the twenty of the whole
    assertThat(c.reportedTallies().yearToDate().asMap()).containsAllEntriesOf(Map.of("criminal", 5L,
        "civil", 11L, "administrative", 4L));
    // the category lines are the summary's, not events; their kinds are the month's
    assertThat(c.incidents().stream().filter(i -> !i.summary())).hasSize(1);
    assertThat(c.violationTypes()).contains("threat_to_journalist", "summons_to_law_enforcement",
        "detention_of_journalist");
    // released "without a protocol": no administrative case
    assertThat(charges(c.charges())).containsExactlyInAnyOrder("criminal:unknown:1", "civil:unknown:3");
  }

  @Test
  void shouldKeepSummaryCategoriesWithAFigureInsideAndSplitEveryDatedEvent() {
    String kk = """
        Қазақстандағы сөз бостандығының бұзылуы: 2026 жылғы мамыр

        2026 жылғы 12 маусым

        Мамыр айында мынадай деректер тіркелді:

        Журналистердің құқықтарын бұзу туралы 5 хабарлама, оның ішінде:
        – журналистердің заңды кәсіби қызметіне кедергі келтірудің 3 жағдайы;
        – құқық қорғау органдарына 2 рет шақыру.

        Сотқа дейінгі және сот талаптары туралы 1 хабарлама:
        – 1 қылмыстық айыптау (іс сотта қаралуда).

        АЙДЫҢ ОҚИҒАЛАРЫ

        4 мамыр. Семейде «Ертіс Ақшамы» (ойдан шығарылған) газетінің тілшісін күзетшілер итеріп шығарып, камерасын жерге лақтырып жіберді.

        20 мамыр. Павлодар қалалық сотында блогер Нұржан Омаровқа (ойдан шығарылған) қатысты ҚК 274-бабы бойынша қылмыстық істі қарау басталды. Қорғаушы тарап сараптама қорытындысын даулады.
        """;
    Classification c = classify(kk, "2026-06-12T06:00:00Z");
    // the summary's category lines, whose figure stands inside them, are no events; the expert's
    // "қорытындысы" (conclusion) does not make the dated trial a summary line
    assertThat(c.incidents().stream().filter(i -> !i.summary()).map(Classification.IncidentResult::date))
        .containsExactly(LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 20));
    assertThat(c.incidents().stream().filter(i -> !i.summary()).findFirst().orElseThrow().violationTypes())
        .contains("obstruction_of_professional_activity", "attack_on_journalist");
    assertThat(charges(c.charges())).containsExactly("criminal:in_court:1");
  }

  @Test
  void shouldNotMergeADatedBulletIntoTheUndatedParagraphBeforeIt() {
    String en = """
        Violations of Freedom of Speech in Kazakhstan, March 2026

        Among the reports:

        - The invented Ministry of Public Affairs put up for discussion a draft order under which news websites that fail to register within two months could have their work suspended, which media lawyers call registration through the back door.

        - On March 9 in Taraz, Arman Dosov, a cameraman of the invented channel Talas Media, was assaulted while filming a queue; a man hit him and threw the camera onto the asphalt.

        - On March 20 a court in Oral fined blogger Aigul Nurova under Article 73-3 of the Code of Administrative Offences.

        Newly brought in March: 1 administrative charge.
        """;
    Classification c = classify(en, "2026-04-14T06:00:00Z");
    // a line that heads an event (its town, its person) is short; a bullet's paragraph is no lead
    // for the dated bullet after it
    assertThat(c.incidents().stream().filter(i -> !i.summary()).map(Classification.IncidentResult::date))
        .containsExactly(null, LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 20));
    assertThat(c.incidents().stream().filter(i -> LocalDate.of(2026, 3, 9).equals(i.date())).findFirst()
        .orElseThrow().violationTypes()).contains("attack_on_journalist");
  }

  @Test
  void shouldDateEventsByThePageAddressWhenTheTextGivesNoYear() {
    String ru = """
        III. Обвинения СМИ и граждан в связи с осуществлением права на свободу выражения

        2.1. Клевета

        Август, 02
        Иван Сомов (вымышленный), журналист, г.Талдыкорган
        Городской суд приступил к рассмотрению уголовного дела частного обвинения в клевете в отношении журналиста.

        Август, 14
        Асель Нурова (вымышленная), жительница г.Актобе
        Городской суд приговорил Асель Нурову к году ограничения свободы по ч.2 ст.274 УК РК.

        Август, 22
        Ерлан Досов (вымышленный), блогер, г.Петропавловск
        Полиция начала досудебное расследование по ч.2 ст.274 УК РК в связи с видеороликом блогера.
        """;
    Classification c = CLASSIFIER.classify(null, ru, null, null, "https://old.monitor.example/p/mon2019-08-razd3");
    assertThat(c.referenceDate()).isEqualTo(LocalDate.of(2019, 8, 31));
    assertThat(c.incidents().stream().filter(i -> !i.summary()).map(Classification.IncidentResult::date))
        .containsExactly(LocalDate.of(2019, 8, 2), LocalDate.of(2019, 8, 14), LocalDate.of(2019, 8, 22));
    // slander in 2019 was still the Criminal Code's
    assertThat(c.legalBasis()).contains("KZ-CC-130").doesNotContain("KZ-CAO-73-3");
  }

  @Test
  void shouldAddUpACriminalFigureATableGivesOnlyByStage() {
    String en = """
        Freedom of speech in Kazakhstan: monitoring results for March 2026

        The invented Saryarqa Monitor lists the figures of March 2026 and of the year so far.

        Category                                              March   Jan-Mar 2026
        Claims and charges against media and citizens, total     8            19
           criminal charges, pre-trial investigation             2             5
           criminal charges, in court                            1             2
           civil claims and lawsuits                             3             8
           administrative charges                                2             4

        Selected events

        March 4, Oral
        A reporter of the invented Zhaiyq Evening was not let into an open session of the maslikhat.
        """;
    Classification c = classify(en, "2026-04-10T06:00:00Z");
    assertThat(c.reportedTallies().monthFigures().asMap()).containsAllEntriesOf(Map.of("criminal", 3L,
        "criminal_in_court", 1L, "civil", 3L, "administrative", 2L));
    assertThat(c.reportedTallies().yearToDate().asMap()).containsAllEntriesOf(Map.of("criminal", 7L,
        "criminal_in_court", 2L, "civil", 8L, "administrative", 4L));
    assertThat(charges(c.charges())).containsExactlyInAnyOrder("criminal:in_court:1", "criminal:filed:2",
        "civil:unknown:3", "administrative:unknown:2");
  }

  @Test
  void shouldTakeTheInCourtFigureOfItsOwnPartOfTheParentheses() {
    String ru = """
        Нарушения свободы слова в Казахстане. Март 2026 года

        В марте 2026 года вымышленный фонд «Еркин тіл» зафиксировал 7 сообщений о претензиях и обвинениях в адрес журналистов. В их числе:
        - 4 уголовных обвинения (3 – на стадии досудебного расследования, 1 – в суде);
        - 3 гражданских иска к СМИ.

        СОБЫТИЯ МАРТА

        4 марта. Уральск
        Корреспондента вымышленного сайта «Жайык Таны» не пустили на сессию маслихата.
        """;
    Classification c = classify(ru, "2026-04-10T06:00:00Z");
    assertThat(c.reportedTallies().monthFigures().asMap()).containsAllEntriesOf(Map.of("criminal", 4L,
        "criminal_in_court", 1L, "civil", 3L));
    assertThat(charges(c.charges())).contains("criminal:in_court:1", "criminal:filed:3");
  }

  @Test
  void shouldReadACriminalFigureNoneOfWhichReachedCourt() {
    String en = """
        Violations of freedom of speech in Kazakhstan: September 2026
        The invented foundation «Erkin Til» recorded in September 2026:
          criminal: 2 (none has reached court yet)
          civil: 3
        """;
    Classification c = classify(en, "2026-10-10T06:00:00Z");
    assertThat(c.reportedTallies().monthFigures().asMap()).containsAllEntriesOf(Map.of("criminal", 2L,
        "criminal_in_court", 0L));
    assertThat(charges(c.charges())).contains("criminal:filed:2");
  }

  @Test
  void shouldReadCasesBeforeTheCourtsAndASumTheCourtsAwardedAsCompensation() {
    String ru = """
        Нарушения свободы слова в Казахстане. Май 2026 года
        В мае 2026 года вымышленный фонд «Әділ Үн» зафиксировал 3 уголовных обвинения и 4 гражданских иска.
        С начала года предъявлено 9 уголовных обвинений (из них 4 рассматриваются или уже рассмотрены судами), 23 гражданских иска и претензии. С начала года суды взыскали в качестве компенсации морального вреда 1 млн 150 тыс. тенге.
        """;
    Classification c = classify(ru, "2026-06-10T06:00:00Z");
    assertThat(c.reportedTallies().yearToDate().asMap()).containsAllEntriesOf(Map.of("criminal", 9L,
        "criminal_in_court", 4L, "civil", 23L, "damages_awarded_kzt", 1_150_000L));
    assertThat(c.reportedTallies().yearToDate().asMap()).doesNotContainKey("damages_claimed_kzt");
  }

  @Test
  void shouldNotCountTheTrialOfAClosedCourtroomAsASpeechCase() {
    String ru = """
        Нарушения свободы слова в Казахстане. Июнь 2015 года

        Июнь, 22
        Журналисты региональных СМИ, г. Усть-Каменогорск
        Судья специализированного межрайонного суда по уголовным делам запретил журналистам вести аудио- и видеозапись в ходе открытого процесса по делу о гибели рабочих на руднике.

        Июнь, 29
        Бауыржан Калиев, корреспондент газеты «Жезқазған Тынысы», г. Жезказган
        Охрана завода не допустила журналиста на открытую встречу руководства с жителями.
        """;
    Classification c = classify(ru, "2015-07-10T06:00:00Z");
    assertThat(c.violationTypes()).contains("violation_of_court_transparency");
    assertThat(c.charges()).isEmpty();
  }

  @Test
  void shouldReadAPreTrialInvestigationAsACriminalFigureAndMisuseOfImage() {
    String ru = """
        Нарушения свободы слова в Казахстане. Май 2026 года
        В мае 2026 года зафиксировано:
        12 сообщений о нарушениях прав журналистов, в том числе:
        •    3 случая неправомерного использования образа СМИ, журналистов, блогеров;
        9 сообщений о претензиях и исках к журналистам, СМИ и гражданам:
        •    1 досудебное расследование по статье о распространении заведомо ложной информации;
        •    6 гражданских исков и досудебных претензий к СМИ;
        •    2 административных дела.
        """;
    Classification c = classify(ru, "2026-06-20T06:00:00Z");
    assertThat(c.reportedTallies().monthFigures().asMap()).containsAllEntriesOf(Map.of("criminal", 1L, "civil", 6L,
        "administrative", 2L));
    assertThat(c.violationTypes()).contains("misuse_of_image");
  }
}
