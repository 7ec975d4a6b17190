package org.mediamonitor.enrich.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Quality on the invented sets written blind (src/test/resources/blind to blind21; each README
 * records its one blind measurement). Thresholds sit a little under what the classifier measures
 * now, so that a drop in quality fails the build.
 */
class BlindCorpusEvaluationTest {

  /**
   * Measured (violation types, legal basis, charge kinds, charge stages, charge counts; tallies):
   * blind 0.959, 1.000, 1.000, 0.730, 1.000, 40/40; blind2 0.876, 0.981, 0.981, 0.581, 0.981,
   * 40/42; blind3 0.918, 0.903, 0.963, 0.656, 0.889, 41/42; blind4 0.870, 0.929, 0.927, 0.857,
   * 0.927, 41/42; blind5 0.901, 0.982, 0.978, 0.790, 0.822, 87/88; blind6 0.955, 0.963, 1.000,
   * 0.970, 0.897, 33/33; blind7 0.967, 0.982, 1.000, 0.976, 0.939, 31/31; blind8 0.843, 0.993,
   * 0.941, 0.828, 0.824, 31/31; blind9 0.941, 0.966, 0.973, 0.867, 0.865, 73/73; blind10 0.882,
   * 0.929, 0.947, 0.796, 0.789, 84/85; blind11 0.857, 0.867, 0.967, 0.883, 0.867, 31/31; blind12
   * 0.936, 0.923, 0.960, 0.815, 0.880, 36/36; blind13 0.952, 0.990, 1.000, 0.927, 0.844, 53/53;
   * blind14 0.931, 0.935, 0.955, 0.741, 0.818, 22/22; blind15 0.964, 0.968, 1.000, 0.945, 0.868,
   * 53/53; blind16 0.923, 0.873, 0.947, 0.800, 0.877, 34/37; blind17 0.936, 0.949, 0.971, 0.867,
   * 0.829, 46/47; blind18 0.843, 0.873, 0.926, 0.767, 0.741, 15/18; blind19 0.859, 0.938, 0.900,
   * 0.800, 0.767, 34/37; blind20 0.848, 0.931, 0.933, 0.743, 0.800, 30/33; blind21 0.857, 0.885,
   * 0.925, 0.800, 0.866, 31/47. A digest's charges are its summary's figures, and its listed
   * events only of kinds the summary gives no figure for, as in the real labels (and blind4's,
   * relabelled, and the later sets'); the digests of blind to blind3 list only events, so most of their stage misses are there: where a summary
   * says "3 criminal charges (2 of them in court)" they list the third as a pre-trial event, while
   * the rules, like blind4, blind6, blind7 and blind8, give it stage unknown unless the summary
   * says where it is (blind5, blind9 and blind11 say filed). blind5's en/002 reads a case "sent
   * to" court as in court; the rules, like blind4, blind7 and the labelled set, read it as filed
   * until a hearing. blind9 and blind10 count an outlet and its reporter sued together as two, the
   * earlier sets as one (the rules' count); blind10 and blind11 list art. 951 for any moral-damage
   * claim, the real labels only when it is printed (the rules'). blind9's kk/001 gives a digest's
   * "3 әкімшілік айып тағылды" (charges brought) stage unknown; the rules read "charged" as filed
   * in every language, as TAXONOMY.md defines it. A case opened and then closed: blind5, blind11,
   * blind12, blind14 and blind16 to blind21 keep it at stage dismissed, as the rules do since the ninth
   * session (TAXONOMY.md: dismissed = case closed; the real label of dev/018 counts a closed case);
   * blind, blind2 to blind4, blind6, blind7 and blind9 record no charge (reading TAXONOMY.md's
   * "дело прекращено never adds a charge" for the case, where the rules read it for the closure
   * sentence alone). blind12 and blind14 label the remainder of "2 criminal (1 in court)" filed,
   * blind13 unknown (the rules'). A blogger's house arrest is a detention in most sets since blind9
   * (the rules'), not in the labelled set's and blind8's labels. blind9's kk/002 reads "this is the
   * third honour suit against media this year" as a statistic; blind13 and blind14 count "the
   * second" as a case of its own (the rules', since a later marker in the sentence now counts).
   */
  static Stream<Arguments> sets() {
    return Stream.of(
        Arguments.of("blind", Map.of("violation_types", 0.93, "legal_basis", 0.98,
            "charge_kinds", 0.98, "charge_stages", 0.71, "charge_counts", 0.98), 0.95),
        Arguments.of("blind2", Map.of("violation_types", 0.85, "legal_basis", 0.96,
            "charge_kinds", 0.96, "charge_stages", 0.56, "charge_counts", 0.96), 0.90),
        Arguments.of("blind3", Map.of("violation_types", 0.89, "legal_basis", 0.88,
            "charge_kinds", 0.94, "charge_stages", 0.63, "charge_counts", 0.86), 0.92),
        Arguments.of("blind4", Map.of("violation_types", 0.85, "legal_basis", 0.90,
            "charge_kinds", 0.90, "charge_stages", 0.83, "charge_counts", 0.90), 0.90),
        Arguments.of("blind5", Map.of("violation_types", 0.88, "legal_basis", 0.96,
            "charge_kinds", 0.95, "charge_stages", 0.77, "charge_counts", 0.80), 0.95),
        Arguments.of("blind6", Map.of("violation_types", 0.93, "legal_basis", 0.94,
            "charge_kinds", 0.98, "charge_stages", 0.95, "charge_counts", 0.87), 0.95),
        Arguments.of("blind7", Map.of("violation_types", 0.94, "legal_basis", 0.96,
            "charge_kinds", 0.98, "charge_stages", 0.95, "charge_counts", 0.91), 0.95),
        Arguments.of("blind8", Map.of("violation_types", 0.82, "legal_basis", 0.97,
            "charge_kinds", 0.92, "charge_stages", 0.80, "charge_counts", 0.80), 0.95),
        Arguments.of("blind9", Map.of("violation_types", 0.92, "legal_basis", 0.94,
            "charge_kinds", 0.95, "charge_stages", 0.84, "charge_counts", 0.84), 0.95),
        Arguments.of("blind10", Map.of("violation_types", 0.86, "legal_basis", 0.90,
            "charge_kinds", 0.92, "charge_stages", 0.77, "charge_counts", 0.76), 0.95),
        Arguments.of("blind11", Map.of("violation_types", 0.83, "legal_basis", 0.84,
            "charge_kinds", 0.94, "charge_stages", 0.86, "charge_counts", 0.84), 0.95),
        Arguments.of("blind12", Map.of("violation_types", 0.91, "legal_basis", 0.90,
            "charge_kinds", 0.94, "charge_stages", 0.79, "charge_counts", 0.86), 0.95),
        Arguments.of("blind13", Map.of("violation_types", 0.93, "legal_basis", 0.97,
            "charge_kinds", 0.98, "charge_stages", 0.90, "charge_counts", 0.82), 0.95),
        Arguments.of("blind14", Map.of("violation_types", 0.91, "legal_basis", 0.91,
            "charge_kinds", 0.93, "charge_stages", 0.72, "charge_counts", 0.79), 0.95),
        Arguments.of("blind15", Map.of("violation_types", 0.94, "legal_basis", 0.94,
            "charge_kinds", 0.98, "charge_stages", 0.92, "charge_counts", 0.84), 0.95),
        Arguments.of("blind16", Map.of("violation_types", 0.90, "legal_basis", 0.85,
            "charge_kinds", 0.92, "charge_stages", 0.78, "charge_counts", 0.85), 0.89),
        Arguments.of("blind17", Map.of("violation_types", 0.91, "legal_basis", 0.92,
            "charge_kinds", 0.95, "charge_stages", 0.84, "charge_counts", 0.80), 0.95),
        Arguments.of("blind18", Map.of("violation_types", 0.82, "legal_basis", 0.85,
            "charge_kinds", 0.90, "charge_stages", 0.74, "charge_counts", 0.72), 0.81),
        Arguments.of("blind19", Map.of("violation_types", 0.83, "legal_basis", 0.91,
            "charge_kinds", 0.88, "charge_stages", 0.78, "charge_counts", 0.74), 0.89),
        Arguments.of("blind20", Map.of("violation_types", 0.82, "legal_basis", 0.91,
            "charge_kinds", 0.91, "charge_stages", 0.72, "charge_counts", 0.78), 0.88),
        Arguments.of("blind21", Map.of("violation_types", 0.83, "legal_basis", 0.86,
            "charge_kinds", 0.90, "charge_stages", 0.78, "charge_counts", 0.84), 0.63));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sets")
  void shouldKeepQualityNearWhatItMeasures(String name, Map<String, Double> minF1, double minTallies) throws Exception {
    Path labels = CorpusPaths.blindLabels(name);
    assumeTrue(Files.isRegularFile(labels), name + " corpus not found at " + labels);
    Evaluator.Result result = Evaluator.evaluate(labels);
    for (String field : Evaluator.FIELDS) {
      assertThat(result.f1(field)).as(name + " " + field + "\n" + result.report())
          .isGreaterThanOrEqualTo(minF1.get(field));
    }
    assertThat(result.tallyStated()).isPositive();
    assertThat((double) result.tallyCorrect() / result.tallyStated()).as(name + "\n" + result.report())
        .isGreaterThanOrEqualTo(minTallies);
  }
}
