package org.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mediamonitor.enrich.classify.Taxonomy;
import org.mediamonitor.schema.EnrichedArticle;

class ClassifierTaggerTest {

  @Test
  void shouldTagWithTheBundledTaxonomyAndStampItsVersion() {
    assumeTrue(Taxonomy.class.getResource(Taxonomy.BUNDLED_RESOURCE) != null,
        "the bundled taxonomy " + Taxonomy.BUNDLED_RESOURCE + " is not on the classpath yet");
    Tagger tagger = ClassifierTagger.FACTORY.compile(ClassifierTagger.bundledContent());
    Instant at = Instant.parse("2026-03-02T09:00:00Z");

    EnrichedArticle out = tagger.tag(EnrichTopologyTest.article("c-1",
        "Police in Karaganda opened a criminal case against journalist Aida Testova under Article 274 of the"
            + " Criminal Code (dissemination of knowingly false information) over her post.", "en"), at);

    assertThat(tagger.version()).isEqualTo(Taxonomy.bundled().version());
    assertThat(out.getArticleId()).isEqualTo("c-1");
    assertThat(out.getEnrichedAt()).isEqualTo(at);
    assertThat(out.getLanguage()).isEqualTo("en");
    assertThat(out.getOnTopic()).isTrue();
  }

  @Test
  void shouldRefuseInvalidTaxonomyContent() {
    assertThatThrownBy(() -> ClassifierTagger.FACTORY.compile("{\"version\": 1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
