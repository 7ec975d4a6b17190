package org.mediamonitor.enrich.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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

  @Test
  void shouldKeepMicroF1PerFieldAbove0_85() {
    for (String field : Evaluator.FIELDS) {
      assertThat(result.f1(field)).as(field + "\n" + result.report()).isGreaterThanOrEqualTo(0.85);
    }
  }

  @Test
  void shouldKeepOnTopicAccuracyAbove0_95() {
    assertThat(result.onTopicAccuracy()).as(result.report()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void shouldParseMostStatedTalliesExactly() {
    assertThat(result.tallyStated()).isPositive();
    assertThat((double) result.tallyCorrect() / result.tallyStated()).as(result.report()).isGreaterThanOrEqualTo(0.85);
  }
}
