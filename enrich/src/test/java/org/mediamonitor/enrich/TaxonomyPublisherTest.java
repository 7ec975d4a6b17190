package org.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.mediamonitor.schema.TaxonomyRelease;

class TaxonomyPublisherTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-04-01T10:00:00Z"), ZoneOffset.UTC);
  private final TaxonomyPublisher publisher = new TaxonomyPublisher(TestTaggers.FACTORY, clock);

  @Test
  void shouldTakeTheReleaseVersionFromTheTaxonomy() {
    TaxonomyRelease release = publisher.release(TestTaggers.taxonomy("2026.04"));

    assertThat(release.getVersion()).isEqualTo("2026.04");
    assertThat(release.getContent()).isEqualTo(TestTaggers.taxonomy("2026.04"));
    assertThat(release.getPublishedAt()).isEqualTo(clock.instant());
  }

  @Test
  void shouldRefuseAnInvalidTaxonomyNamingTheEntry() {
    assertThatThrownBy(() -> publisher.release("version=x\nbroken=unknown code KZ-CC-9999\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entry 'broken'");
  }
}
