package org.mediamonitor.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.mediamonitor.schema.ArticleContribution;
import org.mediamonitor.schema.Charge;
import org.mediamonitor.schema.ChargeCounts;
import org.mediamonitor.schema.ChargeStage;
import org.mediamonitor.schema.CountedIncident;
import org.mediamonitor.schema.EnrichedArticle;
import org.mediamonitor.schema.Incident;
import org.mediamonitor.schema.ReportedTallies;

/**
 * What one enriched article adds to the tallies (TAXONOMY.md, Charges): pure functions, no state.
 *
 * <p>Charges are counted, not articles. A charge's {@code count} is persons or claims; a null count
 * ("several") counts as one. A charge at stage {@code dismissed} still counts as a charge: the
 * classifier emits no charge for a negation, so a dismissed charge is a case that existed. The
 * charges of a digest's summary frame are not counted: they are the monitor's own totals, which
 * the digest's reported tallies already carry and the API shows beside the computed ones. Nor are
 * the earlier cases a report recalls ("in 2021 another blogger was sentenced under the same
 * article"): they counted when they happened.
 */
public final class Contributions {

  public static final String HONOR_DIGNITY_BASIS = "KZ-CivC-143";
  static final String HASH_STORY_PREFIX = "h:";
  static final String ARTICLE_STORY_PREFIX = "a:";

  private Contributions() {}

  /** The article's contribution, or null when it contributes nothing (off topic, no charges, no tallies). */
  public static ArticleContribution of(EnrichedArticle article, ZoneId zone) {
    if (article == null || !article.getOnTopic()) {
      return null;
    }
    LocalDate articleDay = articleDay(article, zone);
    List<CountedIncident> incidents = new ArrayList<>();
    for (Incident incident : article.getIncidents()) {
      if (incident.getCharges().isEmpty()) {
        continue; // an incident without charges adds nothing to a charge tally
      }
      if (incident.getSummary() || incident.getBackground()) {
        // a digest's own totals: kept as its reported tallies, beside the computed ones, never
        // added to them (they would count the digest's listed events twice, and raise alerts);
        // an earlier case a report recalls was counted when it happened
        continue;
      }
      ChargeCounts counts = count(incident.getCharges());
      LocalDate day = incident.getDate() != null ? incident.getDate() : articleDay;
      incidents.add(CountedIncident.newBuilder()
          .setIndex(incident.getIndex())
          .setMonth(month(day))
          .setDate(day)
          .setDateStated(incident.getDate() != null)
          .setCounts(counts)
          .setViolationTypes(List.copyOf(incident.getViolationTypes()))
          .setLegalBasis(List.copyOf(incident.getLegalBasis()))
          .setCharges(List.copyOf(incident.getCharges()))
          .setEvidence(List.copyOf(incident.getEvidence()))
          .build());
    }
    ReportedTallies reported = article.getReportedTallies();
    if (reported != null && reported.getMonthFigures() == null && reported.getYearToDate() == null) {
      reported = null; // a digest that states no figure reports nothing
    }
    if (incidents.isEmpty() && reported == null) {
      return null;
    }
    String reportedMonth = null;
    if (reported != null) {
      reportedMonth = parseMonth(reported.getMonth());
      if (reportedMonth == null) {
        reportedMonth = month(articleDay);
      }
      reported = ReportedTallies.newBuilder(reported).setMonth(reportedMonth).build();
    }
    return ArticleContribution.newBuilder()
        .setArticleId(article.getArticleId())
        .setStoryKey(storyKey(article))
        .setUrl(article.getUrl())
        .setSource(article.getSource())
        .setTitle(article.getTitle())
        .setRevision(article.getRevision())
        .setEnrichedAt(article.getEnrichedAt())
        .setIncidents(incidents)
        .setReportedMonth(reportedMonth)
        .setReported(reported)
        .build();
  }

  /** The same story told by two outlets shares the content hash; without one, an article is its own story. */
  public static String storyKey(EnrichedArticle article) {
    String hash = article.getContentHash();
    return hash == null || hash.isBlank() ? ARTICLE_STORY_PREFIX + article.getArticleId() : HASH_STORY_PREFIX + hash;
  }

  /** Publication day in the zone, else the day it was fetched. */
  static LocalDate articleDay(EnrichedArticle article, ZoneId zone) {
    Instant at = article.getPublishedAt() != null ? article.getPublishedAt() : article.getFetchedAt();
    return at.atZone(zone).toLocalDate();
  }

  public static String month(LocalDate day) {
    return YearMonth.from(day).toString();
  }

  /** YYYY-MM normalised, or null when the text is absent or not a month. */
  static String parseMonth(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return YearMonth.parse(text.trim()).toString();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public static ChargeCounts count(List<Charge> charges) {
    long criminal = 0;
    long inCourt = 0;
    long civil = 0;
    long honor = 0;
    long administrative = 0;
    long claimed = 0;
    long awarded = 0;
    for (Charge charge : charges) {
      long n = charge.getCount() == null ? 1 : Math.max(0, charge.getCount());
      switch (charge.getKind()) {
        case criminal -> {
          criminal += n;
          if (charge.getStage() == ChargeStage.in_court || charge.getStage() == ChargeStage.verdict) {
            inCourt += n;
          }
        }
        case civil -> {
          civil += n;
          if (HONOR_DIGNITY_BASIS.equals(charge.getLegalBasis())) {
            honor += n;
          }
        }
        case administrative -> administrative += n;
        default -> throw new IllegalStateException("unknown charge kind " + charge.getKind());
      }
      claimed += charge.getClaimedKzt() == null ? 0 : charge.getClaimedKzt();
      awarded += charge.getAwardedKzt() == null ? 0 : charge.getAwardedKzt();
    }
    return new ChargeCounts(criminal, inCourt, civil, honor, administrative, claimed, awarded);
  }
}
