package org.mediamonitor.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediamonitor.aggregate.Articles.administrative;
import static org.mediamonitor.aggregate.Articles.article;
import static org.mediamonitor.aggregate.Articles.civil;
import static org.mediamonitor.aggregate.Articles.criminal;
import static org.mediamonitor.aggregate.Articles.figures;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mediamonitor.common.config.Settings;
import org.mediamonitor.schema.ChargeCounts;
import org.mediamonitor.schema.ChargeStage;
import org.mediamonitor.schema.MonthlyCharges;
import org.mediamonitor.schema.TallyChange;

class AggregateTopologyTest {

  private TallyHarness harness;

  @BeforeEach
  void setUp() {
    harness = new TallyHarness(AggregateConfig.defaults());
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  private static ChargeCounts counts(long criminal, long inCourt, long civil, long honor, long administrative,
      long claimed, long awarded) {
    return new ChargeCounts(criminal, inCourt, civil, honor, administrative, claimed, awarded);
  }

  private List<Object> articleIds(String month) {
    return harness.queries().incidents(java.time.YearMonth.parse(month)).orElseThrow().stream()
        .map(i -> i.get("article_id")).toList();
  }

  @Test
  void shouldCountChargesNotArticles() {
    harness.send(article("a1")
        .incident("2025-04-02", criminal(ChargeStage.in_court, 2), criminal(ChargeStage.filed, null))
        .incident("2025-04-03", civil("KZ-CivC-143", 5_000_000L, 1_000_000L), civil("KZ-CivC-951", 200_000L, null),
            administrative(3))
        .incident("2025-04-04")); // no charges: counts nothing

    MonthlyCharges april = harness.monthlyTable(harness.monthly.readRecordsToList()).get("2025-04");
    assertThat(april.getComputed()).isEqualTo(counts(3, 2, 2, 1, 3, 5_200_000, 1_000_000));
    assertThat(april.getYearToDate()).isEqualTo(april.getComputed());
    assertThat(april.getIncidents()).isEqualTo(2);
  }

  @Test
  void shouldMoveChargeToTheRightKindAndMonthWhenCorrected() {
    harness.send(article("a1").incident("2025-03-10", criminal(ChargeStage.filed, 1)));
    assertThat(harness.monthlyTable(harness.monthly.readRecordsToList()).get("2025-03").getComputed().getCriminal())
        .isEqualTo(1);
    harness.changes.readRecordsToList();

    harness.send(article("a1").revision(2).incident("2025-04-05", administrative(1)));

    Map<String, MonthlyCharges> table = harness.monthlyTable(harness.monthly.readRecordsToList());
    assertThat(table).containsOnlyKeys("2025-03", "2025-04");
    assertThat(table.get("2025-03")).as("March held only the corrected charge: tombstone").isNull();
    assertThat(table.get("2025-04").getComputed()).isEqualTo(counts(0, 0, 0, 0, 1, 0, 0));
    assertThat(harness.monthsStore().get("2025-03")).isNull();
    List<String> changes = harness.changes.readValuesToList().stream()
        .map(c -> c.getMonth() + " " + c.getField() + " " + c.getOldValue() + "->" + c.getNewValue() + " " + c.getArticleId())
        .toList();
    assertThat(changes).containsExactlyInAnyOrder("2025-03 criminal 1->0 a1", "2025-04 administrative 0->1 a1");
  }

  @Test
  void shouldNotDoubleCountARepeatedRevision() {
    Articles a = article("a1").incident("2025-04-05", criminal(ChargeStage.verdict, 2));
    harness.send(a);
    harness.send(a.revision(2));
    harness.send(a.revision(3).enriched("2025-04-11T00:00:00Z"));
    assertThat(harness.monthsStore().get("2025-04").getComputed().getCriminal()).isEqualTo(2);
  }

  @Test
  void shouldRemoveAnArticleOnTombstoneOrWhenItBecomesOffTopic() {
    harness.send(article("a1").incident("2025-04-05", criminal(ChargeStage.filed, 1)));
    harness.send(article("a2").incident("2025-04-06", criminal(ChargeStage.filed, 1)));
    harness.delete("a1");
    assertThat(harness.monthsStore().get("2025-04").getComputed().getCriminal()).isEqualTo(1);
    harness.send(article("a2").revision(2).offTopic().incident("2025-04-06", criminal(ChargeStage.filed, 1)));
    assertThat(harness.monthsStore().get("2025-04")).isNull();
    harness.delete("never-seen");
    List<TestRecord<String, MonthlyCharges>> out = harness.monthly.readRecordsToList();
    assertThat(out.get(out.size() - 1).key()).isEqualTo("2025-04");
    assertThat(out.get(out.size() - 1).value()).isNull();
  }

  @Test
  void shouldCountADuplicateStoryOnceAndLetAnotherMemberTakeOver() {
    harness.send(article("outlet-b-7").hash("same-story").incident("2025-04-05", criminal(ChargeStage.filed, 2)));
    harness.send(article("outlet-a-3").hash("same-story").incident("2025-04-05", criminal(ChargeStage.filed, 2)));
    harness.send(article("outlet-c-1").hash("other-story").incident("2025-04-06", administrative(1)));

    assertThat(harness.monthsStore().get("2025-04").getComputed().getCriminal()).isEqualTo(2);
    assertThat(articleIds("2025-04")).containsExactly("outlet-a-3", "outlet-c-1");

    harness.delete("outlet-a-3");
    assertThat(harness.monthsStore().get("2025-04").getComputed().getCriminal()).isEqualTo(2);
    assertThat(articleIds("2025-04")).containsExactly("outlet-b-7", "outlet-c-1");

    harness.delete("outlet-b-7");
    assertThat(harness.monthsStore().get("2025-04").getComputed().getCriminal()).isZero();
    assertThat(articleIds("2025-04")).containsExactly("outlet-c-1");
  }

  @Test
  void shouldLeaveAStoryWhenARevisionChangesTheContentHash() {
    harness.send(article("a1").hash("story-x").incident("2025-04-05", criminal(ChargeStage.filed, 1)));
    harness.send(article("a2").hash("story-x").incident("2025-04-05", criminal(ChargeStage.filed, 1)));
    // a1's new body is another story: both stories count now
    harness.send(article("a1").revision(2).hash("story-y").incident("2025-04-05", criminal(ChargeStage.filed, 1)));
    assertThat(harness.monthsStore().get("2025-04").getComputed().getCriminal()).isEqualTo(2);
    assertThat(articleIds("2025-04")).containsExactly("a1", "a2");
  }

  @Test
  void shouldLandALateReportInItsMonthAndUpdateTheYearToDateOfLaterMonths() {
    harness.send(article("jan").incident("2025-01-15", criminal(ChargeStage.filed, 1)));
    harness.send(article("mar").incident("2025-03-15", criminal(ChargeStage.filed, 2)));
    harness.send(article("may").incident("2025-05-15", criminal(ChargeStage.filed, 4)));
    harness.send(article("dec").incident("2024-12-15", criminal(ChargeStage.filed, 8)));
    harness.monthly.readRecordsToList();

    harness.send(article("late-feb").published("2025-05-20T06:00:00Z").incident("2025-02-10", criminal(ChargeStage.filed, 3)));

    Map<String, MonthlyCharges> table = harness.monthlyTable(harness.monthly.readRecordsToList());
    assertThat(table).as("the late month and every later month of its year, nothing else").containsOnlyKeys(
        "2025-02", "2025-03", "2025-05");
    assertThat(table.get("2025-02").getComputed().getCriminal()).isEqualTo(3);
    assertThat(table.get("2025-02").getYearToDate().getCriminal()).isEqualTo(4);
    assertThat(table.get("2025-03").getComputed().getCriminal()).isEqualTo(2);
    assertThat(table.get("2025-03").getYearToDate().getCriminal()).isEqualTo(6);
    assertThat(table.get("2025-05").getYearToDate().getCriminal()).isEqualTo(10);
    assertThat(harness.queries().month(java.time.YearMonth.of(2024, 12)).orElseThrow().get("year_to_date"))
        .isEqualTo(TallyQueries.countsJson(counts(8, 0, 0, 0, 0, 0, 0)));
  }

  @Test
  void shouldCountLateEveningOfMarch31UtcInAprilInAlmaty() {
    harness.send(article("evening").published("2025-03-31T20:30:00Z").incident(null, criminal(ChargeStage.filed, 1)));
    harness.send(article("fetched-only").published(null).fetched("2025-03-31T18:59:59Z")
        .incident(null, administrative(1)));
    assertThat(harness.monthsStore().get("2025-04").getComputed().getCriminal()).isEqualTo(1);
    assertThat(harness.monthsStore().get("2025-03").getComputed().getAdministrative())
        .as("18:59:59Z is 23:59:59 in Almaty (UTC+5)").isEqualTo(1);
  }

  @Test
  void shouldUseTheConfiguredZone() {
    harness.close();
    harness = new TallyHarness(AggregateConfig.from(Settings.of(Map.of(AggregateConfig.ZONE, "Europe/London"))));
    harness.send(article("evening").published("2025-03-31T20:30:00Z").incident(null, criminal(ChargeStage.filed, 1)));
    assertThat(harness.monthsStore().get("2025-03").getComputed().getCriminal()).isEqualTo(1);
    assertThat(harness.monthsStore().get("2025-04")).isNull();
  }

  @Test
  void shouldPreferTheIncidentsOwnDateOverThePublicationDate() {
    harness.send(article("a1").published("2025-04-02T06:00:00Z").incident("2025-02-27", criminal(ChargeStage.filed, 1)));
    assertThat(harness.monthsStore().get("2025-02").getComputed().getCriminal()).isEqualTo(1);
    assertThat(harness.monthsStore().get("2025-04")).isNull();
  }

  @Test
  void shouldKeepReportedTalliesBesideComputedOnes() {
    harness.send(article("digest-feb").published("2025-03-05T06:00:00Z")
        .incident("2025-02-11", criminal(ChargeStage.filed, 1))
        .reported("2025-02", figures(4L, 7L, null), figures(9L, null, null)));
    harness.send(article("digest-undated").published("2025-03-05T06:00:00Z").reported(null, figures(1L, null, 2L), null));

    MonthlyCharges feb = harness.monthlyTable(harness.monthly.readRecordsToList()).get("2025-02");
    assertThat(feb.getComputed().getCriminal()).isEqualTo(1);
    assertThat(feb.getReported().getMonthFigures().getCriminal()).isEqualTo(4);
    assertThat(feb.getReported().getMonthFigures().getAdministrative()).isNull();

    Map<String, Object> febJson = harness.queries().month(java.time.YearMonth.of(2025, 2)).orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, Object> reported = (Map<String, Object>) febJson.get("reported");
    assertThat(reported).containsEntry("criminal", 4L).containsEntry("civil", 7L).containsEntry("administrative", null);

    Map<String, Object> march = harness.queries().month(java.time.YearMonth.of(2025, 3)).orElseThrow();
    assertThat(march).containsEntry("criminal", 0L);
    assertThat(march.get("reported")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("administrative", 2L);
    // a month with only reported figures is not a month of data for the counts
    assertThat(harness.queries().incidents(java.time.YearMonth.of(2025, 3)).orElseThrow()).isEmpty();
  }

  @Test
  void shouldNotCountADigestsSummaryFiguresAsEventsButShowThemAsReported() {
    // "In March: 12 criminal cases (3 in court), 4 civil claims" then one dated event
    harness.send(article("digest-mar").published("2025-04-03T06:00:00Z")
        .summaryFrame(criminal(ChargeStage.unknown, 12), civil("KZ-CivC-143", null, null))
        .incident("2025-03-18", criminal(ChargeStage.in_court, 1))
        .reported("2025-03", figures(12L, 4L, null), null));

    Map<String, MonthlyCharges> months = harness.monthlyTable(harness.monthly.readRecordsToList());
    MonthlyCharges march = months.get("2025-03");
    assertThat(march.getComputed()).as("only the listed event").isEqualTo(counts(1, 1, 0, 0, 0, 0, 0));
    assertThat(march.getReported().getMonthFigures().getCriminal()).isEqualTo(12);
    // the undated summary would have landed in the month of publication
    assertThat(months).doesNotContainKey("2025-04");
    assertThat(harness.queries().month(java.time.YearMonth.of(2025, 4))).isEmpty();
    assertThat(articleIds("2025-03")).containsExactly("digest-mar");
  }

  @Test
  void shouldNotCountAgainTheEarlierCasesAReportRecalls() {
    // a new case in May 2025, and a 2021 verdict under the same article recalled in the report
    harness.send(article("recall").published("2025-05-12T06:00:00Z")
        .incident("2025-05-10", criminal(ChargeStage.filed, 1))
        .earlierCases(criminal(ChargeStage.verdict, 1)));

    Map<String, MonthlyCharges> months = harness.monthlyTable(harness.monthly.readRecordsToList());
    assertThat(months).containsOnlyKeys("2025-05");
    assertThat(months.get("2025-05").getComputed()).as("the new case, not in court").isEqualTo(counts(1, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void shouldIgnoreOffTopicArticles() {
    harness.send(article("noise").offTopic().incident("2025-04-05", criminal(ChargeStage.filed, 5)));
    assertThat(harness.monthly.isEmpty()).isTrue();
    assertThat(harness.monthsStore().approximateNumEntries()).isZero();
  }

  @Test
  void shouldListExactlyTheIncidentsBehindAMonthsCount() {
    harness.send(article("a1")
        .incident("2025-04-02", criminal(ChargeStage.in_court, 2))
        .incident("2025-04-03") // no charge
        .incident("2025-05-01", administrative(1)));
    harness.send(article("a2").hash("dup").incident("2025-04-09", civil("KZ-CivC-143", 100L, null)));
    harness.send(article("a3").hash("dup").incident("2025-04-09", civil("KZ-CivC-143", 100L, null)));
    harness.send(article("a4").offTopic().incident("2025-04-10", criminal(ChargeStage.filed, 1)));

    List<Map<String, Object>> incidents = harness.queries().incidents(java.time.YearMonth.of(2025, 4)).orElseThrow();
    assertThat(incidents).extracting(i -> i.get("article_id") + "#" + i.get("incident_index"))
        .containsExactly("a1#0", "a2#0");
    Map<String, Long> summed = incidents.stream()
        .flatMap(i -> ((Map<?, ?>) i.get("counts")).entrySet().stream())
        .collect(Collectors.groupingBy(e -> (String) e.getKey(), Collectors.summingLong(e -> (Long) e.getValue())));
    Map<String, Object> month = harness.queries().month(java.time.YearMonth.of(2025, 4)).orElseThrow();
    for (Counts.Field f : Counts.FIELDS) {
      assertThat(month.get(f.name())).as(f.name()).isEqualTo(summed.get(f.name()));
    }
    assertThat(incidents.get(0)).containsEntry("legal_basis", List.of("KZ-CC-274"))
        .containsEntry("violation_types", List.of("criminal_prosecution"))
        .containsEntry("url", "https://news.example.test/a1");
    assertThat((List<?>) incidents.get(0).get("evidence")).hasSize(1);
    assertThat(harness.queries().incidents(java.time.YearMonth.of(2025, 6))).isEmpty();
  }

  @Test
  void shouldAnswerMonthRangesWithYearToDate() {
    harness.send(article("a1").incident("2024-11-02", criminal(ChargeStage.filed, 1)));
    harness.send(article("a2").incident("2025-01-02", criminal(ChargeStage.filed, 2)));
    harness.send(article("a3").incident("2025-03-02", criminal(ChargeStage.filed, 3)));
    List<Map<String, Object>> months = harness.queries().months(java.time.YearMonth.of(2025, 2), java.time.YearMonth.of(2025, 12));
    assertThat(months).extracting(m -> m.get("month")).containsExactly("2025-03");
    assertThat(months.get(0).get("year_to_date")).isEqualTo(TallyQueries.countsJson(counts(5, 0, 0, 0, 0, 0, 0)));
    assertThat(harness.queries().months(null, null)).extracting(m -> m.get("month"))
        .containsExactly("2024-11", "2025-01", "2025-03");
  }

  @Test
  void shouldRecordWhoChangedEachFigure() {
    harness.send(article("a1").incident("2025-04-02", criminal(ChargeStage.verdict, 2)));
    List<TallyChange> changes = harness.changes.readValuesToList();
    assertThat(changes).extracting(c -> c.getField() + ":" + c.getOldValue() + "->" + c.getNewValue() + ":" + c.getArticleId())
        .containsExactlyInAnyOrder("criminal:0->2:a1", "criminal_in_court:0->2:a1");
  }
}
