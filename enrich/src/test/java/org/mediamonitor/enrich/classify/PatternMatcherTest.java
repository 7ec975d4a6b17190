package org.mediamonitor.enrich.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternMatcherTest {

  private static final List<Taxonomy.Rule> RULES = List.of(
      new Taxonomy.Rule("r.case", List.of("kind:criminal"), List.of("уголовн* дел*", "criminal case"), null, null),
      new Taxonomy.Rule("r.court", List.of("stage:in_court"), List.of("in$ court", "суд$"), null, null),
      new Taxonomy.Rule("r.gap", List.of("cue:target_media"), List.of("against ~ blogger"), null, null));

  private static List<String> found(String text) {
    TextIndex ix = new TextIndex(text);
    return new PatternMatcher(RULES).match(ix).stream()
        .map(h -> RULES.get(h.rule()).id() + "=" + text.substring(h.start(), h.end())).toList();
  }

  @Test
  void shouldMatchStemsAtWordStartsOnly() {
    assertThat(found("Уголовное дело и уголовного дела; полууголовное делопроизводство"))
        .containsExactly("r.case=Уголовное дело", "r.case=уголовного дела");
  }

  @Test
  void shouldMatchWholeWordsExactlyAndSkipUpToFourWordsAtATilde() {
    assertThat(found("Суд, судья; a case against the invented young blogger; against one two three four five blogger"))
        .containsExactly("r.court=Суд", "r.gap=against the invented young blogger");
  }

  @Test
  void shouldNotCrossALineBreak() {
    assertThat(found("criminal\ncase in\ncourt")).isEmpty();
  }

  @Test
  void shouldPutTheLongerHitFirstAtOneStart() {
    List<Taxonomy.Rule> rules = List.of(
        new Taxonomy.Rule("short", List.of("stage:filed"), List.of("pre trial"), null, null),
        new Taxonomy.Rule("long", List.of("kind:criminal"), List.of("pre trial investigation"), null, null));
    String text = "A pre-trial investigation began " + LocalDate.of(2024, 1, 1);
    List<PatternMatcher.Hit> hits = new PatternMatcher(rules).match(new TextIndex(text));
    assertThat(hits).extracting(h -> rules.get(h.rule()).id()).containsExactly("long", "short");
  }
}
