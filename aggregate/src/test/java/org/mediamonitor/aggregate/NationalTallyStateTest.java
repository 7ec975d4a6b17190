package org.mediamonitor.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediamonitor.aggregate.Articles.administrative;
import static org.mediamonitor.aggregate.Articles.article;
import static org.mediamonitor.aggregate.Articles.civil;
import static org.mediamonitor.aggregate.Articles.criminal;
import static org.mediamonitor.aggregate.Articles.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.mediamonitor.common.serde.WireFormat;
import org.mediamonitor.schema.Charge;
import org.mediamonitor.schema.ChargeCounts;
import org.mediamonitor.schema.ChargeStage;
import org.mediamonitor.schema.EnrichedArticle;
import org.mediamonitor.schema.MonthFigures;
import org.mediamonitor.schema.MonthStory;
import org.mediamonitor.schema.MonthlyCharges;

/**
 * The national step's state: a story's change costs the story and a small record per touched
 * month, whatever the number of stories in the month, and the incrementally kept figures always
 * equal the figures summed again from the per-story entries.
 */
class NationalTallyStateTest {

  private static final String APP = "aggregate-test";

  private static String changelog(String store) {
    return APP + "-" + store + "-changelog";
  }

  /** Value bytes written to a store's changelog since the last read. */
  private static long bytesWritten(TestOutputTopic<byte[], byte[]> changelog) {
    long n = 0;
    for (KeyValue<byte[], byte[]> kv : changelog.readKeyValuesToList()) {
      n += (kv.key == null ? 0 : kv.key.length) + (kv.value == null ? 0 : kv.value.length);
    }
    return n;
  }

  @Test
  void shouldWriteAboutTheSameBytesPerStoryWhateverTheStoriesAlreadyInTheMonth() {
    try (TallyHarness harness = new TallyHarness(AggregateConfig.defaults())) {
      TestOutputTopic<byte[], byte[]> figuresLog = harness.driver.createOutputTopic(
          changelog(AggregateTopology.MONTHS_STORE), new ByteArrayDeserializer(), new ByteArrayDeserializer());
      TestOutputTopic<byte[], byte[]> storiesLog = harness.driver.createOutputTopic(
          changelog(AggregateTopology.MONTH_STORIES_STORE), new ByteArrayDeserializer(), new ByteArrayDeserializer());
      var serde = WireFormat.singleObject().serde(MonthFigures.class);
      int stories = 300;
      long[] figureSize = new long[stories];
      long[] written = new long[stories];
      for (int i = 0; i < stories; i++) {
        LocalDate day = LocalDate.of(2025, 4, 1 + i % 30);
        harness.send(article(String.format(Locale.ROOT, "story-%03d", i))
            .incident(day.toString(), criminal(ChargeStage.filed, 1), administrative(1))
            .incident(day.toString(), civil("KZ-CivC-143", 100_000L, null)));
        figureSize[i] = serde.serializer().serialize("t", harness.monthsStore().get("2025-04")).length;
        written[i] = bytesWritten(figuresLog) + bytesWritten(storiesLog);
      }
      assertThat(harness.monthsStore().get("2025-04").getIncidents()).isEqualTo(2 * stories);
      assertThat(Arrays.stream(written).min().orElseThrow()).as("the changelogs are captured").isPositive();
      // from the 31st story on, every day of April has incidents: only the counts' varints may grow
      long settledFigures = figureSize[30];
      long settledWrites = written[30];
      for (int i = 31; i < stories; i++) {
        assertThat(figureSize[i]).as("month figures after %d stories", i + 1).isLessThanOrEqualTo(settledFigures + 16);
        assertThat(written[i]).as("bytes written for story %d", i + 1).isLessThanOrEqualTo(settledWrites + 16);
      }
      assertThat(figureSize[stories - 1]).isLessThan(2_000);
      // the audit trail still lists every story's incidents
      assertThat(harness.queries().incidents(YearMonth.of(2025, 4)).orElseThrow()).hasSize(2 * stories);
    }
  }

  /** A random on-topic article: up to three incidents around the turn of 2024/25, sometimes a digest's tallies. */
  private static EnrichedArticle randomArticle(Random random, String id, int revision, String hash) {
    Articles a = article(id).hash(hash).revision(revision)
        .enriched(String.format(Locale.ROOT, "2025-04-%02dT07:00:00Z", 1 + random.nextInt(28)));
    int incidents = random.nextInt(4);
    for (int i = 0; i < incidents; i++) {
      String date = random.nextInt(10) == 0 ? null
          : LocalDate.of(2024, 11, 1).plusDays(random.nextInt(160)).toString(); // November 2024 to April 2025
      List<Charge> charges = new ArrayList<>();
      int n = random.nextInt(3);
      for (int c = 0; c < n; c++) {
        switch (random.nextInt(3)) {
          case 0 -> charges.add(criminal(random.nextBoolean() ? ChargeStage.filed : ChargeStage.in_court,
              random.nextInt(4) == 0 ? null : 1 + random.nextInt(3)));
          case 1 -> charges.add(civil(random.nextBoolean() ? "KZ-CivC-143" : "KZ-CivC-951",
              (long) random.nextInt(1_000_000), random.nextBoolean() ? null : (long) random.nextInt(500_000)));
          default -> charges.add(administrative(1 + random.nextInt(2)));
        }
      }
      a.incident(date, charges.toArray(Charge[]::new));
    }
    if (random.nextInt(6) == 0) {
      a.reported(String.format(Locale.ROOT, "2025-%02d", 1 + random.nextInt(4)),
          figures((long) random.nextInt(20), (long) random.nextInt(20), null), null);
    }
    if (random.nextInt(10) == 0) {
      a.offTopic();
    }
    return a.build();
  }

