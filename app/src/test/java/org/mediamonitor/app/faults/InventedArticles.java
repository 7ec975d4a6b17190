package org.mediamonitor.app.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.mediamonitor.ingest.ArticleIds;
import org.mediamonitor.schema.RawArticle;

/**
 * A deterministic stream of invented raw articles (invented people, outlets and towns), about 1 KB
 * each: criminal cases, civil suits for honour and dignity, administrative fines and off-topic news,
 * published over 2016 to 2025 (most news is off topic: three articles in ten report a charge, so that a month holds tens of stories, as in reality); some stories reprinted by a second outlet (same body, so the same
 * content hash and one story), and some articles corrected later (revision 2 with a new body, which
 * must replace revision 1's contribution). Ids and content hashes are computed as ingest computes them.
 */
final class InventedArticles {

  private static final String[] OUTLETS = {"steppe-herald", "irtysh-courier", "altai-evening", "caspian-wire",
      "zhetysu-today", "saryarka-post", "aral-bulletin", "tobol-voice"};
  private static final String[] TOWNS = {"Taraz", "Oral", "Kokshetau", "Pavlodar", "Semey", "Atyrau", "Turkistan",
      "Kostanay", "Petropavl", "Ekibastuz"};
  private static final String[] NAMES = {"Arman Testov", "Dana Kemelova", "Yerlan Sampleuly", "Aigerim Fictova",
      "Nurlan Inventov", "Saule Madeupova", "Timur Placeholder", "Gulnar Exampleva", "Marat Mockov", "Zhanna Dummyeva"};
  private static final String[] OFFICIALS = {"Akim Serik Oinbaev", "Deputy Bolat Nominal", "Businessman Kairat Sham",
      "Prosecutor Ruslan Pretend"};
  private static final String FILLER = " The editorial office notes that the report was prepared by a correspondent"
      + " who spoke to residents, local officials and lawyers over several days. Readers can send their comments"
      + " and corrections to the newsroom through the form on the website; the newsroom answers every letter within"
      + " a week. Meanwhile the regional weather service promised a warm and dry week, the farmers' market on the"
      + " central square will open on Saturday, and the city's new bus routes start running next month.";

  private static final Instant FROM = Instant.parse("2016-01-01T00:00:00Z");
  private static final long SPAN_MINUTES = Duration.ofDays(3652).toMinutes();

  private InventedArticles() {}

  /**
   * {@code articles} distinct articles, plus one revision for about one in twelve; revisions come
   * after their first version (in the second half of the list), reprints after their original.
   */
  static List<RawArticle> generate(int articles, long seed) {
    Random random = new Random(seed);
    List<RawArticle> first = new ArrayList<>();
    List<RawArticle> all = new ArrayList<>();
    for (int i = 0; i < articles; i++) {
      String outlet = OUTLETS[random.nextInt(OUTLETS.length)];
      String url = String.format(Locale.ROOT, "https://%s.example/news/%d", outlet, i);
      Instant published = FROM.plus(Duration.ofMinutes(random.nextLong(SPAN_MINUTES)));
      String body;
      if (i > 10 && random.nextInt(16) == 0) {
        // a reprint: another outlet publishes an earlier story word for word
        RawArticle original = first.get(random.nextInt(first.size()));
        body = original.getBody();
        published = original.getPublishedAt().plus(Duration.ofHours(3));
      } else {
        body = body(random, i, 1);
      }
      RawArticle raw = raw(url, outlet, body, published, 1);
      first.add(raw);
      all.add(raw);
    }
    // corrections: a new body under the same URL, in the second half of the stream
    List<RawArticle> revisions = new ArrayList<>();
    for (RawArticle original : first.subList(0, articles / 2)) {
      if (random.nextInt(12) == 0) {
        revisions.add(raw(original.getUrl(), original.getSource(), body(random, all.size() + revisions.size(), 2),
            original.getPublishedAt(), 2));
      }
    }
    // spread the revisions over the second half, keeping the list's order otherwise
    List<RawArticle> out = new ArrayList<>(all.subList(0, articles / 2));
    List<RawArticle> rest = all.subList(articles / 2, articles);
    int step = Math.max(1, rest.size() / Math.max(1, revisions.size()));
    int r = 0;
    for (int i = 0; i < rest.size(); i++) {
      out.add(rest.get(i));
      if (i % step == 0 && r < revisions.size()) {
        out.add(revisions.get(r++));
      }
    }
    out.addAll(revisions.subList(r, revisions.size()));
    return out;
  }

  private static RawArticle raw(String url, String source, String body, Instant published, int revision) {
    return RawArticle.newBuilder()
        .setId(ArticleIds.id(url, body))
        .setUrl(url)
        .setSource(source)
        .setTitle(null)
        .setBody(body)
        .setLanguageHint("en")
        .setPublishedAt(published)
        .setFetchedAt(published.plus(Duration.ofHours(revision)))
        .setContentHash(ArticleIds.contentHash(body))
        .setRevision(revision)
        .build();
  }

  private static String body(Random random, int serial, int revision) {
    String town = TOWNS[random.nextInt(TOWNS.length)];
    String name = NAMES[random.nextInt(NAMES.length)];
    String lead = switch (random.nextInt(10)) {
      case 0 -> "Police in " + town + " opened a criminal case against blogger " + name
          + " under Article 274 of the Criminal Code (dissemination of knowingly false information).";
      case 1 -> OFFICIALS[random.nextInt(OFFICIALS.length)] + " filed a lawsuit against journalist " + name
          + " for protection of honour, dignity and business reputation under Article 143 of the Civil Code, claiming "
          + (1 + random.nextInt(9)) + " million tenge in moral damages.";
      case 2 -> "A court in " + town + " fined journalist " + name
          + " under Article 456-2 of the Code of Administrative Offences for a post on social media.";
      default -> "The city council of " + town + " approved a new budget for road repairs and the renovation of "
          + (2 + random.nextInt(5)) + " schools.";
    };
    return lead + FILLER + String.format(Locale.ROOT, " Story %d, version %d.", serial, revision);
  }
}
