package org.mediamonitor.enrich.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mediamonitor.schema.Charge;
import org.mediamonitor.schema.ChargeKind;
import org.mediamonitor.schema.ChargeStage;
import org.mediamonitor.schema.EnrichedArticle;
import org.mediamonitor.schema.Evidence;
import org.mediamonitor.schema.Incident;
import org.mediamonitor.schema.RawArticle;
import org.mediamonitor.schema.ReportedTallies;
import org.mediamonitor.schema.TallyFigures;

/**
 * What the classifier found in one article. Top-level lists are the union over incidents.
 *
 * @param referenceDate the date relative dates and date-dependent provisions were resolved against
 *     (the publication date, else one inferred from the text), or null
 */
public record Classification(
    String language,
    boolean onTopic,
    List<String> violationTypes,
    List<String> legalBasis,
    List<ChargeResult> charges,
    List<IncidentResult> incidents,
    Tallies reportedTallies,
    List<EvidenceSpan> evidence,
    String taxonomyVersion,
    LocalDate referenceDate) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Why a tag was given: the rule and the text span (offsets in the body). */
  public record EvidenceSpan(String tag, String ruleId, int start, int end, String snippet) {}

  /** A legal action against journalists, media or citizens for expression. */
  public record ChargeResult(String kind, String stage, Integer count, String legalBasis, Long claimedKzt,
      Long awardedKzt, List<EvidenceSpan> evidence) {}

  /**
   * One incident; {@code summary} marks the frame of a digest (its introduction and summary
   * tallies) as opposed to a reported event; {@code background} the earlier cases a news report
   * recalls (counted when they happened, not again).
   */
  public record IncidentResult(int index, int start, int end, boolean summary, boolean background, LocalDate date,
      List<String> violationTypes, List<String> legalBasis, List<ChargeResult> charges,
      List<EvidenceSpan> evidence) {}

  /** Figures a digest states; null = not stated. */
  public record Figures(Long criminal, Long criminalInCourt, Long civil, Long civilHonorDignity, Long administrative,
      Long damagesClaimedKzt, Long damagesAwardedKzt) {

    /** The stated figures under the names of TAXONOMY.md (criminal, criminal_in_court, ...). */
    public Map<String, Long> asMap() {
      Map<String, Long> m = new LinkedHashMap<>();
      put(m, "criminal", criminal);
      put(m, "criminal_in_court", criminalInCourt);
      put(m, "civil", civil);
      put(m, "civil_honor_dignity", civilHonorDignity);
      put(m, "administrative", administrative);
      put(m, "damages_claimed_kzt", damagesClaimedKzt);
      put(m, "damages_awarded_kzt", damagesAwardedKzt);
      return m;
    }

    boolean isEmpty() {
      return asMap().isEmpty();
    }

    private static void put(Map<String, Long> m, String k, Long v) {
      if (v != null) {
        m.put(k, v);
      }
    }

    TallyFigures toAvro() {
      return TallyFigures.newBuilder().setCriminal(criminal).setCriminalInCourt(criminalInCourt).setCivil(civil)
          .setCivilHonorDignity(civilHonorDignity).setAdministrative(administrative)
          .setDamagesClaimedKzt(damagesClaimedKzt).setDamagesAwardedKzt(damagesAwardedKzt).build();
    }
  }

  /** Summary tallies of a digest, for its month ("YYYY-MM" when known) and the year to date. */
  public record Tallies(String month, Figures monthFigures, Figures yearToDate, List<EvidenceSpan> evidence) {}

  /** The Avro record for the enriched-articles topic. */
  public EnrichedArticle toEnriched(RawArticle raw, Instant enrichedAt) {
    List<Incident> inc = new ArrayList<>();
    for (IncidentResult i : incidents) {
      inc.add(Incident.newBuilder()
          .setIndex(i.index())
          .setStart(i.start())
          .setEnd(i.end())
          .setDate(i.date())
          .setViolationTypes(List.copyOf(i.violationTypes()))
          .setLegalBasis(List.copyOf(i.legalBasis()))
          .setCharges(i.charges().stream().map(Classification::toAvro).toList())
          .setEvidence(avro(i.evidence()))
          .setSummary(i.summary())
          .setBackground(i.background())
          .build());
    }
    ReportedTallies tallies = null;
    if (reportedTallies != null) {
      tallies = ReportedTallies.newBuilder()
          .setMonth(reportedTallies.month())
          .setMonthFigures(reportedTallies.monthFigures() == null ? null : reportedTallies.monthFigures().toAvro())
          .setYearToDate(reportedTallies.yearToDate() == null ? null : reportedTallies.yearToDate().toAvro())
          .setEvidence(avro(reportedTallies.evidence()))
          .build();
    }
    return EnrichedArticle.newBuilder()
        .setArticleId(raw.getId())
        .setUrl(raw.getUrl())
        .setSource(raw.getSource())
        .setTitle(raw.getTitle())
        .setPublishedAt(raw.getPublishedAt())
        .setFetchedAt(raw.getFetchedAt())
        .setEnrichedAt(enrichedAt)
        .setContentHash(raw.getContentHash())
        .setRevision(raw.getRevision())
        .setLanguage(language)
        .setOnTopic(onTopic)
        .setIncidents(inc)
        .setReportedTallies(tallies)
        .setEvidence(avro(evidence))
        .setTaxonomyVersion(taxonomyVersion)
        .build();
  }

  private static Charge toAvro(ChargeResult c) {
    return Charge.newBuilder()
        .setKind(ChargeKind.valueOf(c.kind()))
        .setStage(ChargeStage.valueOf(c.stage()))
        .setCount(c.count())
        .setLegalBasis(c.legalBasis())
        .setClaimedKzt(c.claimedKzt())
        .setAwardedKzt(c.awardedKzt())
        .setEvidence(avro(c.evidence()))
        .build();
  }

  private static List<Evidence> avro(List<EvidenceSpan> spans) {
    List<Evidence> out = new ArrayList<>(spans.size());
    for (EvidenceSpan e : spans) {
      out.add(Evidence.newBuilder().setTag(e.tag()).setRuleId(e.ruleId()).setStart(e.start()).setEnd(e.end())
          .setSnippet(e.snippet()).build());
    }
    return out;
  }

  /**
   * The JSON rendering used by {@code media-monitor classify}: file, language, on_topic,
   * violation_types, legal_basis, charges, incidents, reported_tallies, evidence, taxonomy_version.
   */
  public ObjectNode toJson(String file) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("file", file);
    o.put("language", language);
    o.put("on_topic", onTopic);
    strings(o.putArray("violation_types"), violationTypes);
    strings(o.putArray("legal_basis"), legalBasis);
    ArrayNode ch = o.putArray("charges");
    charges.forEach(c -> charge(ch.addObject(), c));
    ArrayNode inc = o.putArray("incidents");
    for (IncidentResult i : incidents) {
      ObjectNode n = inc.addObject();
      if (i.date() == null) {
        n.putNull("date");
      } else {
        n.put("date", i.date().toString());
      }
      n.put("summary", i.summary());
      n.put("background", i.background());
      strings(n.putArray("violation_types"), i.violationTypes());
      strings(n.putArray("legal_basis"), i.legalBasis());
      ArrayNode ich = n.putArray("charges");
      i.charges().forEach(c -> charge(ich.addObject(), c));
      evidence(n.putArray("evidence"), i.evidence());
    }
    if (reportedTallies == null) {
      o.putNull("reported_tallies");
    } else {
      ObjectNode t = o.putObject("reported_tallies");
      figures(t, "month", reportedTallies.monthFigures());
      figures(t, "year_to_date", reportedTallies.yearToDate());
    }
    evidence(o.putArray("evidence"), evidence);
    o.put("taxonomy_version", taxonomyVersion);
    return o;
  }

  private static void figures(ObjectNode parent, String name, Figures f) {
    if (f == null) {
      parent.putNull(name);
      return;
    }
    ObjectNode n = parent.putObject(name);
    f.asMap().forEach(n::put);
  }

  private static void charge(ObjectNode n, ChargeResult c) {
    n.put("kind", c.kind());
    n.put("stage", c.stage());
    if (c.count() == null) {
      n.putNull("count");
    } else {
      n.put("count", c.count());
    }
    n.put("legal_basis", c.legalBasis());
    if (c.claimedKzt() == null) {
      n.putNull("claimed_kzt");
    } else {
      n.put("claimed_kzt", c.claimedKzt());
    }
    if (c.awardedKzt() == null) {
      n.putNull("awarded_kzt");
    } else {
      n.put("awarded_kzt", c.awardedKzt());
    }
  }

  private static void strings(ArrayNode a, List<String> values) {
    values.forEach(a::add);
  }

  private static void evidence(ArrayNode a, List<EvidenceSpan> spans) {
    for (EvidenceSpan e : spans) {
      ObjectNode n = a.addObject();
      n.put("tag", e.tag());
      n.put("rule", e.ruleId());
      n.put("start", e.start());
      n.put("end", e.end());
      n.put("snippet", e.snippet());
    }
  }
}
