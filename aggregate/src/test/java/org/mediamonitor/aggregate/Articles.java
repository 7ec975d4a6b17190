package org.mediamonitor.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.mediamonitor.schema.Charge;
import org.mediamonitor.schema.ChargeKind;
import org.mediamonitor.schema.ChargeStage;
import org.mediamonitor.schema.EnrichedArticle;
import org.mediamonitor.schema.Evidence;
import org.mediamonitor.schema.Incident;
import org.mediamonitor.schema.ReportedTallies;
import org.mediamonitor.schema.TallyFigures;

/** Hand-made enriched articles about invented people and outlets. */
final class Articles {

  private final String id;
  private String contentHash;
  private Instant publishedAt = Instant.parse("2025-04-10T06:00:00Z");
  private Instant fetchedAt = Instant.parse("2025-04-10T07:00:00Z");
  private Instant enrichedAt = Instant.parse("2025-04-10T07:00:01Z");
  private int revision = 1;
  private boolean onTopic = true;
  private final List<Incident> incidents = new ArrayList<>();
  private ReportedTallies reported;

  private Articles(String id) {
    this.id = id;
    this.contentHash = "hash-of-" + id;
  }

  static Articles article(String id) {
    return new Articles(id);
  }

  Articles hash(String hash) {
    this.contentHash = hash;
    return this;
  }

  Articles published(String instant) {
    this.publishedAt = instant == null ? null : Instant.parse(instant);
    return this;
  }

  Articles fetched(String instant) {
    this.fetchedAt = Instant.parse(instant);
    return this;
  }

  Articles enriched(String instant) {
    this.enrichedAt = Instant.parse(instant);
    return this;
  }

  Articles revision(int revision) {
    this.revision = revision;
    return this;
  }

  Articles offTopic() {
    this.onTopic = false;
    return this;
  }

  /** An incident on {@code date} (null: undated) with these charges. */
  Articles incident(String date, Charge... charges) {
    return incident(false, date, charges);
  }

  /** A digest's summary frame: its charges restate the digest's own totals. */
  Articles summaryFrame(Charge... charges) {
    return incident(true, false, null, charges);
  }

  /** Earlier cases the report recalls. */
  Articles earlierCases(Charge... charges) {
    return incident(false, true, null, charges);
  }

  private Articles incident(boolean summary, String date, Charge... charges) {
    return incident(summary, false, date, charges);
  }

  private Articles incident(boolean summary, boolean background, String date, Charge... charges) {
    List<String> basis = new ArrayList<>();
    for (Charge c : charges) {
      if (c.getLegalBasis() != null) {
        basis.add(c.getLegalBasis());
      }
    }
    incidents.add(Incident.newBuilder()
        .setIndex(incidents.size())
        .setDate(date == null ? null : LocalDate.parse(date))
        .setViolationTypes(List.of(charges.length == 0 ? "attack_on_journalist" : "criminal_prosecution"))
        .setLegalBasis(basis)
        .setCharges(List.of(charges))
        .setEvidence(List.of(new Evidence("violation:criminal_prosecution", "test-rule", 0, 10, "invented text")))
        .setSummary(summary)
        .setBackground(background)
        .build());
    return this;
  }

  Articles reported(String month, TallyFigures monthFigures, TallyFigures yearToDate) {
    this.reported = ReportedTallies.newBuilder().setMonth(month).setMonthFigures(monthFigures).setYearToDate(yearToDate).build();
    return this;
  }

  EnrichedArticle build() {
    return EnrichedArticle.newBuilder()
        .setArticleId(id)
        .setUrl("https://news.example.test/" + id)
        .setSource("Example Steppe Gazette")
        .setTitle("Invented report " + id)
        .setPublishedAt(publishedAt)
        .setFetchedAt(fetchedAt)
        .setEnrichedAt(enrichedAt)
        .setContentHash(contentHash)
        .setRevision(revision)
        .setLanguage("en")
        .setOnTopic(onTopic)
        .setIncidents(List.copyOf(incidents))
        .setReportedTallies(reported)
        .setTaxonomyVersion("test")
        .build();
  }

  static Charge criminal(ChargeStage stage, Integer count) {
    return charge(ChargeKind.criminal, stage, count, "KZ-CC-274");
  }

  static Charge administrative(Integer count) {
    return charge(ChargeKind.administrative, ChargeStage.verdict, count, "KZ-CAO-456-2");
  }

  static Charge civil(String basis, Long claimed, Long awarded) {
    return Charge.newBuilder(charge(ChargeKind.civil, ChargeStage.in_court, 1, basis))
        .setClaimedKzt(claimed).setAwardedKzt(awarded).build();
  }

  static Charge charge(ChargeKind kind, ChargeStage stage, Integer count, String basis) {
    return Charge.newBuilder().setKind(kind).setStage(stage).setCount(count).setLegalBasis(basis).build();
  }

  static TallyFigures figures(Long criminal, Long civil, Long administrative) {
    return TallyFigures.newBuilder().setCriminal(criminal).setCivil(civil).setAdministrative(administrative).build();
  }
}
