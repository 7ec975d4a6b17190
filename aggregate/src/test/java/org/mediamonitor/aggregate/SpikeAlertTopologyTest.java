package org.mediamonitor.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediamonitor.aggregate.Articles.administrative;
import static org.mediamonitor.aggregate.Articles.article;
import static org.mediamonitor.aggregate.Articles.criminal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mediamonitor.schema.ChargeStage;
import org.mediamonitor.schema.SpikeAlert;

class SpikeAlertTopologyTest {

  private TallyHarness harness;

  @BeforeEach
  void setUp() {
    harness = new TallyHarness(AggregateConfig.defaults());
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  /** Four criminal charges and one administrative a month, on fixed days, from January to June 2024. */
  private void steadyFirstHalfOf2024() {
    for (int month = 1; month <= 6; month++) {
      for (int day : new int[] {5, 12, 19, 26}) {
        LocalDate date = LocalDate.of(2024, month, day);
        harness.send(article("steady-" + date).incident(date.toString(), criminal(ChargeStage.filed, 1)));
      }
      LocalDate adminDay = LocalDate.of(2024, month, 15);
      harness.send(article("steady-admin-" + adminDay).incident(adminDay.toString(), administrative(1)));
    }
  }

  private List<String> burst(int from, int to) {
    List<String> ids = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      String id = "burst-" + String.format(java.util.Locale.ROOT, "%02d", i);
      harness.send(article(id).incident(LocalDate.of(2024, 7, i).toString(), criminal(ChargeStage.filed, 1)));
      ids.add(id);
    }
    return ids;
  }

  @Test
  void shouldRaiseNoAlertForASteadyStream() {
    steadyFirstHalfOf2024();
    harness.checkAlerts();
    assertThat(harness.alerts.isEmpty()).isTrue();
    assertThat(harness.alertsStore().approximateNumEntries()).isZero();
  }

  @Test
  void shouldRaiseEachAlertOnceForABurstAndNotRepeatWhenItGrows() {
    steadyFirstHalfOf2024();
    List<String> first = burst(1, 12);
    assertThat(harness.alerts.isEmpty()).as("tested on the timer, not on each change").isTrue();
    harness.checkAlerts();

    List<SpikeAlert> raised = harness.alerts.readValuesToList();
    assertThat(raised).extracting(SpikeAlert::getId).containsExactlyInAnyOrder(
        "criminal/month/2024-07",
        "criminal_administrative/month/2024-07",
        raised.stream().filter(a -> a.getId().startsWith("criminal/30d/")).findFirst().orElseThrow().getId(),
        raised.stream().filter(a -> a.getId().startsWith("criminal_administrative/30d/")).findFirst().orElseThrow().getId());

    SpikeAlert month = raised.stream().filter(a -> a.getId().equals("criminal/month/2024-07")).findFirst().orElseThrow();
    assertThat(month.getExpected()).isEqualTo(4.0);
    assertThat(month.getPValue()).isLessThan(0.01);
    assertThat(month.getObserved()).isGreaterThanOrEqualTo(10);
    assertThat(SpikeDetector.upperTail(month.getObserved(), month.getExpected())).isEqualTo(month.getPValue());
    assertThat(month.getIncidents()).hasSize((int) month.getObserved())
        .allMatch(first::contains);
    assertThat(month.getWindowStart()).isEqualTo(LocalDate.of(2024, 7, 1));
    assertThat(month.getWindowEnd()).isEqualTo(LocalDate.of(2024, 7, 31));

    SpikeAlert window = raised.stream().filter(a -> a.getId().startsWith("criminal/30d/")).findFirst().orElseThrow();
    assertThat(window.getWindowEnd().minusDays(29)).isEqualTo(window.getWindowStart());
    assertThat(window.getMonth()).isEqualTo("2024-07");
    assertThat(window.getPValue()).isLessThan(0.01);
    assertThat(window.getIncidents()).contains("burst-01").contains("steady-2024-06-26");

    // the burst grows and a correction shrinks it again: nothing is raised twice, nothing is withdrawn
    burst(13, 20);
    harness.delete("burst-01");
    harness.checkAlerts();
    assertThat(harness.alerts.isEmpty()).isTrue();
    assertThat(harness.alertsStore().approximateNumEntries()).isEqualTo(4);

    Map<String, Object> json = harness.queries().alerts(null).get(0);
    assertThat(json).containsKeys("id", "kind", "month", "window_start", "window_end", "observed", "expected",
        "p_value", "incidents");
    assertThat(harness.queries().alerts(month.getRaisedAt().plusSeconds(3600))).isEmpty();
  }

  @Test
  void shouldNotTestWithoutEnoughHistory() {
    for (int day = 1; day <= 20; day++) {
      harness.send(article("early-" + day).incident(LocalDate.of(2024, 2, day).toString(), criminal(ChargeStage.filed, 1)));
    }
    harness.send(article("first").incident("2024-01-10", criminal(ChargeStage.filed, 1)));
    harness.checkAlerts();
    assertThat(harness.alerts.isEmpty()).as("only one month of history before February").isTrue();
    assertThat(harness.queries().months(YearMonth.of(2024, 1), YearMonth.of(2024, 2))).hasSize(2);
  }

  @Test
  void shouldRaiseNothingForASpikeCorrectedBeforeTheCheck() {
    steadyFirstHalfOf2024();
    List<String> ids = burst(1, 12);
    ids.subList(2, ids.size()).forEach(harness::delete);
    harness.checkAlerts();
    assertThat(harness.alerts.isEmpty()).as("two July cases against four a month is no spike").isTrue();
    assertThat(harness.queries().months(YearMonth.of(2024, 7), YearMonth.of(2024, 7)).get(0))
        .containsEntry("incidents", 2);
  }

  @Test
  void shouldTestTheTrailingWindowAtEveryLatestDateBetweenChecks() {
    steadyFirstHalfOf2024();
    harness.checkAlerts();
    burst(1, 12);
    // before the next check the latest incident moves to October: its own window holds none of the burst
    harness.send(article("later").incident("2024-10-20", administrative(1)));
    harness.checkAlerts();
    assertThat(harness.alerts.readValuesToList()).extracting(SpikeAlert::getId)
        .anyMatch(id -> id.startsWith("criminal/30d/") && id.matches(".*/2024-07-\\d\\d"))
        .noneMatch(id -> id.endsWith("2024-10-20"));
  }
}
