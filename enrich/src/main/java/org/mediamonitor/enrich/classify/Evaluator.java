package org.mediamonitor.enrich.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs a classifier over the files a labels file names (the format of the shared
 * {@code corpus/labels.json}: file paths relative to it) and scores it: precision, recall and F1
 * per field (violation types, legal basis, charge kinds) and per code, on-topic accuracy, reported
 * tallies parsed exactly, incident splits of digests, and the misses.
 */
public final class Evaluator {

  /**
   * Fields scored as sets per document. {@code charge_stages}: "kind:stage" of each charge;
   * {@code charge_counts}: "kind=N", N the persons or claims of that kind summed over the
   * document (a count of "several" counts as one, as the tallies do). A wrong stage or count is
   * one false positive and one false negative.
   */
  public static final List<String> FIELDS = List.of("violation_types", "legal_basis", "charge_kinds", "charge_stages",
      "charge_counts");
  /** Tally keys of TAXONOMY.md that are checked. */
  public static final List<String> TALLY_KEYS = List.of("criminal", "criminal_in_court", "civil",
      "civil_honor_dignity", "administrative", "damages_claimed_kzt", "damages_awarded_kzt");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Evaluator() {}

  /** True positives, false positives and false negatives. */
  public record Score(int tp, int fp, int fn) {

    public double precision() {
      return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    Score plus(Score o) {
      return new Score(tp + o.tp, fp + o.fp, fn + o.fn);
    }
  }

  /** One document's outcome. */
  public record DocumentResult(String file, boolean onTopicExpected, boolean onTopicPredicted,
      Map<String, Set<String>> expected, Map<String, Set<String>> predicted, int tallyStated, int tallyCorrect,
      int tallyExtra, Integer incidentsExpected, int incidentsPredicted, List<String> misses) {}

