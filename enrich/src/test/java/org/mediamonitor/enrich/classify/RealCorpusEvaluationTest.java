package org.mediamonitor.enrich.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quality on the real labelled reports of the shared corpus (third-party texts kept outside the
 * repository). Skipped where the corpus is absent.
 */
class RealCorpusEvaluationTest {

  private static Evaluator.Result result;

  @BeforeAll
  static void evaluate() throws Exception {
    Path labels = CorpusPaths.sharedLabels();
    assumeTrue(Files.isRegularFile(labels), "shared corpus not found at " + labels + " (../shared beside the repository)");
    result = Evaluator.evaluate(labels);
  }

  /**
   * Kinds, bases and violation types: at least 0.9 (measured 1.000). Stages and counts of the
   * charges, scored since the fourth session, sit just under what they measure (0.983 and 0.923):
   * the misses left are cases of one kind the classifier merges or closures the labels keep.
   */
  private static final Map<String, Double> MIN_F1 = Map.of("violation_types", 0.9, "legal_basis", 0.9,
      "charge_kinds", 0.9, "charge_stages", 0.96, "charge_counts", 0.90);

  @Test
  void shouldReachTheMicroF1OfEachField() {
    for (String field : Evaluator.FIELDS) {
      assertThat(result.f1(field)).as(field + "\n" + result.report()).isGreaterThanOrEqualTo(MIN_F1.get(field));
    }
  }

  @Test
  void shouldJudgeEveryReportOnOrOffTopic() {
    assertThat(result.onTopicCorrect()).as(result.report()).isEqualTo(result.documents());
  }

  @Test
  void shouldParseEveryStatedTallyExactly() {
    assertThat(result.tallyStated()).isPositive();
    assertThat(result.tallyCorrect()).as(result.report()).isEqualTo(result.tallyStated());
  }

  @Test
  void shouldSplitTheDigestsIntoTheirIncidents() {
    assertThat(result.digestsWithIncidents()).isPositive();
    assertThat(result.incidentSplitsCorrect()).as(result.report()).isEqualTo(result.digestsWithIncidents());
  }
}
