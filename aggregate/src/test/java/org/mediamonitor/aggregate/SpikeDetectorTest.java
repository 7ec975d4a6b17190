package org.mediamonitor.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.mediamonitor.schema.ChargeCounts;
import org.mediamonitor.schema.CountedIncident;
import org.mediamonitor.schema.MonthFigures;
import org.mediamonitor.schema.MonthStory;
import org.mediamonitor.schema.SpikeAlert;

class SpikeDetectorTest {

  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  /** P(X >= k) by summing the terms k, k+1, ... in log space. */
  private static double tailBySummation(long k, double lambda) {
    double sum = 0;
    for (long i = k; i < k + 2000; i++) {
      double logTerm = -lambda + i * Math.log(lambda) - logFactorial(i);
      sum += Math.exp(logTerm);
    }
    return sum;
  }

  private static double logFactorial(long n) {
    double s = 0;
    for (long i = 2; i <= n; i++) {
      s += Math.log(i);
    }
    return s;
  }

  @Test
  void upperTailShouldMatchTheClosedForm() {
    double expected = 1 - Math.exp(-0.5) * (1 + 0.5 + 0.125);
    assertThat(SpikeDetector.upperTail(3, 0.5)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void upperTailShouldMatchSummationAndCommonsMath() {
    for (double lambda : new double[] {0.1, 1, 2.5, 4, 10, 33.3}) {
      for (long k = 1; k <= 60; k += 3) {
        double tail = SpikeDetector.upperTail(k, lambda);
        assertThat(tail).as("k=%d lambda=%s", k, lambda).isCloseTo(tailBySummation(k, lambda),
            within(1e-10 + 1e-9 * tail));
        double viaCdf = 1 - new PoissonDistribution(lambda).cumulativeProbability((int) k - 1);
        assertThat(tail).isCloseTo(viaCdf, within(1e-9));
      }
    }
  }

  @Test
  void upperTailShouldHandleTheEdges() {
    assertThat(SpikeDetector.upperTail(0, 3)).isEqualTo(1.0);
    assertThat(SpikeDetector.upperTail(1, 0)).isEqualTo(0.0);
    assertThat(SpikeDetector.upperTail(50, 1)).isPositive().isLessThan(1e-60);
  }

  /** One story with one incident on the 15th: its entry, and the month's figures summed from it. */
  private record Month(MonthFigures figures, MonthStory story) {}

  private static Month month(YearMonth m, long criminal, long administrative) {
    ChargeCounts counts = new ChargeCounts(criminal, 0L, 0L, 0L, administrative, 0L, 0L);
    CountedIncident incident = CountedIncident.newBuilder().setIndex(0).setMonth(m.toString()).setDate(m.atDay(15))
        .setCounts(counts).build();
    MonthStory story = new MonthStory(m.toString(), "a:" + m, "article-" + m, null, null, null, List.of(incident));
    return new Month(MonthBook.sum(m.toString(), List.of(story), Map.of()), story);
  }

  private static SpikeDetector.MonthView view(Map<YearMonth, Month> months) {
    return new SpikeDetector.MonthView() {
      @Override
      public MonthFigures get(YearMonth month) {
        Month m = months.get(month);
        return m == null ? null : m.figures();
      }

      @Override
      public List<MonthStory> stories(YearMonth month) {
        Month m = months.get(month);
        return m == null ? List.of() : List.of(m.story());
      }

      @Override
      public YearMonth firstMonthWithData() {
        return months.keySet().stream().min(YearMonth::compareTo).orElse(null);
      }
    };
  }

  private final SpikeDetector detector = new SpikeDetector(0.01, 3, 3, 12, 30);

  @Test
  void shouldNeedHistoryAndAMinimumCount() {
    Map<YearMonth, Month> months = new HashMap<>();
    months.put(YearMonth.of(2024, 1), month(YearMonth.of(2024, 1), 0, 0));
    months.put(YearMonth.of(2024, 3), month(YearMonth.of(2024, 3), 9, 0));
    assertThat(detector.testMonth("criminal", YearMonth.of(2024, 3), view(months), NOW))
        .as("two months of history").isEmpty();
    months.put(YearMonth.of(2024, 4), month(YearMonth.of(2024, 4), 2, 0));
    months.put(YearMonth.of(2024, 5), month(YearMonth.of(2024, 5), 0, 0));
    assertThat(detector.testMonth("criminal", YearMonth.of(2024, 4), view(months), NOW))
        .as("below the minimum count").isEmpty();
  }

  @Test
  void shouldAverageOnlyTheAvailableBaselineMonthsCountingEmptyOnesAsZero() {
    Map<YearMonth, Month> months = new HashMap<>();
    months.put(YearMonth.of(2024, 1), month(YearMonth.of(2024, 1), 1, 0));
    // February and March have no data: zero prosecutions
    months.put(YearMonth.of(2024, 4), month(YearMonth.of(2024, 4), 6, 1));
    Optional<SpikeAlert> alert = detector.testMonth("criminal", YearMonth.of(2024, 4), view(months), NOW);
    assertThat(alert).isPresent();
    assertThat(alert.get().getExpected()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(alert.get().getPValue()).isEqualTo(SpikeDetector.upperTail(6, 1.0 / 3));
    assertThat(alert.get().getIncidents()).containsExactly("article-2024-04");

    Optional<SpikeAlert> both = detector.testMonth("criminal_administrative", YearMonth.of(2024, 4), view(months), NOW);
    assertThat(both.orElseThrow().getObserved()).isEqualTo(7);
  }

  @Test
  void shouldScaleTheBaselineToTheWindow() {
    Map<YearMonth, Month> months = new HashMap<>();
    for (int m = 1; m <= 12; m++) {
      months.put(YearMonth.of(2023, m), month(YearMonth.of(2023, m), 3, 0));
    }
    months.put(YearMonth.of(2024, 1), month(YearMonth.of(2024, 1), 12, 0));
    SpikeAlert alert = detector.testWindow("criminal", LocalDate.of(2024, 1, 20), view(months), NOW).orElseThrow();
    assertThat(alert.getWindowStart()).isEqualTo(LocalDate.of(2023, 12, 22));
    // baseline: the 12 months before December 2023 (the window's first month): 33 charges in 334 days
    assertThat(alert.getExpected()).isCloseTo(33.0 / 334 * 30, within(1e-12));
    assertThat(alert.getObserved()).isEqualTo(12);
    assertThat(alert.getId()).isEqualTo("criminal/30d/2023-12-22/2024-01-20");
  }
}
