package org.mediamonitor.enrich.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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

  @Test
  void shouldReachMicroF1OfAtLeast0_9PerField() {
    for (String field : Evaluator.FIELDS) {
      assertThat(result.f1(field)).as(field + "\n" + result.report()).isGreaterThanOrEqualTo(0.9);
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
