package org.mediamonitor.enrich.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quality on the project's own invented labelled corpus (src/test/resources/labelled). Thresholds
 * sit a little under what the classifier measures, so that a drop in quality fails the build.
 */
class InventedCorpusEvaluationTest {

  private static Evaluator.Result result;

  @BeforeAll
  static void evaluate() throws Exception {
    Path labels = CorpusPaths.inventedLabels();
    assumeTrue(Files.isRegularFile(labels), "invented corpus not found at " + labels);
    result = Evaluator.evaluate(labels);
  }

  /**
   * Measured: violation types 0.952, legal basis 0.987, charge kinds 0.969, charge stages 0.757,
   * charge counts 0.969; each threshold about 0.02 below. (Its three digests list their events'
   * stages where the classifier, as the real labels, gives the summary's figures. Its en/011 and
   * ru/031 record no charge for a case opened and then closed; the rules, as the real label of
   * dev/018 and the later blind sets, keep it at stage dismissed; its ru/001 gives a journalist's
   * house arrest no detention, the later sets and the rules do.)
   */
  private static final Map<String, Double> MIN_F1 = Map.of(
      "violation_types", 0.94,
      "legal_basis", 0.95,
      "charge_kinds", 0.95,
      "charge_stages", 0.74,
      "charge_counts", 0.95);

  @Test
  void shouldKeepMicroF1PerFieldNearWhatItMeasures() {
    for (String field : Evaluator.FIELDS) {
      assertThat(result.f1(field)).as(field + "\n" + result.report()).isGreaterThanOrEqualTo(MIN_F1.get(field));
    }
  }

  @Test
  void shouldKeepOnTopicAccuracyAbove0_98() {
    // Measured: 118/118.
    assertThat(result.onTopicAccuracy()).as(result.report()).isGreaterThanOrEqualTo(0.98);
  }

  @Test
  void shouldParseMostStatedTalliesExactly() {
    // Measured: 38/39.
    assertThat(result.tallyStated()).isPositive();
    assertThat((double) result.tallyCorrect() / result.tallyStated()).as(result.report()).isGreaterThanOrEqualTo(0.92);
  }

  @Test
  void shouldSplitEveryDigestIntoItsIncidents() {
    // Items separated by bullets, by ";" inside a kind-labelled paragraph, and by kind labels.
    assertThat(result.digestsWithIncidents()).isPositive();
    assertThat(result.incidentSplitsCorrect()).as(result.report()).isEqualTo(result.digestsWithIncidents());
  }
}