  /** The whole evaluation. */
  public record Result(Map<String, Score> fields, Map<String, Map<String, Score>> perCode, int documents,
      int onTopicCorrect, int tallyStated, int tallyCorrect, int tallyExtra, int digestsWithIncidents,
      int incidentSplitsCorrect, List<DocumentResult> documentResults) {

    public double f1(String field) {
      return fields.get(field).f1();
    }

    public double onTopicAccuracy() {
      return documents == 0 ? 1.0 : (double) onTopicCorrect / documents;
    }

    /** A printable report. */
    public String report() {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "Documents: %d%n", documents));
      b.append(String.format(Locale.ROOT, "%-18s %6s %6s %6s %4s %4s %4s%n", "field", "P", "R", "F1", "tp", "fp", "fn"));
      for (String f : FIELDS) {
        Score s = fields.get(f);
        b.append(String.format(Locale.ROOT, "%-18s %6.3f %6.3f %6.3f %4d %4d %4d%n", f, s.precision(), s.recall(),
            s.f1(), s.tp(), s.fp(), s.fn()));
      }
      b.append(String.format(Locale.ROOT, "on_topic accuracy: %d/%d%n", onTopicCorrect, documents));
      b.append(String.format(Locale.ROOT, "reported tallies: %d/%d stated figures parsed exactly (%d figures not stated in labels)%n",
          tallyCorrect, tallyStated, tallyExtra));
      b.append(String.format(Locale.ROOT, "digest incident splits: %d/%d with the labelled number of incidents%n",
          incidentSplitsCorrect, digestsWithIncidents));
      for (String f : FIELDS) {
        b.append("\nper code: ").append(f).append('\n');
        perCode.get(f).forEach((code, s) -> b.append(String.format(Locale.ROOT, "  %-40s P=%.2f R=%.2f F1=%.2f (tp %d fp %d fn %d)%n",
            code, s.precision(), s.recall(), s.f1(), s.tp(), s.fp(), s.fn())));
      }
      b.append("\nmisses:\n");
      for (DocumentResult d : documentResults) {
        if (!d.misses().isEmpty()) {
          b.append("  ").append(d.file()).append('\n');
          d.misses().forEach(m -> b.append("    ").append(m).append('\n'));
        }
      }
      return b.toString();
    }
  }

  /** Evaluates the bundled taxonomy on a labels file. */
  public static Result evaluate(Path labels) throws IOException {
    return evaluate(labels, Classifier.compile(Taxonomy.bundled()));
  }

  public static Result evaluate(Path labels, Classifier classifier) throws IOException {
    JsonNode root = MAPPER.readTree(Files.readString(labels, StandardCharsets.UTF_8));
    if (!root.isArray()) {
      throw new IOException("labels file must hold a JSON array: " + labels);
    }
    Path base = labels.toAbsolutePath().getParent();
    List<DocumentResult> docs = new ArrayList<>();
    for (JsonNode label : root) {
      docs.add(evaluateOne(base, label, classifier));
    }
    Map<String, Score> fields = new TreeMap<>();
    Map<String, Map<String, Score>> perCode = new TreeMap<>();
    for (String f : FIELDS) {
      fields.put(f, new Score(0, 0, 0));
      perCode.put(f, new TreeMap<>());
    }
    int onTopic = 0;
    int stated = 0;
    int correct = 0;
    int extra = 0;
    int digests = 0;
    int splits = 0;
    for (DocumentResult d : docs) {
      onTopic += d.onTopicExpected() == d.onTopicPredicted() ? 1 : 0;
      stated += d.tallyStated();
      correct += d.tallyCorrect();
      extra += d.tallyExtra();
      if (d.incidentsExpected() != null) {
        digests++;
        splits += d.incidentsExpected() == d.incidentsPredicted() ? 1 : 0;
      }
      for (String f : FIELDS) {
        Set<String> e = d.expected().get(f);
        Set<String> p = d.predicted().get(f);
        Set<String> all = new TreeSet<>(e);
        all.addAll(p);
        for (String code : all) {
          Score s = new Score(e.contains(code) && p.contains(code) ? 1 : 0, !e.contains(code) ? 1 : 0,
              !p.contains(code) ? 1 : 0);
          fields.put(f, fields.get(f).plus(s));
          perCode.get(f).merge(code, s, Score::plus);
        }
      }
    }
    return new Result(fields, perCode, docs.size(), onTopic, stated, correct, extra, digests, splits, List.copyOf(docs));
  }

  private static DocumentResult evaluateOne(Path base, JsonNode label, Classifier classifier) throws IOException {
    String file = label.path("file").asText();
    ArticleFile article = ArticleFile.read(base.resolve(file));
    Instant published = label.has("published") ? ArticleFile.parsePublished(label.get("published").isNull() ? null
        : label.get("published").asText()) : article.publishedAt();
    Classification c = classifier.classify(article.title(), article.body(), published,
        label.path("language").asText(null), article.url());
    List<String> misses = new ArrayList<>();

    Map<String, Set<String>> expected = new TreeMap<>();
    Map<String, Set<String>> predicted = new TreeMap<>();
    expected.put("violation_types", strings(label.path("violation_types")));
    expected.put("legal_basis", strings(label.path("legal_basis")));
    Set<String> kinds = new LinkedHashSet<>();
    Set<String> stages = new LinkedHashSet<>();
    Map<String, Long> counts = new TreeMap<>();
    label.path("charges").forEach(ch -> {
      kinds.add(ch.path("kind").asText());
      stages.add(ch.path("kind").asText() + ":" + ch.path("stage").asText("unknown"));
      counts.merge(ch.path("kind").asText(), ch.path("count").isIntegralNumber() ? ch.path("count").asLong() : 1L,
          Long::sum);
    });
    expected.put("charge_kinds", kinds);
    expected.put("charge_stages", stages);
    expected.put("charge_counts", countStrings(counts));
    predicted.put("violation_types", new LinkedHashSet<>(c.violationTypes()));
    predicted.put("legal_basis", new LinkedHashSet<>(c.legalBasis()));
    Set<String> pk = new LinkedHashSet<>();
    Set<String> ps = new LinkedHashSet<>();
    Map<String, Long> pc = new TreeMap<>();
    c.charges().forEach(ch -> {
      pk.add(ch.kind());
      ps.add(ch.kind() + ":" + ch.stage());
      pc.merge(ch.kind(), ch.count() == null ? 1L : ch.count().longValue(), Long::sum);
    });
    predicted.put("charge_kinds", pk);
    predicted.put("charge_stages", ps);
    predicted.put("charge_counts", countStrings(pc));
    for (String f : FIELDS) {
      for (String e : expected.get(f)) {
        if (!predicted.get(f).contains(e)) {
          misses.add(f + " missed: " + e);
        }
      }
      for (String p : predicted.get(f)) {
        if (!expected.get(f).contains(p)) {
          misses.add(f + " spurious: " + p);
        }
      }
    }
    boolean onTopicExpected = label.path("on_topic").asBoolean(true);
    if (onTopicExpected != c.onTopic()) {
      misses.add("on_topic expected " + onTopicExpected + ", got " + c.onTopic());
    }

    int stated = 0;
    int correct = 0;
    int extra = 0;
    JsonNode tallies = label.path("reported_tallies");
    for (String part : List.of("month", "year_to_date")) {
      JsonNode exp = tallies.path(part);
      Classification.Figures fig = c.reportedTallies() == null ? null
          : part.equals("month") ? c.reportedTallies().monthFigures() : c.reportedTallies().yearToDate();
      Map<String, Long> got = fig == null ? Map.of() : fig.asMap();
      for (String key : TALLY_KEYS) {
        if (exp.has(key)) {
          stated++;
          long want = exp.get(key).asLong();
          Long have = got.get(key);
          if (have != null && have == want) {
            correct++;
          } else {
            misses.add("tally " + part + "." + key + " expected " + want + ", got " + have);
          }
        } else if (got.containsKey(key)) {
          extra++;
          misses.add("tally " + part + "." + key + " not stated in labels, got " + got.get(key));
        }
      }
    }

    Integer incidentsExpected = null;
    int incidentsPredicted = (int) c.incidents().stream().filter(i -> !i.summary()).count();
    if (label.has("incidents")) {
      incidentsExpected = label.get("incidents").size();
      if (incidentsExpected != incidentsPredicted) {
        misses.add("incidents expected " + incidentsExpected + ", got " + incidentsPredicted);
      } else {
        Iterator<JsonNode> it = label.get("incidents").iterator();
        for (Classification.IncidentResult inc : c.incidents()) {
          if (inc.summary()) {
            continue;
          }
          JsonNode li = it.next();
          Set<String> ev = strings(li.path("violation_types"));
          if (!ev.equals(new LinkedHashSet<>(inc.violationTypes()))) {
            misses.add("incident " + inc.index() + " violation_types expected " + ev + ", got " + inc.violationTypes());
          }
          if (li.hasNonNull("date") && (inc.date() == null || !li.get("date").asText().equals(inc.date().toString()))) {
            misses.add("incident " + inc.index() + " date expected " + li.get("date").asText() + ", got " + inc.date());
          }
        }
      }
    }
    return new DocumentResult(file, onTopicExpected, c.onTopic(), expected, predicted, stated, correct, extra,
        incidentsExpected, incidentsPredicted, List.copyOf(misses));
  }

  private static Set<String> countStrings(Map<String, Long> counts) {
    Set<String> out = new LinkedHashSet<>();
    counts.forEach((kind, n) -> out.add(kind + "=" + n));
    return out;
  }

  private static Set<String> strings(JsonNode arr) {
    Set<String> out = new LinkedHashSet<>();
    arr.forEach(n -> out.add(n.asText()));
    return out;
  }
}
