package org.mediamonitor.enrich.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quality on the invented set written blind (src/test/resources/blind, see its README for the
 * blind measurement). Thresholds sit a little under what the classifier measures now, so that a
 * drop in quality fails the build.
 */
class BlindCorpusEvaluationTest {

  private static Evaluator.Result result;

  @BeforeAll
  static void evaluate() throws Exception {
    Path labels = CorpusPaths.blindLabels();
    assumeTrue(Files.isRegularFile(labels), "blind corpus not found at " + labels);
    result = Evaluator.evaluate(labels);
  }

  /** Measured: violation types 0.927, legal basis 0.963, charge kinds 0.982; each threshold about 0.02 below. */
  private static final Map<String, Double> MIN_F1 = Map.of(
      "violation_types", 0.90,
      "legal_basis", 0.94,
      "charge_kinds", 0.96);

  @Test
  void shouldKeepMicroF1PerFieldNearWhatItMeasures() {
    for (String field : Evaluator.FIELDS) {
      assertThat(result.f1(field)).as(field + "\n" + result.report()).isGreaterThanOrEqualTo(MIN_F1.get(field));
    }
  }

  @Test
  void shouldParseTheStatedTalliesOfDigestsInOtherMonitorsWordings() {
    // Measured: 40/40 ("Totals for March:", "Итого за август", "Қазан айындағы қорытынды", "January to March").
    assertThat(result.tallyStated()).isPositive();
    assertThat((double) result.tallyCorrect() / result.tallyStated()).as(result.report()).isGreaterThanOrEqualTo(0.95);
  }
}
