package org.mediamonitor.enrich.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaxonomyTest {

  private static final String HEAD = """
      {"version": "test-1",
       "violation_types": ["attack_on_journalist"],
       "codes": [{"id": "CC", "prefix": "KZ-CC", "kind": "criminal", "aliases": ["criminal code"]}],
       "provisions": [{"code": "KZ-CC-274", "side": "charge", "title": {"en": "False information"}}],
      """;

  @Test
  void shouldParseBundledTaxonomyWithVersionAndTitles() {
    Taxonomy t = Taxonomy.bundled();
    assertThat(t.version()).isNotBlank();
    assertThat(t.title("KZ-CC-274", "ru")).contains("ложной");
    assertThat(t.title("KZ-CC-274", "kk")).contains("жалған");
    assertThat(t.rules()).isNotEmpty();
    assertThat(Taxonomy.parse(t.content()).version()).isEqualTo(t.version());
  }

  @Test
  void shouldRejectUnknownViolationCodeNamingTheRule() {
    String json = HEAD + """
       "rules": [{"id": "attack.words", "tags": ["violation:attack_on_journalst"], "patterns": ["beaten"]}]}
      """;
    assertThatThrownBy(() -> Taxonomy.parse(json)).isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("attack.words").hasMessageContaining("attack_on_journalst");
  }

  @Test
  void shouldRejectUnknownLegalCodeNamingTheRule() {
    String json = HEAD + """
       "rules": [{"id": "libel.words", "tags": ["legal:KZ-XX-1"], "patterns": ["libel"]}]}
      """;
    assertThatThrownBy(() -> Taxonomy.parse(json)).isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("libel.words").hasMessageContaining("KZ-XX-1");
  }

  @Test
  void shouldRejectEmptyPatternNamingTheRule() {
    String json = HEAD + """
       "rules": [{"id": "empty.one", "tags": ["violation:attack_on_journalist"], "patterns": ["beaten", " - "]}]}
      """;
    assertThatThrownBy(() -> Taxonomy.parse(json)).isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("empty.one").hasMessageContaining("empty pattern");
  }

  @Test
  void shouldRejectDuplicateRuleIdNamingIt() {
    String json = HEAD + """
       "rules": [{"id": "twice", "tags": ["violation:attack_on_journalist"], "patterns": ["beaten"]},
                 {"id": "twice", "tags": ["violation:attack_on_journalist"], "patterns": ["punched"]}]}
      """;
    assertThatThrownBy(() -> Taxonomy.parse(json)).isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("duplicate id 'twice'");
  }

  @Test
  void shouldRejectProvisionOfUnknownCodeFamily() {
    String json = """
        {"version": "x", "violation_types": [], "codes": [],
         "provisions": [{"code": "KZ-CC-274", "title": {"en": "x"}}]}
        """;
    assertThatThrownBy(() -> Taxonomy.parse(json)).isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("KZ-CC-274");
  }

  @Test
  void shouldRejectComboOnTagNoRuleEmits() {
    String json = HEAD + """
       "rules": [{"id": "r1", "tags": ["cue:assault"], "patterns": ["beaten"]}],
       "combos": [{"id": "c1", "tag": "violation:attack_on_journalist", "all": ["cue:assault", "cue:journalst"]}]}
      """;
    assertThatThrownBy(() -> Taxonomy.parse(json)).isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("c1").hasMessageContaining("cue:journalst");
  }

  @Test
  void shouldCompileAMinimalTaxonomyIntoAWorkingClassifier() {
    String json = HEAD + """
       "rules": [{"id": "beat", "tags": ["violation:attack_on_journalist"], "patterns": ["was beaten"]}]}
      """;
    Classifier c = Classifier.compile(Taxonomy.parse(json));
    Classification r = c.classify(null, "The reporter was beaten outside the court.", null, null);
    assertThat(r.violationTypes()).containsExactly("attack_on_journalist");
    assertThat(r.taxonomyVersion()).isEqualTo("test-1");
  }
}
