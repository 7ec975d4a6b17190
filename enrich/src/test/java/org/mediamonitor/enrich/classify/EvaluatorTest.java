package org.mediamonitor.enrich.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scoring of stages and counts, on one invented report labelled right and labelled wrong. */
class EvaluatorTest {

  private static final String TEXT = "https://steppe-lamp.example/news/1\n"
      + "Two bloggers charged\n\n"
      + "Police in Taraz opened a criminal case against two bloggers, Arman Temirov and Dana Serikova, under "
      + "Article 274 of the Criminal Code over a video.\n";

  @Test
  void shouldScoreTheStageAndTheCountOfEachKind(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.txt"), TEXT);
    Files.writeString(dir.resolve("right.json"), labels(2, "filed"));
    Files.writeString(dir.resolve("wrong.json"), labels(3, "in_court"));

    Evaluator.Result right = Evaluator.evaluate(dir.resolve("right.json"));
    assertThat(right.fields().get("charge_stages")).isEqualTo(new Evaluator.Score(1, 0, 0));
    assertThat(right.fields().get("charge_counts")).isEqualTo(new Evaluator.Score(1, 0, 0));

    Evaluator.Result wrong = Evaluator.evaluate(dir.resolve("wrong.json"));
    assertThat(wrong.fields().get("charge_kinds")).isEqualTo(new Evaluator.Score(1, 0, 0));
    assertThat(wrong.fields().get("charge_stages")).isEqualTo(new Evaluator.Score(0, 1, 1));
    assertThat(wrong.fields().get("charge_counts")).isEqualTo(new Evaluator.Score(0, 1, 1));
    assertThat(wrong.documentResults().get(0).misses())
        .contains("charge_counts missed: criminal=3", "charge_counts spurious: criminal=2");
  }

  private static String labels(int count, String stage) {
    return "[{\"file\": \"a.txt\", \"language\": \"en\", \"published\": \"2025-05-02\", \"on_topic\": true,"
        + " \"violation_types\": [\"criminal_prosecution\"], \"legal_basis\": [\"KZ-CC-274\"],"
        + " \"charges\": [{\"kind\": \"criminal\", \"stage\": \"" + stage + "\", \"count\": " + count + "}]}]";
  }
}