  private static <V> Map<String, V> contents(KeyValueStore<String, V> store) {
    Map<String, V> out = new TreeMap<>();
    try (KeyValueIterator<String, V> it = store.all()) {
      it.forEachRemaining(kv -> out.put(kv.key, kv.value));
    }
    return out;
  }

  /** Every month's figures equal the figures summed again from its entries; no entry without its month. */
  private static void assertFiguresEqualTheirEntries(TallyHarness harness) {
    Map<String, MonthFigures> months = contents(harness.monthsStore());
    TreeSet<String> monthsWithEntries = new TreeSet<>();
    contents(harness.storiesStore()).forEach((key, entry) -> {
      assertThat(key).isEqualTo(MonthBook.entryKey(entry.getMonth(), entry.getStoryKey()));
      assertThat(entry.getIncidents()).isNotEmpty();
      monthsWithEntries.add(entry.getMonth());
    });
    assertThat(months.keySet()).containsAll(monthsWithEntries);
    months.forEach((month, figures) -> {
      List<MonthStory> entries = MonthBook.stories(harness.storiesStore(), YearMonth.parse(month));
      assertThat(MonthBook.sum(month, entries, figures.getReports())).as("figures of %s", month).isEqualTo(figures);
    });
  }

  @Test
  void shouldKeepIncrementalFiguresEqualToFiguresSummedFromTheEntries() {
    Random random = new Random(20_250_417L);
    Map<String, EnrichedArticle> latest = new LinkedHashMap<>(); // article id -> last version, null when deleted
    Map<String, Integer> revisions = new LinkedHashMap<>();
    try (TallyHarness harness = new TallyHarness(AggregateConfig.defaults())) {
      for (int op = 0; op < 700; op++) {
        String id = "art-" + random.nextInt(60);
        if (random.nextInt(6) == 0) {
          harness.delete(id);
          latest.put(id, null);
        } else {
          int revision = revisions.merge(id, 1, Integer::sum);
          // a few shared content hashes make duplicate stories whose representative changes hands
          String hash = random.nextInt(3) == 0 ? "shared-" + random.nextInt(8) : "own-" + id;
          EnrichedArticle a = randomArticle(random, id, revision, hash);
          harness.send(a);
          latest.put(id, a);
        }
        if (op % 50 == 49) {
          assertFiguresEqualTheirEntries(harness);
        }
      }
      assertFiguresEqualTheirEntries(harness);
      assertThat(contents(harness.storiesStore())).as("the mix reached a sizeable state").hasSizeGreaterThan(20);

      // the published tallies are those of the store, with the year to date summed from January
      Map<String, MonthlyCharges> table = harness.monthlyTable(harness.monthly.readRecordsToList());
      Map<String, MonthFigures> months = contents(harness.monthsStore());
      table.forEach((month, out) -> {
        MonthFigures figures = months.get(month);
        if (out == null) {
          assertThat(figures).as("tombstoned %s", month).isNull();
          return;
        }
        assertThat(out.getComputed()).isEqualTo(figures.getComputed());
        assertThat(out.getIncidents()).isEqualTo(figures.getIncidents());
        ChargeCounts ytd = Counts.zero();
        for (Map.Entry<String, MonthFigures> e : months.entrySet()) {
          if (e.getKey().startsWith(month.substring(0, 5)) && e.getKey().compareTo(month) <= 0) {
            ytd = Counts.plus(ytd, e.getValue().getComputed());
          }
        }
        assertThat(out.getYearToDate()).as("year to date of %s", month).isEqualTo(ytd);
      });
      assertThat(table.keySet()).containsAll(months.keySet());

      // the same final articles, each sent once in one go, give the very same state
      try (TallyHarness fresh = new TallyHarness(AggregateConfig.defaults())) {
        latest.values().stream().filter(a -> a != null).forEach(fresh::send);
        assertThat(contents(fresh.monthsStore())).isEqualTo(months);
        assertThat(contents(fresh.storiesStore())).isEqualTo(contents(harness.storiesStore()));
      }
    }
  }
}
