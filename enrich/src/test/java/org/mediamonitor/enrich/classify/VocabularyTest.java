package org.mediamonitor.enrich.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One-sentence invented reports (src/test/resources/vocabulary/reports.tsv), one or more a
 * violation type in each language, in everyday and formal wording: the words a reporter uses for
 * an assault, a blocked site or a refused request, beyond the sets the rules were written from.
 * Off-topic lines share the vocabulary (a bank's fine, a blocked bank card). Codes of legal basis
 * (KZ-...) may stand beside the types.
 */
class VocabularyTest {

  private static final Classifier CLASSIFIER = Classifier.compile(Taxonomy.bundled());
  private static final Instant MAY_2023 = Instant.parse("2023-05-10T10:00:00Z");

  static Stream<Arguments> reports() throws IOException {
    return lines("/vocabulary/reports.tsv");
  }

  static Stream<Arguments> charges() throws IOException {
    return lines("/vocabulary/charges.tsv");
  }

  /** id, the expected list ("-" = none), title, body. */
  private static Stream<Arguments> lines(String resource) throws IOException {
    try (InputStream in = VocabularyTest.class.getResourceAsStream(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t"))
          .map(f -> Arguments.of(f[0], f[1].equals("-") ? List.of() : Arrays.asList(f[1].split(",")), f[2], f[3]))
          .toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void shouldTagTheViolationTheReportDescribes(String id, List<String> expected, String title, String body) {
    Classification c = CLASSIFIER.classify(title, body, MAY_2023, null);
    assertThat(c.onTopic()).as(id + " on topic: " + body).isEqualTo(!expected.isEmpty());
    if (!expected.isEmpty()) {
      List<String> tags = new ArrayList<>(c.violationTypes());
      tags.addAll(c.legalBasis());
      assertThat(tags).as(id + ": " + body).containsAll(expected);
    }
  }

  /**
   * The charges of one-case reports (charges.tsv) as kind:stage:count: "pressed charges", "was
   * lodged", "took the newspaper to court", "подал в суд на журналистку", an article number with no
   * code named ("charged under Article 274"), "hearings began".
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("charges")
  void shouldFindTheChargeTheReportDescribes(String id, List<String> expected, String title, String body) {
    Classification c = CLASSIFIER.classify(title, body, MAY_2023, null);
    assertThat(c.charges().stream().map(ch -> ch.kind() + ":" + ch.stage() + ":" + ch.count()).sorted().toList())
        .as(id + ": " + body).isEqualTo(expected.stream().sorted().toList());
  }
}
