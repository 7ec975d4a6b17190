package org.mediamonitor.enrich.classify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;
import org.mediamonitor.enrich.classify.Classification.ChargeResult;
import org.mediamonitor.enrich.classify.Classification.EvidenceSpan;
import org.mediamonitor.enrich.classify.Classification.Figures;
import org.mediamonitor.enrich.classify.Classification.IncidentResult;
import org.mediamonitor.enrich.classify.Classification.Tallies;
import org.mediamonitor.enrich.classify.PatternMatcher.Hit;
import org.mediamonitor.enrich.classify.Taxonomy.CodeFamily;

/**
 * Tags an article with violation types, legal basis, charges and (for digests) incidents and
 * reported tallies. Compiled once per taxonomy; {@link #classify} is thread-safe and does no I/O.
 *
 * <p>How it decides, in order: one pass over the words finds every rule's patterns (stems, see
 * {@link PatternMatcher}); a text whose hits are only context cues is off topic at once; a longer
 * tag match hides shorter ones it overlaps; the text is split into sentences and, for digests,
 * into incidents; per incident, violation types come from direct rules and sentence/incident
 * combinations, legal basis from citations, implied wording and date-dependent offences; charges
 * from sentences that name a kind of action (or a charge-side provision) and a stage, unless the
 * sentence is hypothetical or restates a corrected claim; a negation ("no criminal case was
 * opened"), a closed case or a rejected claim removes the kind it names from the incident, while a
 * claim withdrawn by the claimant stays at stage dismissed; digest summaries yield tallies for the
 * month and year.
 */
public final class Classifier {

  /** Roles the engine gives to context cues the taxonomy defines. */
  static final String CUE_TARGET_MEDIA = "cue:target_media";
  static final String CUE_CHALLENGE = "cue:challenge";
  static final String CUE_SEVERAL = "cue:several";
  static final String CUE_OTHER_TARGET = "cue:other_target";
  static final String CUE_JOURNALIST = "cue:journalist";
  static final String CUE_SPEECH = "cue:speech";
  static final String CUE_LEGISLATIVE = "cue:legislative";
  static final String CUE_WITNESS = "cue:witness";
  static final String CUE_PRESS = "cue:press";
  /** A journalist word that names no journalist: "оператор связи", "platform operator". */
  static final String CUE_NOT_JOURNALIST = "cue:not_journalist";
  static final String CUE_FRAUD = "cue:fraud";
  static final String HONOR_DIGNITY = "KZ-CivC-143";
  static final String CUE_ATTACKER = "cue:attacker";
  static final String CUE_APPEAL_REJECTED = "cue:appeal_rejected";
  /** A motion or petition in a trial ("the judge rejected the defence's motion"): no closure of the case. */
  static final String CUE_MOTION = "cue:motion";
  static final String CUE_BAN_RULING = "cue:ban_ruling";
  static final String COURT_TRANSPARENCY = "violation:violation_of_court_transparency";
  static final String CUE_CLOSED_DOORS = "cue:closed_doors";
  static final String CUE_PARTIAL = "cue:partial";
  static final String CUE_ACCUSATION = "cue:accusation";
  /** Offence id and provision the defamation rule of {@code dropDefinitionOfDefamation} is about. */
  static final String DEFAMATION_OFFENCE = "defamation";
  static final String FALSE_INFORMATION = "KZ-CC-274";
  static final String TALLY_YTD = "tally:ytd";
  static final String TALLY_SECTION = "tally:section";
  static final String TALLY_EXCLUDE = "tally:exclude";
  static final String TALLY_IN_COURT = "tally:in_court";
  static final String CUE_ALLEGATION = "cue:allegation";
  static final String CUE_PRETRIAL_CLAIM = "cue:pretrial_claim";
  static final String DAMAGES = "damages:claim";
  /** Moral (non-pecuniary) damage: only a civil suit claims it, unlike "compensation" for a flood. */
  static final String CUE_MORAL_DAMAGE = "cue:moral_damage";
  static final String DAMAGES_AWARD = "damages:award";
  /** A case closed or a claim rejected, written as one phrase ("дело прекращено", "rejected the claim"). */
  static final String NEG_CLOSED = "neg:closed";
  /** "An earlier version said ...", "мы ошибочно сообщили": the sentence is the wrong claim. */
  static final String NEG_CORRECTION = "neg:correction";
  /** A closing verb ("closed", "прекращено", "тоқтатылды") and a case noun: a closure when in one sentence. */
  static final String CUE_CLOSED = "cue:closed";
  static final String CUE_CASE = "cue:case";
  static final String STAGE_DISMISSED = "stage:dismissed";
  static final String STAGE_FILED = "stage:filed";
  static final String STAGE_VERDICT = "stage:verdict";

  private static final List<String> STAGE_ORDER = List.of("unknown", "filed", "in_court", "verdict", "dismissed");
  private static final Set<String> EXCLUSIVE_TYPES = Set.of("violation", "legal", "offence", "code");
  private static final Set<String> INERT_TYPES = Set.of("cue", "neg", "modal", "country");
  /** A list, not a set: its order is the order of an incident's charges, the same in every JVM. */
  /** Nouns of persons a number may count ("two bloggers", "трое активистов", "екі журналист"). */
  private static final List<String> PERSON_STEMS = List.of("journalist", "blogger", "activist", "reporter", "editor",
      "author", "admin", "user", "resident", "people", "person", "member", "citizen", "correspondent", "defendant",
      "protester", "participant", "organiser", "organizer", "pensioner", "протестующ", "пикетчик", "организатор",
      "пенсионер", "наразылық", "ұйымдастырушы", "зейнеткер",
      "журналист", "блогер", "блоггер", "активист", "репортер", "редактор", "автор", "администратор", "админ",
      "пользовател", "жител", "человек", "граждан", "корреспондент", "подсудим", "обвиняем", "участник",
      "белсенді", "тілші", "әкімші", "қолданушы", "тұрғын", "адам", "азамат", "қатысушы",
      "suspect", "accused", "мужчин", "женщин", "подозреваем", "күдікті", "айыпталушы", "сотталушы");
  /** A sentence's first word that stands for the persons the sentence before named. */
  private static final Set<String> THEY = Set.of("they", "они", "олар");
  /** "Both" words: two persons, whoever they are. */
  private static final Set<String> BOTH = Set.of("both", "оба", "обоих", "обе", "обоим", "обеим", "екеуі", "екеуіне");
  /** Kazakh "more than" after a number in the ablative ("40-тан астам"). */
  private static final Set<String> MORE_THAN = Set.of("астам", "аса", "артық");
  /** Words before a number that make it an estimate ("at least 30", "более 40", "около 20"). */
  private static final Set<String> APPROXIMATE = Set.of("least", "than", "over", "around", "about", "approximately",
      "nearly", "almost", "some", "менее", "более", "больше", "свыше", "около", "почти", "примерно", "порядка",
      "шамамен", "шамасы");
  /** Kazakh possessive endings of a number that counts part of a whole: "оның 8-і", "4-еуі" (8, 4 of them). */
  private static final Set<String> OF_THEM_SUFFIX = Set.of("і", "ы", "еуі", "уі", "ауы");
  /** Words after which a number labels a part or an item, not a quantity. */
  private static final Set<String> NUMBER_LABELS = Set.of("ч", "часть", "части", "частью", "п", "пункт", "пункта",
      "part", "no", "number", "номер", "тармақ", "тармағы");
  private static final List<String> CONJUNCTIONS = List.of("and", "и", "және");
  private static final List<String> ALL_WORDS = List.of("all", "both", "все", "оба", "обе", "барлығы", "бәрі", "екеуі");
  private static final List<String> NONE_WORDS = List.of(" не зафиксирован", " не было ", " нет ", " none ", " no ",
      " жоқ ", " тіркелмеді", " were recorded none");
  private static final List<String> PLAIN_KINDS = List.of("criminal", "civil", "administrative");
  /** Tags per plain kind, written once so that no tag string is built per sentence. */
  private static final Map<String, String> KIND_TAG = Map.of("criminal", "kind:criminal", "civil", "kind:civil",
      "administrative", "kind:administrative");
  private static final Map<String, String> WEAKKIND_TAG = Map.of("criminal", "weakkind:criminal", "civil",
      "weakkind:civil", "administrative", "weakkind:administrative");
  private static final Map<String, String> TALLYKIND_TAG = Map.of("criminal", "tallykind:criminal", "civil",
      "tallykind:civil", "administrative", "tallykind:administrative");
  private static final String BULLETS = "-•–—*·";

  private final Taxonomy taxonomy;
  private final PatternMatcher matcher;
  private final String[][] ruleTags;
  private final String[] ruleIds;
  private final boolean[] ruleExclusive;
  private final boolean[] ruleStage;
  /** Rules whose tags alone never make a tag: context cues, negation, modality, country. */
  private final boolean[] ruleInert;
  private final boolean[] ruleCue;
  /** Rules that name journalists, and rules that name them as the audience of a statement. */
  private final boolean[] ruleJournalist;
  private final boolean[] rulePress;

  private Classifier(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
    List<Taxonomy.Rule> rules = taxonomy.rules();
    this.matcher = new PatternMatcher(rules);
    ruleTags = new String[rules.size()][];
    ruleIds = new String[rules.size()];
    ruleExclusive = new boolean[rules.size()];
    ruleStage = new boolean[rules.size()];
    ruleInert = new boolean[rules.size()];
    ruleCue = new boolean[rules.size()];
    ruleJournalist = new boolean[rules.size()];
    rulePress = new boolean[rules.size()];
    for (int i = 0; i < rules.size(); i++) {
      boolean inert = true;
      for (String t : rules.get(i).tags()) {
        String ty = type(t);
        inert &= INERT_TYPES.contains(ty);
        ruleCue[i] |= ty.equals("cue");
        // journalists and publications that are only the audience or the subject of a statement
        ruleJournalist[i] |= t.equals(CUE_JOURNALIST) || t.equals(CUE_SPEECH);
        rulePress[i] |= t.equals(CUE_PRESS) || t.equals(CUE_NOT_JOURNALIST);
      }
      ruleInert[i] = inert;
      ruleTags[i] = rules.get(i).tags().toArray(new String[0]);
      ruleIds[i] = rules.get(i).id();
      for (String t : ruleTags[i]) {
        if (EXCLUSIVE_TYPES.contains(type(t))) {
          ruleExclusive[i] = true;
        } else if (type(t).equals("stage")) {
          ruleStage[i] = true;
        }
      }
    }
  }

  /** Compiles a taxonomy into a classifier. */
  public static Classifier compile(Taxonomy taxonomy) {
    return new Classifier(Objects.requireNonNull(taxonomy, "taxonomy"));
  }

  public Taxonomy taxonomy() {
    return taxonomy;
  }

  /**
   * Classifies one article. The title, when given and not already the body's first line, is read
   * before the body; evidence offsets are in the body (a title match has offset 0).
   *
   * @param publishedAt publication time, or null (a date is then inferred from the text)
   * @param languageHint used only when the text has too few letters to tell
   */
  public Classification classify(String title, String body, Instant publishedAt, String languageHint) {
    return classify(title, body, publishedAt, languageHint, null);
  }

  /**
   * As {@link #classify(String, String, Instant, String)}, with the page's address: when neither the
   * publication date nor the text dates the report, the address may ("/2019/08/", "mon2019-08").
   */
  public Classification classify(String title, String body, Instant publishedAt, String languageHint, String url) {
    String b = body == null ? "" : body;
    String prefix = "";
    if (title != null && !title.isBlank()) {
      String head = b.substring(0, Math.min(b.length(), title.length() + 200));
      if (!head.contains(title.trim())) {
        prefix = title.trim() + "\n\n";
      }
    }
    Run run = new Run(prefix + b, prefix.length(), publishedAt, languageHint);
    run.url = url;
    return run.classify();
  }

  static String type(String tag) {
    int c = tag.indexOf(':');
    return c < 0 ? tag : tag.substring(0, c);
  }

  static String value(String tag) {
    int c = tag.indexOf(':');
    return c < 0 ? "" : tag.substring(c + 1);
  }

  private static boolean isSpace(char c) {
    return TextIndex.isSpace(c);
  }

  private static int stageRank(String stage) {
    int i = STAGE_ORDER.indexOf(stage);
    return i < 0 ? 0 : i;
  }

  /** A resolved citation: the code family and article numbers at a span. */
  private record Cited(int start, int end, CodeFamily family, List<String> articles, int codeHitStart, int codeHitEnd) {}

  /** A legal-basis code found in a sentence, with why. */
  private record Legal(String code, EvidenceSpan evidence) {}

  /** A charge mention in one sentence. */
  private static final class Mention {
    final String kind;
    String stage;
    Integer count;
    String basis;
    Long claimed;
    Long awarded;
    /** The sentence that named it. */
    int sentence = -1;
    /** False when no number was found and the count is the default one. */
    boolean countStated = true;
    final List<EvidenceSpan> evidence = new ArrayList<>();

    Mention(String kind, String stage, Integer count, String basis) {
      this.kind = kind;
      this.stage = stage;
      this.count = count;
      this.basis = basis;
    }
  }

  /** What the sentences of one incident say about its charges, gathered sentence by sentence. */
  private static final class ChargeScan {
    final List<Mention> mentions = new ArrayList<>();
    // Negations and corrections never add a charge of their kind: a case closed or a claim
    // rejected removes that kind from the incident (unless the claimant withdrew the claim, which
    // is the existing charge at stage dismissed).
    final Set<String> closedKinds = new HashSet<>();
    boolean closedAll;
    /**
     * Criminal and administrative kinds whose case a sentence says was closed ("the investigator
     * discontinued the case", "дело прекращено"): unlike a case never opened, it was a charge, and
     * stays one at stage dismissed (TAXONOMY: dismissed = case closed); the closure adds no second
     * charge. A closure naming no kind ends every case of the incident.
     */
    final Set<String> terminatedKinds = new HashSet<>();
    boolean terminatedAll;
    /** The sentence of the last closure, the dismissed stage's evidence. */
    int closureSentence = -1;
    /** Cases a closure tells itself ("the case opened in March against the reporter was closed"). */
    final List<Mention> closedMentions = new ArrayList<>();
    boolean withdrawn;
    /** Kinds with a verdict in a sentence about speech: a closure beside it ended another case. */
    final Set<String> judgedSpeech = new HashSet<>();
    /** Verdicts of earlier cases the report recalls, with whether the sentence dates them years back. */
    final List<Mention> earlier = new ArrayList<>();
    final List<Boolean> earlierDated = new ArrayList<>();
    /** Cases of further persons a sentence adds to a kind already named ("Another journalist was fined"). */
    final List<Mention> others = new ArrayList<>();
    /** A further case announced without its stage, and its sentence: the next sentence may tell it. */
    Mention announced;
    /**
     * The further case a sentence opened ("in a separate case in Aktobe, the city court sentenced a
     * blogger"), and its sentence: the rest of its paragraph goes on telling it.
     */
    Mention current;
    int currentSentence = -1;
    int announcedSentence = -2;
    /** The best stage of a sentence that names no kind, and its sentence. */
    String orphanStage;
    int orphanSentence = -1;
    /** The incident cites criminal provisions and no administrative one: a fine in it is a criminal penalty. */
    boolean criminalCaseOnly;
    /** The incident cites a civil provision: "the court partly granted the claim" is that suit's stage. */
    boolean civilCase;
    /**
     * The incident cites only victim-side provisions (a case against an attacker): its suspect
     * questioned or charged is no charge against speech unless a sentence names a publication.
     */
    boolean victimCaseOnly;
  }

  /** A contiguous part of the body: an event, or a digest's frame (introduction, summary). */
  private record Segment(int start, int end, boolean summary) {}

  /** A town before an event's date at the start of its line: "Петропавловск, ", "Ust-Kamenogorsk, ". */
  private static final java.util.regex.Pattern TOWN_LEAD = java.util.regex.Pattern.compile("\\p{Lu}[\\p{L}-]+(?: [\\p{Lu}][\\p{L}-]+)?, ");

  /** A sentence that is only a list or section number: "1.", "2.1.", "III.". */
  private static final java.util.regex.Pattern LIST_NUMBER = java.util.regex.Pattern.compile("(?:\\d+\\.)+|[IVX]+\\.");

  /** The state of one classification. */
  private final class Run {
    final TextIndex ix;
    final int offset;
    final Instant publishedAt;
    final String languageHint;
    List<Hit> hits;
    /** Hits per sentence. */
    List<List<Hit>> bySentence;
    /** Tags per sentence (grows with combos). */
    List<Set<String>> sentTags;
    List<Cited> citations = List.of();
    Set<Long> consumedCodeHits = new HashSet<>();
    LocalDate referenceDate;
    String referenceRule = "published";
    /** Every date mention of the text, found once. */
    List<Grammar.DateMention> allDates;
    Grammar.LetterCounts letters;
    YearMonth digestMonth;
    boolean digest;
    /** Summary frames dropped for naming nothing in words: a table's figures may still need one. */
    final List<IncidentResult> emptySummaries = new ArrayList<>();
    /** The page's address, or null. */
    String url;
    /** A digest's table has a row for the criminal cases at the pre-trial stage. */
    boolean tablePretrial;
    /** For each sentence: true when it belongs to a year-to-date part of a digest summary. */
    BitSet ytd = new BitSet();

    Run(String text, int offset, Instant publishedAt, String languageHint) {
      this.ix = new TextIndex(text);
      this.offset = offset;
      this.publishedAt = publishedAt;
      this.languageHint = languageHint;
    }

    EvidenceSpan span(String tag, String rule, int start, int end) {
      return new EvidenceSpan(tag, rule, Math.max(0, start - offset), Math.max(0, end - offset), ix.snippet(start, end));
    }

    EvidenceSpan span(String tag, Hit h) {
      return span(tag, ruleIds[h.rule()], h.start(), h.end());
    }

    Classification classify() {
      int n = ix.text.length();
      letters = ix.letters;
      digestMonth = Grammar.monthYear(ix.lower, 0, Math.min(n, 1200));
      referenceDate = inferReferenceDate();

      hits = dropPressAudience(resolveOverlaps(filterByDate(matcher.match(ix))));
      String language = detectLanguage();
      if (inert()) {
        return offTopic(language);
      }
      bucketBySentence();
      citations = resolveCitations(ix.lowerText());
      if (referenceDate == null) {
        referenceDate = dateFromEdition();
      }

      List<EvidenceSpan> articleEvidence = articleEvidence(language);

      List<Segment> segments = segment();
      markYearToDate(segments);
      // Phases live in their own methods so that the JIT compiles small units instead of one huge
      // method that is compiled late and recompiled after deopts.
      List<IncidentResult> ordered = incidents(segments);
      Tallies tallies = digest ? tallies(segments) : null;
      if (tallies != null && tallies.monthFigures() != null) {
        ordered = alignSummary(ordered, tallies);
      }

      Set<String> types = new LinkedHashSet<>();
      Set<String> legal = new LinkedHashSet<>();
      List<ChargeResult> charges = new ArrayList<>();
      Set<String> summarised = summarisedKinds(ordered);
      Set<String> fromSummary = new HashSet<>();
      for (IncidentResult i : ordered) {
        types.addAll(i.violationTypes());
        legal.addAll(i.legalBasis());
        Set<String> here = new HashSet<>();
        for (ChargeResult c : i.charges()) {
          // a digest's figure for a kind already counts the events of that kind it lists, and
          // the first summary frame that gives it (the one aligned with the month's figures) is
          // the figure: a later frame restating it would count it twice
          if (i.summary() ? !fromSummary.contains(c.kind()) : !summarised.contains(c.kind())) {
            charges.add(c);
            if (i.summary()) {
              here.add(c.kind());
            }
          }
        }
        fromSummary.addAll(here);
      }

      boolean tagged = !types.isEmpty() || !charges.isEmpty() || tallies != null;
      boolean onTopic = onTopic(tagged, legal, articleEvidence);
      if (!onTopic) {
        types.clear();
        legal.clear();
        charges.clear();
        // Off topic: one empty incident over the whole body, as for a text without any tag.
        ordered = List.of(new IncidentResult(0, 0, Math.max(0, ix.text.length() - offset), false, false, null, List.of(),
            List.of(), List.of(), List.of()));
        tallies = null;
      }
      return new Classification(language, onTopic, List.copyOf(types), List.copyOf(legal), List.copyOf(charges),
          List.copyOf(ordered), tallies, List.copyOf(articleEvidence), taxonomy.version(), referenceDate);
    }

    /**
     * A digest's summary charges restate its month figures, which the tally reading takes apart
     * with more care (a clause and its parentheses per kind, totals lines) than a charge mention
     * (one count and one stage per sentence): where the month states a figure for a kind, the
     * summary's charge of that kind carries it, and "(1 of them in court)" splits the criminal one
     * into those in court and the rest, still under investigation.
     */
    List<IncidentResult> alignSummary(List<IncidentResult> incidents, Tallies tallies) {
      Figures f = tallies.monthFigures();
      List<IncidentResult> out = new ArrayList<>(incidents.size());
      boolean placed = false;
      if (incidents.stream().noneMatch(IncidentResult::summary) && !emptySummaries.isEmpty()) {
        // a frame that is only its title and a table: the figures still need the frame they state
        incidents = withFrame(incidents, emptySummaries.get(0));
      }
      // a summary that is only a table names no charge in words: its first frame takes the figures
      boolean anyWithCharges = incidents.stream().anyMatch(i -> i.summary() && !i.charges().isEmpty());
      for (IncidentResult i : incidents) {
        if (!i.summary() || placed || anyWithCharges && i.charges().isEmpty()) {
          out.add(i);
          continue;
        }
        placed = true; // the first summary frame with charges takes the month's figures
        Map<String, ChargeResult> first = new LinkedHashMap<>();
        List<ChargeResult> charges = new ArrayList<>();
        for (ChargeResult c : i.charges()) {
          if (figure(f, c.kind()) == null) {
            charges.add(c); // the month states no figure of this kind: the mention stands
          } else {
            first.putIfAbsent(c.kind(), c);
          }
        }
        for (String kind : PLAIN_KINDS) {
          Long n = figure(f, kind);
          if (n == null || n <= 0 || n > Integer.MAX_VALUE) {
            continue;
          }
          ChargeResult like = first.get(kind);
          String stage = like == null ? "unknown" : like.stage();
          List<EvidenceSpan> ev = like == null ? tallies.evidence() : like.evidence();
          String basis = like == null ? null : like.legalBasis();
          Long claimed = like == null ? null : like.claimedKzt();
          Long awarded = like == null ? null : like.awardedKzt();
          Long inCourt = kind.equals("criminal") ? f.criminalInCourt() : null;
          Integer persons = personsOfCases(tallies, "month." + kind);
          if (persons != null && persons > n && (inCourt == null || inCourt <= 0)) {
            // "4 досудебных уголовных расследования в отношении шести человек": the tally counts the
            // cases as stated, a charge counts persons where the text gives them (TAXONOMY)
            n = (long) persons;
          }
          if (inCourt != null && inCourt > 0 && inCourt < n) {
            charges.add(new ChargeResult(kind, "in_court", inCourt.intValue(), basis, claimed, awarded, ev));
            // the rest are not in court, and unless the digest says where they are ("в суде – 2, на
            // досудебной стадии – 1") not known (pre-trial, closed, returned): unknown, as the blind
            // sets that state one label it (blind4, 6, 7 and 8; blind5 and blind9 say filed)
            String rest = tablePretrial || restPretrial(tallies, "month.criminal_in_court") ? "filed" : "unknown";
            charges.add(new ChargeResult(kind, rest, (int) (n - inCourt), basis, null, null, ev));
          } else {
            if (inCourt != null && inCourt == 0 && n > 0) {
              stage = "filed"; // "2 (none has reached court yet)": all before the court
            } else if (inCourt != null && inCourt >= n) {
              stage = "in_court";
            } else if (inCourt != null && (stage.equals("in_court") || stage.equals("verdict"))) {
              stage = "unknown"; // none of them in court, whatever the sentence's stage word
            }
            charges.add(new ChargeResult(kind, stage, n.intValue(), basis, claimed, awarded, ev));
          }
        }
        // a table's figures name no kind in words: the kinds come with the charges they give
        List<String> types = violationTypes(charges, new LinkedHashSet<>(i.legalBasis()),
            new LinkedHashSet<>(i.violationTypes()));
        out.add(new IncidentResult(i.index(), i.start(), i.end(), true, false, i.date(), List.copyOf(types),
            i.legalBasis(), List.copyOf(charges), i.evidence()));
      }
      return out;
    }

    /** The incidents with a dropped summary frame put back in text order, renumbered. */
    private static List<IncidentResult> withFrame(List<IncidentResult> incidents, IncidentResult frame) {
      List<IncidentResult> all = new ArrayList<>(incidents);
      all.add(frame);
      all.sort(java.util.Comparator.comparingInt(IncidentResult::start));
      return renumbered(all);
    }

    /** The persons the clause that gave a figure names beside its cases: "... в отношении шести человек". */
    private static Integer personsOfCases(Tallies tallies, String key) {
      for (EvidenceSpan e : tallies.evidence()) {
        if (!e.tag().equals("tally:" + key)) {
          continue;
        }
        java.util.regex.Matcher m = PERSONS_OF_CASES.matcher(e.snippet().toLowerCase(java.util.Locale.ROOT));
        if (m.find()) {
          Integer v = m.group(1).chars().allMatch(Character::isDigit) ? Integer.valueOf(m.group(1))
              : Grammar.numberWord(m.group(1));
          return v != null && v >= 2 && v <= 100 ? v : null;
        }
      }
      return null;
    }

    private static final java.util.regex.Pattern PERSONS_OF_CASES = java.util.regex.Pattern.compile(
        "(?U)(?:в отношении|against|involving)\\s+(\\d{1,3}|\\p{L}+)\\s+(?:человек|people|persons)");

    /** Whether the clause that gave a figure also names the pre-trial stage ("на досудебной стадии – 1"). */
    private static boolean restPretrial(Tallies tallies, String key) {
      for (EvidenceSpan e : tallies.evidence()) {
        if (e.tag().equals("tally:" + key)) {
          String clause = e.snippet().toLowerCase(java.util.Locale.ROOT);
          return clause.contains("досудеб") || clause.contains("pre-trial") || clause.contains("pretrial")
              || clause.contains("сотқа дейінгі");
        }
      }
      return false;
    }

    private static Long figure(Figures f, String kind) {
      return switch (kind) {
        case "criminal" -> f.criminal();
        case "civil" -> f.civil();
        case "administrative" -> f.administrative();
        default -> null;
      };
    }

    /** The charge kinds a digest's summary states a figure for. */
    Set<String> summarisedKinds(List<IncidentResult> incidents) {
      Set<String> kinds = new HashSet<>();
      for (IncidentResult i : incidents) {
        if (i.summary()) {
          i.charges().forEach(c -> kinds.add(c.kind()));
        }
      }
      return kinds;
    }

    /**
     * Decides whether the report is on topic and records the evidence for the decision.
     * {@code tagged}: the report has a violation type, a charge or a tally.
     */
    boolean onTopic(boolean tagged, Set<String> legal, List<EvidenceSpan> articleEvidence) {
      // On topic: something was tagged, or freedom-of-expression wording recurs, and the report is
      // not about another country.
      int kz = 0;
      int foreign = 0;
      int topic = 0;
      Hit firstForeign = null;
      Hit firstTopic = null;
      int kzAt = -1;
      int foreignAt = -1;
      for (Hit h : hits) {
        for (String t : ruleTags[h.rule()]) {
          // one place is counted once, whatever number of names match it ("kazakh", "kazakhstan")
          if (t.equals("country:kz") && h.start() != kzAt) {
            kz++;
            kzAt = h.start();
          } else if (t.equals("country:foreign") && h.start() != foreignAt) {
            foreign++;
            foreignAt = h.start();
            firstForeign = firstForeign == null ? h : firstForeign;
          } else if (t.equals("topic")) {
            topic++;
            firstTopic = firstTopic == null ? h : firstTopic;
          }
        }
      }
      boolean foreignReport = foreign >= 2 && foreign > 2 * kz;
      boolean journalistCue = false;
      // A legal action named beside a journalist ("the criminal prosecution of the journalist was
      // closed") is on topic even when it adds no charge and cites no provision by its code.
      boolean actionOnJournalist = false;
      for (Set<String> t : sentTags) {
        journalistCue |= t.contains(CUE_JOURNALIST);
        if (t.contains(CUE_JOURNALIST)) {
          for (String k : PLAIN_KINDS) {
            actionOnJournalist |= t.contains(KIND_TAG.get(k));
          }
        }
      }
      // A speech offence of the vocabulary cited (a case closed under it, say) keeps the report on topic.
      boolean speechOffence = false;
      for (String code : legal) {
        speechOffence |= taxonomy.provisions().containsKey(code) && taxonomy.sideOf(code).equals("charge");
      }
      // a fraud case under an article outside the vocabulary (a presenter robbed by phone fraudsters,
      // "Article 190") is an ordinary crime whoever its victim is
      boolean ordinaryCrimeOnly = !legal.isEmpty() && legal.stream().allMatch(
          code -> !taxonomy.provisions().containsKey(code) && taxonomy.kindOf(code) != null);
      boolean fraud = false;
      for (Set<String> t : sentTags) {
        fraud |= t.contains(CUE_FRAUD);
      }
      boolean citedCase = !legal.isEmpty() && !(ordinaryCrimeOnly && fraud);
      boolean onTopic = !foreignReport
          && (tagged || citedCase && (journalistCue || topic > 0 || speechOffence) || topic >= 2
          || actionOnJournalist);
      if (foreignReport) {
        articleEvidence.add(noted(span("on_topic:false", firstForeign), kz, foreign));
      } else if (onTopic && !tagged && firstTopic != null) {
        articleEvidence.add(span("on_topic:true", firstTopic));
      } else {
        articleEvidence.add(new EvidenceSpan("on_topic:" + onTopic, tagged ? "topic.tagged" : "topic.none", 0, 0,
            tagged ? "tags found" : "no freedom-of-expression tags"));
      }
      return onTopic;
    }

    /** Classifies each segment; drops summary frames without content and numbers the rest in text order. */
    List<IncidentResult> incidents(List<Segment> segments) {
      List<IncidentResult> incidents = new ArrayList<>();
      for (Segment seg : segments) {
        List<ChargeResult> earlier = new ArrayList<>();
        IncidentResult inc = incident(seg, incidents.size(), earlier);
        if (seg.summary() && inc.violationTypes().isEmpty() && inc.legalBasis().isEmpty() && inc.charges().isEmpty()) {
          emptySummaries.add(inc);
          continue;
        }
        incidents.add(inc);
        if (!earlier.isEmpty()) {
          incidents.add(earlierIncident(inc, earlier));
        }
      }
      // Renumber in text order after frames without content were dropped.
      return renumbered(incidents);
    }

    /** The incidents numbered in their order. */
    private static List<IncidentResult> renumbered(List<IncidentResult> incidents) {
      List<IncidentResult> out = new ArrayList<>(incidents.size());
      for (int i = 0; i < incidents.size(); i++) {
        IncidentResult x = incidents.get(i);
        out.add(new IncidentResult(i, x.start(), x.end(), x.summary(), x.background(), x.date(), x.violationTypes(),
            x.legalBasis(), x.charges(), x.evidence()));
      }
      return out;
    }

    /**
     * Hits and tags per sentence. Most sentences have no hit: they share one immutable empty list
     * and set. Tags are added later (by combinations) only to a sentence that has one already.
     */
    void bucketBySentence() {
      bySentence = new ArrayList<>(Collections.nCopies(ix.sentences(), List.of()));
      sentTags = new ArrayList<>(Collections.nCopies(ix.sentences(), Set.of()));
      for (Hit h : hits) {
        int s = ix.sentenceOf(h.start());
        List<Hit> hs = bySentence.get(s);
        if (hs.isEmpty()) {
          hs = new ArrayList<>(4);
          bySentence.set(s, hs);
          sentTags.set(s, new HashSet<>(8));
        }
        hs.add(h);
        Collections.addAll(sentTags.get(s), ruleTags[h.rule()]);
      }
    }

    /** Evidence every result carries: the language with its letter counts, the reference date. */
    List<EvidenceSpan> articleEvidence(String language) {
      List<EvidenceSpan> out = new ArrayList<>(4);
      Grammar.LetterCounts lc = letters;
      out.add(new EvidenceSpan("language:" + language, "language.letters", 0, 0,
          "latin=" + lc.latin() + " cyrillic=" + lc.cyrillic() + " kazakh=" + lc.kazakh()));
      if (referenceDate != null) {
        out.add(new EvidenceSpan("date:" + referenceDate, "date." + referenceRule, 0, 0,
            referenceRule.equals("url") ? "reference date " + referenceDate + " from " + url : "reference date " + referenceDate));
      }
      return out;
    }

    /**
     * True when no hit can lead to a tag: every hit is a context cue, a negation, a modal or a
     * country name, and no combination of the taxonomy has all its cues in the text. Such a text
     * (most of a news feed) is off topic, and the passes over sentences, dates, citations,
     * amounts and digest layout are skipped.
     */
    boolean inert() {
      Set<String> cues = null;
      for (Hit h : hits) {
        if (!ruleInert[h.rule()]) {
          return false;
        }
        if (ruleCue[h.rule()]) {
          if (cues == null) {
            cues = new HashSet<>();
          }
          Collections.addAll(cues, ruleTags[h.rule()]);
        }
      }
      if (cues == null) {
        return true;
      }
      for (Taxonomy.Combo combo : taxonomy.combos()) {
        if (cues.containsAll(combo.all())) {
          return false;
        }
      }
      return true;
    }

    /** The result for an inert text: off topic, one empty incident over the whole body. */
    Classification offTopic(String language) {
      List<EvidenceSpan> evidence = articleEvidence(language);
      evidence.add(new EvidenceSpan("on_topic:false", "topic.none", 0, 0, "no freedom-of-expression tags"));
      IncidentResult whole = new IncidentResult(0, 0, Math.max(0, ix.text.length() - offset), false, false, null, List.of(),
          List.of(), List.of(), List.of());
      return new Classification(language, false, List.of(), List.of(), List.of(), List.of(whole), null,
          List.copyOf(evidence), taxonomy.version(), referenceDate);
    }

    /** Every date mention of the text, found on first use. */
    List<Grammar.DateMention> allDates() {
      if (allDates == null) {
        allDates = Grammar.dates(ix.lowerText(), 0, ix.text.length());
      }
      return allDates;
    }

    // ------------------------------------------------------------ preparation

    LocalDate inferReferenceDate() {
      if (publishedAt != null) {
        return publishedAt.atZone(ZoneOffset.UTC).toLocalDate();
      }
      String lower = ix.lowerText();
      int n = lower.length();
      // A dateline near the top: a short line that is mostly a full date.
      int pos = 0;
      for (int line = 0; line < 12 && pos < n; line++) {
        int e = lower.indexOf('\n', pos);
        e = e < 0 ? n : e;
        for (Grammar.DateMention d : datesIn(pos, e)) {
          if (d.year() > 0 && isDateline(pos, e, d)) {
            referenceRule = "dateline";
            return d.resolve(null);
          }
        }
        pos = e + 1;
      }
      if (digestMonth != null) {
        referenceRule = "digest_month";
        return digestMonth.atEndOfMonth();
      }
      // the address of a page is usually dated by its publication; a year the text names may be any event's
      LocalDate fromUrl = Grammar.dateInUrl(url, LocalDate.now(ZoneOffset.UTC).getYear() + 1);
      if (fromUrl != null) {
        referenceRule = "url";
        return fromUrl;
      }
      int year = Grammar.latestYear(lower, 0, n);
      for (Grammar.DateMention d : allDates()) {
        year = Math.max(year, d.year()); // "(«Арал тынысы», 24.01.2014)": a numeric date's year too
      }
      if (year > 0) {
        referenceRule = "latest_year";
        return LocalDate.of(year, 6, 30);
      }
      return null;
    }

    /**
     * Whether sentence s is a heading: a line of its own (after a list number at most) of at most
     * six words that does not end like a sentence.
     */
    boolean isHeading(int s) {
      int ss = ix.sentenceStart(s);
      int ls = ss;
      while (ls > 0 && ix.text.charAt(ls - 1) != '\n') {
        ls--;
      }
      int le = ix.nextLineBreak(ss);
      le = le < 0 ? ix.text.length() : le;
      return ix.sentenceEnd(s) >= le - 1 && isHeadingLine(ls, le);
    }

    /**
     * Whether the line [from, to) is a heading: at most six words, no sentence end, no figure, and
     * nothing but a list number before its words.
     */
    boolean isHeadingLine(int from, int to) {
      String text = ix.text;
      int e = to;
      while (e > from && isSpace(text.charAt(e - 1))) {
        e--;
      }
      if (e == from || ".;:!?,".indexOf(text.charAt(e - 1)) >= 0) {
        return false;
      }
      int words = 0;
      for (int t = ix.tokenFrom(from); t < ix.tokens && ix.tokStart[t] < e; t++) {
        char c = text.charAt(ix.tokStart[t]);
        if (Character.isLetter(c) && ++words > 6 || Character.isDigit(c) && words > 0) {
          return false; // "Әкімшілік айыптау – 4" states a figure
        }
      }
      return words > 0;
    }

    /** The first date mention in [from, to), or null. */
    Grammar.DateMention firstDate(int from, int to) {
      List<Grammar.DateMention> in = datesIn(from, to);
      return in.isEmpty() ? null : in.get(0);
    }

    /** A line holding little besides a date (a dateline, a caption date), not an event sentence. */
    boolean isDateline(int lineStart, int lineEnd, Grammar.DateMention d) {
      int words = 0;
      for (int t = ix.tokenFrom(lineStart); t < ix.tokens && ix.tokStart[t] < lineEnd; t++) {
        if (ix.tokStart[t] >= d.start() && ix.tokEnd[t] <= d.end()) {
          continue;
        }
        if (Character.isDigit(ix.lower[ix.tokStart[t]])) {
          continue;
        }
        words++;
      }
      return words <= 3;
    }

    List<Hit> filterByDate(List<Hit> in) {
      List<Hit> out = new ArrayList<>(in.size());
      List<Taxonomy.Rule> rules = taxonomy.rules();
      for (Hit h : in) {
        Taxonomy.Rule r = rules.get(h.rule());
        if (referenceDate != null && (r.from() != null && referenceDate.isBefore(r.from())
            || r.until() != null && !referenceDate.isBefore(r.until()))) {
          continue;
        }
        out.add(h);
      }
      return out;
    }

    /**
     * Journalists as the audience of a statement ("told reporters", "заявил журналистам") are not
     * journalists the report is about, and a telecom or platform operator is no camera operator:
     * their cue would make any crime story or law a press-freedom one.
     */
    List<Hit> dropPressAudience(List<Hit> in) {
      List<Hit> press = null;
      for (Hit h : in) {
        if (rulePress[h.rule()]) {
          press = press == null ? new ArrayList<>(2) : press;
          press.add(h);
        }
      }
      if (press == null) {
        return in;
      }
      List<Hit> out = new ArrayList<>(in.size());
      for (Hit h : in) {
        boolean audience = false;
        if (ruleJournalist[h.rule()] && !rulePress[h.rule()]) {
          for (Hit p : press) {
            audience |= h.start() >= p.start() && h.end() <= p.end();
          }
        }
        if (!audience) {
          out.add(h);
        }
      }
      return out;
    }

    /** Longest match wins among overlapping tag matches (violation, legal, offence, code). */
    List<Hit> resolveOverlaps(List<Hit> in) {
      List<Hit> exclusive = new ArrayList<>();
      List<Hit> stages = new ArrayList<>();
      List<Hit> out = new ArrayList<>(in.size());
      for (Hit h : in) {
        if (ruleExclusive[h.rule()]) {
          exclusive.add(h);
        } else if (ruleStage[h.rule()]) {
          stages.add(h);
        } else {
          out.add(h);
        }
      }
      out.addAll(longestFirst(stages));
      out.addAll(longestFirst(exclusive));
      out.sort((a, b) -> Integer.compare(a.start(), b.start()));
      return out;
    }

    /** Of overlapping hits, keeps the longest ("pre-trial" is not also a "trial"). */
    List<Hit> longestFirst(List<Hit> exclusive) {
      exclusive.sort((a, b) -> {
        int la = a.end() - a.start();
        int lb = b.end() - b.start();
        return la != lb ? Integer.compare(lb, la) : Integer.compare(a.start(), b.start());
      });
      List<Hit> kept = new ArrayList<>();
      for (Hit h : exclusive) {
        boolean overlaps = false;
        for (Hit k : kept) {
          if (h.start() < k.end() && k.start() < h.end() && !(h.start() == k.start() && h.end() == k.end())) {
            overlaps = true;
            break;
          }
        }
        if (!overlaps) {
          kept.add(h);
        }
      }
      return kept;
    }

    List<Cited> resolveCitations(String lower) {
      List<Cited> out = new ArrayList<>();
      for (Citations.Citation c : Citations.find(lower, 0, lower.length())) {
        int s = ix.sentenceOf(c.start());
        Hit after = null;
        Hit before = null;
        for (Hit h : bySentence.get(s)) {
          String codeTag = codeTag(h);
          if (codeTag == null) {
            continue;
          }
          if (h.start() >= c.end() && h.start() - c.end() <= 90 && after == null) {
            after = h;
          } else if (h.end() <= c.start() && c.start() - h.end() <= 70) {
            before = h;
          }
        }
        // "Article 274 of the Criminal Code" names the code after; "Қылмыстық кодекстің 274-бабы",
        // "УК РК 274-й статьи" name it before the number-first citation
        boolean numberFirst = Character.isLetter(lower.charAt(c.end() - 1));
        // "from the Criminal Code (Article 130) to the Code of Administrative Offences (Article 73-3)":
        // an article in parentheses right after a code's name is of that code
        boolean glossOfBefore = before != null && lower.substring(before.end(), c.start()).strip().equals("(");
        Hit use = (numberFirst || glossOfBefore) && before != null ? before : after != null ? after : before;
        boolean byProximity = use == before && !numberFirst && !glossOfBefore;
        if (use == null) {
          // "... under Article 274 of the Criminal Code; the trial of X, charged under Article 174":
          // a bare article refers to the code last named earlier in the same sentence...
          use = lastCodeBefore(c.start(), ix.sentenceStart(s));
          byProximity = true;
        }
        // ...unless that code's vocabulary lacks it and one other code's has it ("Article 143 of
        // the Civil Code ... and the repeal of Article 73-3", "в КоАП ... уголовной статье 274")
        CodeFamily only = use == null || !byProximity
            || !listed(taxonomy.codes().get(value(codeTag(use))), c.articles()).isEmpty()
            ? null : onlyCodeListing(c.articles());
        if (only != null) {
          out.add(new Cited(c.start(), c.end(), only, listed(only, c.articles()), c.start(), c.end()));
          continue;
        }
        if (use == null) {
          Cited implied = impliedCitation(c, s);
          if (implied != null) {
            out.add(implied);
          }
          continue;
        }
        CodeFamily fam = taxonomy.codes().get(value(codeTag(use)));
        consumedCodeHits.add(((long) use.start() << 32) | use.end());
        if (fam.foreign()) {
          continue;
        }
        out.add(new Cited(c.start(), c.end(), fam, c.articles(), use.start(), use.end()));
      }
      return out;
    }

    /**
     * A bare article number in a sentence that names no code ("charged under Article 274", "по
     * статье 274 прекращено"): the code named last in an earlier sentence, else the code of the
     * one kind of action the sentence names (criminal or administrative). Only articles the
     * vocabulary lists are taken, so that "Article 20 of the Constitution" never becomes a
     * Criminal Code article.
     */
    Cited impliedCitation(Citations.Citation c, int s) {
      CodeFamily fam = null;
      for (int p = s - 1; p >= 0 && fam == null; p--) {
        List<Hit> hs = bySentence.get(p);
        for (int i = hs.size() - 1; i >= 0; i--) {
          String codeTag = codeTag(hs.get(i));
          if (codeTag != null) {
            fam = taxonomy.codes().get(value(codeTag));
            break;
          }
        }
      }
      if (fam == null) {
        String kind = null;
        for (Hit h : bySentence.get(s)) {
          for (String t : ruleTags[h.rule()]) {
            String ty = type(t);
            if ((ty.equals("kind") || ty.equals("weakkind")) && !value(t).equals("civil")) {
              if (kind != null && !kind.equals(value(t))) {
                return null; // both criminal and administrative words: no way to tell
              }
              kind = value(t);
            }
          }
        }
        for (CodeFamily f : taxonomy.codes().values()) {
          if (kind != null && kind.equals(f.kind()) && f.articleCodes() && !f.foreign()) {
            fam = f;
            break; // the code in force (dated by its editions), not a named earlier edition ("the old code")
          }
        }
        if (fam == null && kind == null && namesLegalAction(s)) {
          fam = onlyCodeListing(c.articles());
        }
      }
      if (fam == null || fam.foreign() || !fam.articleCodes()) {
        return null;
      }
      List<String> known = listed(fam, c.articles());
      return known.isEmpty() ? null : new Cited(c.start(), c.end(), fam, known, c.start(), c.end());
    }

    /** Whether sentence s names a stage of a case, a case or a charge ("was charged", "предъявили обвинение"). */
    boolean namesLegalAction(int s) {
      Set<String> t = sentTags.get(s);
      for (String tag : t) {
        if (tag.startsWith("stage:") || tag.equals(CUE_CASE)) {
          return true;
        }
      }
      return false;
    }

    /**
     * "Blogger X was charged under Article 274": the one code in force, of the codes a kind of case
     * is brought under, whose vocabulary lists the article. The lists do not overlap (the Criminal
     * Code's 274 and 174, the administrative code's 456-2 and 488, the Civil Code's 143), so a number
     * names its code; a number two codes list, or none, names none.
     */
    CodeFamily onlyCodeListing(List<String> articles) {
      CodeFamily only = null;
      for (CodeFamily f : taxonomy.codes().values()) {
        if (f.kind() == null || !f.articleCodes() || f.foreign() || isEarlierEdition(f)) {
          continue;
        }
        if (!listed(f, articles).isEmpty()) {
          if (only != null) {
            return null;
          }
          only = f;
        }
      }
      return only;
    }

    /** The articles the code's vocabulary lists (none for no code). */
    List<String> listed(CodeFamily f, List<String> articles) {
      if (f == null) {
        return List.of();
      }
      List<String> known = new ArrayList<>();
      for (String art : articles) {
        if (taxonomy.provisions().containsKey(f.prefix() + "-" + art)) {
          known.add(art);
        }
      }
      return List.copyOf(known);
    }

    /** A code named as an earlier edition of another ("the 1997 Criminal Code"): a bare number is read in the code in force. */
    boolean isEarlierEdition(CodeFamily f) {
      for (CodeFamily g : taxonomy.codes().values()) {
        for (Taxonomy.Edition e : g.editions()) {
          if (g != f && e.prefix().equals(f.prefix())) {
            return true;
          }
        }
      }
      return false;
    }

    /** The last code-name hit in [from, pos). */
    Hit lastCodeBefore(int pos, int from) {
      Hit best = null;
      for (Hit h : bySentence.get(ix.sentenceOf(pos))) {
        if (h.end() <= pos && h.start() >= from && codeTag(h) != null) {
          best = h;
        }
      }
      return best;
    }

    String codeTag(Hit h) {
      for (String t : ruleTags[h.rule()]) {
        if (t.startsWith("code:")) {
          return t;
        }
      }
      return null;
    }

    String detectLanguage() {
      Grammar.LetterCounts lc = letters;
      if (lc.latin() + lc.cyrillic() < 40 && languageHint != null) {
        String h = languageHint.toLowerCase(Locale.ROOT);
        if (h.equals("en") || h.equals("ru") || h.equals("kk")) {
          return h;
        }
      }
      return lc.language();
    }

    // ------------------------------------------------------------ segmentation

    /**
     * A digest (a monitor's monthly report) is split into its events: bullet items and paragraphs
     * that open with a date; numbered summary lines and the introduction form frame segments. Any
     * other article is one incident.
     */
    List<Segment> segment() {
      String text = ix.text;
      int n = text.length();
      boolean cue = false;
      for (Hit h : hits) {
        if (h.start() > 1500) {
          break;
        }
        for (String t : ruleTags[h.rule()]) {
          if (t.equals("digest")) {
            cue = true;
          }
        }
      }
      if (!cue && !mayBeDigestLayout()) {
        return List.of(new Segment(0, n, false));
      }
      // Classify lines.
      List<int[]> lines = new ArrayList<>();
      int pos = 0;
      while (pos < n) {
        int e = ix.nextLineBreak(pos);
        e = e < 0 ? n : e;
        lines.add(new int[] {pos, e});
        pos = e + 1;
      }
      int bullets = 0;
      int numbered = 0;
      int[] kind = new int[lines.size()]; // 0 blank/continuation, 1 event start, 2 tally line, 3 bullet marker only
      boolean pendingBullet = false;
      boolean inSummary = true;
      // Before the first event a line that is only a dated year ("29 january 2024") is the report's
      // own date in its header, even after a title that states figures
      boolean eventSeen = false;
      int daylines = 0;
      for (int i = 0; i < lines.size(); i++) {
        int s = lines.get(i)[0];
        int e = lines.get(i)[1];
        int c = s;
        while (c < e && isSpace(text.charAt(c))) {
          c++;
        }
        if (c == e) {
          kind[i] = 0;
          continue;
        }
        boolean bullet = pendingBullet;
        pendingBullet = false;
        if (BULLETS.indexOf(text.charAt(c)) >= 0) {
          int d = c + 1;
          while (d < e && (isSpace(text.charAt(d)) || BULLETS.indexOf(text.charAt(d)) >= 0)) {
            d++;
          }
          if (d == e) {
            kind[i] = 3;
            pendingBullet = true;
            continue;
          }
          // A dash inside a range ("1941-1945") or a hyphenated word is not a bullet.
          bullet = true;
          c = d;
        }
        boolean numberLed = false;
        if (Character.isDigit(text.charAt(c))) {
          int d = c;
          while (d < e && Character.isDigit(text.charAt(d))) {
            d++;
          }
          numberLed = d == e || isSpace(text.charAt(d)) || Character.isLetter(text.charAt(d))
              || isEnumerator(c, d) && enumeratesFigure(d);
        }
        boolean section = false;
        for (int sent = ix.sentenceOf(s); sent < ix.sentences() && ix.sentenceStart(sent) < e; sent++) {
          Set<String> t = sentTags.get(sent);
          if (t.contains(TALLY_SECTION) || t.contains(TALLY_YTD)) {
            section = true;
          }
        }
        boolean dateLed = false;
        boolean dayLed = false;
        for (Grammar.DateMention d : datesIn(c, Math.min(e, c + 40))) {
          dateLed = leadsWithDate(c, d);
          dayLed = dateLed && d.day() > 0;
          break;
        }
        if (dateLed && isDateline(c, e, firstDate(c, e))) {
          daylines++; // "Февраль, 11" alone on its line, before the event it dates
        }
        if (dateLed && !eventSeen) {
          for (Grammar.DateMention d : datesIn(c, e)) {
            // the report's own date, in its header ("4 June 2025"); a line of a day without its
            // year ("Октябрь, 06", "April 3. Astana") heads an event of the digest's month
            if (isDateline(c, e, d) && d.year() > 0) {
              dateLed = false;
            }
            break;
          }
        }
        if (bullet) {
          bullets++;
        }
        boolean tallyWords = false;
        int kindsNamed = 0;
        for (int sent = ix.sentenceOf(s); sent < ix.sentences() && ix.sentenceStart(sent) < e; sent++) {
          for (String k : PLAIN_KINDS) {
            if (sentTags.get(sent).contains(TALLYKIND_TAG.get(k))) {
              tallyWords = true;
              kindsNamed++;
            }
          }
        }
        // "In May: 2 criminal charges (1 in court), 4 civil claims, 2 administrative cases."
        section |= kindsNamed >= 2 && hasDigit(c, e) && !bullet;
        // Inside a summary, a bullet that states a figure of a kind continues the summary.
        // ("- Criminal charges: 2") in its first sentence; one that mentions a kind only later, beside a
        // date ("- On May 1 ... no administrative protocols were drawn up") is an event
        // A short one after the events ("• уголовных обвинений – 3 (в суде – 2)") opens the closing summary.
        boolean summaryBullet = (inSummary || e - c < 160) && bullet && tallyWords && hasDigit(c, e)
            && firstSentenceStatesKind(c, e);
        // ...also in words, short: "- два уголовных обвинения (одно из них — в суде);", "- пять исков о
        // защите чести, достоинства и деловой репутации;"
        summaryBullet |= e - c < 160 && bullet && opensWithNumberWord(c, e) && (tallyWords || namesCivilClaim(s, e));
        // "Criminal: a case was opened ...; the trial of ... began" lists events of a kind, not figures.
        boolean labelled = false;
        for (int sent = ix.sentenceOf(c); sent < ix.sentences() && ix.sentenceStart(sent) < e; sent++) {
          labelled |= kindLabelEnd(Math.max(c, ix.sentenceStart(sent)), e) >= 0;
        }
        // "— заңды кәсіби қызметке кедергі келтіру – 5;", "– ... кедергі келтірудің 4 жағдайы;": a
        // category of the summary before the first event, its figure last or inside
        boolean figureLast = inSummary && bullet && !dateLed && e - c < 200
            && (endsWithDashedFigure(c, e) || !eventSeen && hasDigit(c, e));
        // an event headed by its day is one even where its text says "итоги" or an expert's "қорытындысы"
        boolean tally = !labelled
            && (numberLed && !dateLed && (bullet || e - c < 500) || section && !dayLed && e - c < 500
            || summaryBullet || figureLast);
        if (tally) {
          numbered++;
          kind[i] = 2;
          inSummary = true;
        } else if (bullet || dateLed || labelled) {
          kind[i] = 1;
          inSummary = false;
          eventSeen = true;
        } else {
          kind[i] = 0;
        }
      }
      // an old monitoring layout: each event headed by its day alone on a line
      digest = cue || bullets >= 3 && numbered >= 2 || daylines >= 3;
      if (!digest) {
        return List.of(new Segment(0, n, false));
      }
      List<Segment> segs = new ArrayList<>();
      int segStart = 0;
      boolean segSummary = true;
      int segLines = 0;
      boolean prevWasLead = false;
      for (int i = 0; i < lines.size(); i++) {
        int s = lines.get(i)[0];
        if (kind[i] == 2 && !segSummary || kind[i] == 1) {
          boolean mergeLead = kind[i] == 1 && !segSummary && segLines == 1 && prevWasLead && isDateLed(lines.get(i));
          if (kind[i] == 1 && !mergeLead) {
            // "2.2. Судебные разбирательства" above an event heads it (and those after it), not the event before
            int j = i - 1;
            int from = i;
            while (j >= 0 && kind[j] == 0 && lines.get(j)[0] > segStart) {
              int[] l = lines.get(j);
              if (isHeadingLine(l[0], l[1])) {
                from = j;
              } else if (!text.substring(l[0], l[1]).isBlank()) {
                break;
              }
              j--;
            }
            s = lines.get(from)[0];
          }
          if (!mergeLead && s > segStart) {
            segs.add(new Segment(segStart, s, segSummary));
            segStart = s;
            segLines = 0;
          }
          segSummary = kind[i] == 2;
          // a lead is a short line heading the event (its town, its person and outlet), not a bullet's paragraph
          prevWasLead = kind[i] == 1 && !isDateLed(lines.get(i)) && lines.get(i)[1] - lines.get(i)[0] < 160;
        }
        if (kind[i] != 0 && kind[i] != 3 || lines.get(i)[1] > lines.get(i)[0] && !text.substring(lines.get(i)[0],
            lines.get(i)[1]).isBlank()) {
          segLines++;
        }
      }
      if (segStart < n) {
        segs.add(new Segment(segStart, n, segSummary));
      }
      return splitLabelledItems(segs);
    }

    /** Whether a sentence from the one at s to e names a civil claim (by word or by art. 143). */
    boolean namesCivilClaim(int s, int e) {
      for (int sent = ix.sentenceOf(s); sent < ix.sentences() && ix.sentenceStart(sent) < e; sent++) {
        Set<String> t = sentTags.get(sent);
        if (t.contains(WEAKKIND_TAG.get("civil")) || t.contains(KIND_TAG.get("civil")) || t.contains("legal:KZ-CivC-143")) {
          return true;
        }
      }
      return false;
    }

    /** Whether the line from c to e opens with a number written in words ("пять исков", "two suits"). */
    boolean opensWithNumberWord(int c, int e) {
      int t = ix.tokenFrom(c);
      return t < ix.tokens && ix.tokStart[t] < e && !Character.isDigit(ix.text.charAt(ix.tokStart[t])) && numberAt(t) != null;
    }

    /** Whether the line from c to e ends with a figure after a dash or a colon ("... – 5;", "...: 11."). */
    boolean endsWithDashedFigure(int c, int e) {
      String text = ix.text;
      int j = e;
      while (j > c && (isSpace(text.charAt(j - 1)) || ";.,".indexOf(text.charAt(j - 1)) >= 0)) {
        j--;
      }
      int d = j;
      while (d > c && Character.isDigit(text.charAt(d - 1))) {
        d--;
      }
      if (d == j) {
        return false;
      }
      while (d > c && isSpace(text.charAt(d - 1))) {
        d--;
      }
      return d > c && "–—-:".indexOf(text.charAt(d - 1)) >= 0;
    }

    /** Whether the first sentence of the line from c to e names a charge kind and states a figure. */
    boolean firstSentenceStatesKind(int c, int e) {
      int sent = ix.sentenceOf(c);
      int end = Math.min(e, ix.sentenceEnd(sent));
      if (!hasDigit(c, end) || countIn(c, end, true, false) == null) {
        return false; // only a date, an article or a sum ("On October 4 ... fined 159,000 tenge under Article 73-3")
      }
      for (String k : PLAIN_KINDS) {
        if (sentTags.get(sent).contains(TALLYKIND_TAG.get(k))) {
          return true;
        }
      }
      return false;
    }

    /**
     * Cheap test before the line-by-line layout analysis: a digest without a header cue has at
     * least three bullet lines, or three lines that hold only a day.
     */
    boolean mayBeDigestLayout() {
      String text = ix.text;
      int n = text.length();
      int bulletLines = 0;
      int dayLines = 0;
      int pos = 0;
      while (pos < n) {
        int c = pos;
        while (c < n && text.charAt(c) != '\n' && isSpace(text.charAt(c))) {
          c++;
        }
        if (c < n && BULLETS.indexOf(text.charAt(c)) >= 0 && ++bulletLines >= 3) {
          return true;
        }
        int e = ix.nextLineBreak(c);
        int end = e < 0 ? n : e;
        if (end - c <= 20 && end > c && Character.isLetterOrDigit(text.charAt(c))) {
          Grammar.DateMention d = firstDate(c, end);
          if (d != null && d.start() == c && ++dayLines >= 3) {
            return true; // "Февраль, 11": a day alone on its line heads each event
          }
        }
        pos = e < 0 ? n : e + 1;
      }
      return false;
    }

    /**
     * The end of a kind label at a sentence start ("Criminal:", "Уголовные:", "Азаматтық
     * тәртіппен:"): a kind adjective in the first words, then a colon not followed by a figure.
     * -1 when there is none.
     */
    int kindLabelEnd(int from, int to) {
      String text = ix.text;
      int c = from;
      while (c < to && (isSpace(text.charAt(c)) || BULLETS.indexOf(text.charAt(c)) >= 0)) {
        c++;
      }
      int t = ix.tokenFrom(c);
      if (t >= ix.tokens || ix.tokStart[t] != c) {
        return -1;
      }
      boolean kind = false;
      for (Hit h : bySentence.get(ix.sentenceOf(c))) {
        if (h.start() == c) {
          for (String tag : ruleTags[h.rule()]) {
            kind |= tag.startsWith("tallykind:");
          }
        }
      }
      if (!kind) {
        return -1;
      }
      // Up to three words, then ':'.
      int words = 0;
      int k = c;
      while (k < to && k - c < 40) {
        char ch = text.charAt(k);
        if (ch == ':') {
          int d = k + 1;
          while (d < to && isSpace(text.charAt(d))) {
            d++;
          }
          return d < to && !Character.isDigit(text.charAt(d)) ? k + 1 : -1;
        }
        if (TextIndex.isWordChar(ix.lower[k]) && (k == c || !TextIndex.isWordChar(ix.lower[k - 1]))) {
          if (++words > 3) {
            return -1;
          }
        } else if (!TextIndex.isWordChar(ix.lower[k]) && !isSpace(ch) && ch != '-') {
          return -1;
        }
        k++;
      }
      return -1;
    }

    /**
     * Splits digest events that list several cases in one paragraph: a new item at each sentence
     * that opens with a kind label, and, inside a labelled item, at each ";" when the parts on both
     * sides report an event of their own. A ";" split also becomes a sentence boundary.
     */
    List<Segment> splitLabelledItems(List<Segment> segs) {
      List<Segment> out = new ArrayList<>(segs.size());
      List<Integer> newSentences = new ArrayList<>();
      for (Segment seg : segs) {
        if (seg.summary()) {
          out.add(seg);
          continue;
        }
        List<Integer> labels = new ArrayList<>();
        for (int s = ix.sentenceOf(seg.start()); s < ix.sentences() && ix.sentenceStart(s) < seg.end(); s++) {
          int from = Math.max(seg.start(), ix.sentenceStart(s));
          if (kindLabelEnd(from, Math.min(seg.end(), ix.sentenceEnd(s))) >= 0) {
            labels.add(from);
          }
        }
        if (labels.isEmpty()) {
          out.add(seg);
          continue;
        }
        List<Integer> cuts = new ArrayList<>();
        // The words before the first label (a heading) stay with it unless they report an event.
        if (labels.get(0) > seg.start() && hasViolationIn(seg.start(), labels.get(0))) {
          cuts.add(labels.get(0));
        }
        for (int i = 0; i < labels.size(); i++) {
          int from = labels.get(i);
          int to = i + 1 < labels.size() ? labels.get(i + 1) : seg.end();
          if (i > 0) {
            cuts.add(from);
          }
          int partStart = from;
          int depth = 0;
          for (int p = from; p < to; p++) {
            char ch = ix.text.charAt(p);
            if (ch == '(') {
              depth++;
            } else if (ch == ')') {
              depth = Math.max(0, depth - 1);
            } else if (ch == ';' && depth == 0) {
              int next = p + 1;
              int nextEnd = ix.text.indexOf(';', next);
              nextEnd = nextEnd < 0 || nextEnd > to ? to : nextEnd;
              if (hasEventIn(partStart, p) && hasEventIn(next, nextEnd)) {
                while (next < to && isSpace(ix.text.charAt(next))) {
                  next++;
                }
                cuts.add(next);
                newSentences.add(next);
                partStart = next;
              }
            }
          }
        }
        int start = seg.start();
        for (int cut : cuts) {
          if (cut > start && cut < seg.end()) {
            out.add(new Segment(start, cut, false));
            start = cut;
          }
        }
        out.add(new Segment(start, seg.end(), false));
      }
      if (!newSentences.isEmpty()) {
        ix.addSentenceStarts(newSentences.stream().mapToInt(Integer::intValue).toArray());
        bucketBySentence();
      }
      return out;
    }

    /** Whether [from, to) holds a violation tag. */
    boolean hasViolationIn(int from, int to) {
      for (Hit h : hits) {
        if (h.start() >= from && h.start() < to) {
          for (String tag : ruleTags[h.rule()]) {
            if (tag.startsWith("violation:")) {
              return true;
            }
          }
        }
      }
      return false;
    }

    /** Whether [from, to) holds a hit that reports an event: a stage, a violation, a kind of action. */
    boolean hasEventIn(int from, int to) {
      for (Hit h : hits) {
        if (h.start() >= to) {
          break;
        }
        if (h.start() < from) {
          continue;
        }
        for (String tag : ruleTags[h.rule()]) {
          if (tag.startsWith("stage:") || tag.startsWith("violation:") || tag.startsWith("kind:")
              || tag.startsWith("legal:") || tag.startsWith("cue:detain") || tag.startsWith("cue:assault")) {
            return true;
          }
        }
      }
      return false;
    }

    /** Date mentions starting within [from, to). */
    List<Grammar.DateMention> datesIn(int from, int to) {
      if (allDates == null && !digest && isSentenceRange(from, to)) {
        // An ordinary article needs the dates of a few sentences only: no scan of the whole text.
        return Grammar.dates(ix.lowerText(), from, to);
      }
      List<Grammar.DateMention> out = new ArrayList<>(2);
      for (Grammar.DateMention d : allDates()) {
        if (d.start() >= to) {
          break;
        }
        if (d.start() >= from) {
          out.add(d);
        }
      }
      return out;
    }

    /** Whether [from, to) ends where a sentence or line ends (a date cannot run across it). */
    boolean isSentenceRange(int from, int to) {
      if (to >= ix.text.length()) {
        return true;
      }
      char c = ix.text.charAt(to);
      return c == '\n' || to == ix.sentenceEnd(ix.sentenceOf(Math.max(from, to - 1)));
    }

    boolean hasDigit(int from, int to) {
      for (int i = from; i < to; i++) {
        if (Character.isDigit(ix.text.charAt(i))) {
          return true;
        }
      }
      return false;
    }

    boolean isDateLed(int[] line) {
      int c = line[0];
      while (c < line[1] && (isSpace(ix.text.charAt(c)) || BULLETS.indexOf(ix.text.charAt(c)) >= 0)) {
        c++;
      }
      for (Grammar.DateMention d : datesIn(c, Math.min(line[1], c + 40))) {
        return leadsWithDate(c, d);
      }
      return false;
    }

    /**
     * Whether a line starting at c opens with the date d: "April 3. Astana", "On 3 April", or
     * after its town, "Петропавловск, 2 октября." / "Ust-Kamenogorsk, 12 May:".
     */
    boolean leadsWithDate(int c, Grammar.DateMention d) {
      int lead = d.start() - c;
      return lead == 0 || lead <= 3 && ix.lowerText().startsWith("on ", c)
          || lead <= 30 && TOWN_LEAD.matcher(ix.text.substring(c, d.start())).matches();
    }

    /** Marks sentences of digest frames that report the year to date rather than the month. */
    void markYearToDate(List<Segment> segments) {
      if (!digest) {
        return;
      }
      // The state runs across the digest's frame segments: a year-to-date part ends only where a
      // later summary line names a month again.
      boolean inYtd = false;
      for (Segment seg : segments) {
        if (!seg.summary()) {
          continue;
        }
        for (int s = ix.sentenceOf(seg.start()); s < ix.sentences() && ix.sentenceStart(s) < seg.end(); s++) {
          Set<String> t = sentTags.get(s);
          if (t.contains(TALLY_YTD)) {
            inYtd = true;
          } else if (inYtd && namesMonthOutsideParens(ix.sentenceStart(s), ix.sentenceEnd(s))
              && !t.contains(TALLY_EXCLUDE)) {
            inYtd = false;
          }
          if (inYtd) {
            ytd.set(s);
          }
        }
      }
    }

    /**
     * Whether [from, to) names a month outside parentheses: "Criminal charges: 12 (9 in
     * January-August 2023)" compares with last year and stays in the year-to-date part.
     */
    boolean namesMonthOutsideParens(int from, int to) {
      String lower = ix.lowerText();
      int depth = 0;
      int start = from;
      for (int i = from; i <= to; i++) {
        char c = i < to ? lower.charAt(i) : ')';
        if (c == '(' || i == to) {
          if (depth == 0 && i > start && Grammar.namesMonth(lower, start, i)) {
            return true;
          }
          depth += c == '(' ? 1 : 0;
        } else if (c == ')' && depth > 0) {
          depth--;
          start = i + 1;
        }
      }
      return false;
    }

    // ------------------------------------------------------------ incidents

    /** Classifies one segment; the earlier cases it recalls go to {@code earlier}. */
    IncidentResult incident(Segment seg, int index, List<ChargeResult> earlier) {
      int firstSent = ix.sentenceOf(seg.start());
      int lastSent = ix.sentenceOf(Math.max(seg.start(), seg.end() - 1));
      LocalDate date = seg.summary() ? null : incidentDate(seg);
      LocalDate lawDate = date != null ? date : referenceDate;

      // Each phase is its own method so that the JIT compiles (and OSR-compiles) small units
      // instead of one huge method that is compiled late and recompiled after deopts.
      Set<String> incidentTags = new HashSet<>();
      BitSet skip = absences(seg, firstSent, lastSent, incidentTags);

      Set<String> violations = new LinkedHashSet<>();
      List<EvidenceSpan> evidence = new ArrayList<>();
      Map<Integer, List<Legal>> legalBySentence = new HashMap<>();
      Set<String> legal = new LinkedHashSet<>();
      legalAndViolations(firstSent, lastSent, skip, lawDate, legalBySentence, legal, violations, evidence);
      dropDefinitionOfDefamation(lawDate, legalBySentence, legal, evidence);
      dropFalseInformationOfFraud(firstSent, lastSent, legalBySentence, legal, evidence);
      dropBusinessReputationOfCompanies(firstSent, lastSent, legalBySentence, legal, evidence);

      // Combinations, in file order so that one may build on another.
      for (Taxonomy.Combo combo : taxonomy.combos()) {
        applyCombo(combo, firstSent, lastSent, skip, incidentTags, violations, evidence);
      }

      List<ChargeResult> charges = charges(seg, firstSent, lastSent, skip, legalBySentence, legal, incidentTags,
          evidence, earlier);
      List<String> types = violationTypes(charges, legal, violations);
      return new IncidentResult(index, Math.max(0, seg.start() - offset), Math.max(0, seg.end() - offset),
          seg.summary(), false, date, List.copyOf(types), List.copyOf(legal), charges, List.copyOf(evidence));
    }

    /**
     * The sentences of a summary that state an absence ("0 cases of ..."), to be skipped; adds the
     * tags of the other sentences to {@code incidentTags}.
     */
    BitSet absences(Segment seg, int firstSent, int lastSent, Set<String> incidentTags) {
      BitSet skip = new BitSet();
      for (int s = firstSent; s <= lastSent; s++) {
        if (seg.summary() && Integer.valueOf(0).equals(count(s, true))) {
          // "0 cases of ..." states an absence.
          skip.set(s);
          continue;
        }
        Set<String> t = sentTags.get(s);
        if (!t.isEmpty()) {
          incidentTags.addAll(t);
        }
      }
      return skip;
    }

    /**
     * "Заведомо ложные сведения, порочащие честь" is how the law defines клевета: beside a
     * defamation, "knowingly false" in the wording is no second offence (art. 274) unless cited.
     */
    void dropDefinitionOfDefamation(LocalDate lawDate, Map<Integer, List<Legal>> legalBySentence, Set<String> legal,
        List<EvidenceSpan> evidence) {
      Taxonomy.Offence defamation = taxonomy.offences().get(DEFAMATION_OFFENCE);
      if (!legal.contains(FALSE_INFORMATION) || defamation == null || !legal.contains(defamation.codeAt(lawDate))
          || standsBy(FALSE_INFORMATION, legalBySentence, s -> false)) {
        return;
      }
      dropCode(FALSE_INFORMATION, legalBySentence, legal, evidence);
    }

    /**
     * "He told buyers knowingly false information about the car" in a fraud case is the fraud,
     * not art. 274: in an incident that names fraud, the false-information offence stands only when
     * cited by number or when its sentence says the information was spread or published.
     */
    void dropFalseInformationOfFraud(int firstSent, int lastSent, Map<Integer, List<Legal>> legalBySentence,
        Set<String> legal, List<EvidenceSpan> evidence) {
      if (!legal.contains(FALSE_INFORMATION)) {
        return;
      }
      boolean fraud = false;
      for (int s = firstSent; s <= lastSent && !fraud; s++) {
        fraud = sentTags.get(s).contains(CUE_FRAUD);
      }
      if (fraud && !standsBy(FALSE_INFORMATION, legalBySentence, s -> sentenceHas(s, SPREAD_STEMS))) {
        dropCode(FALSE_INFORMATION, legalBySentence, legal, evidence);
      }
    }

    /**
     * "Compensation for damage to its business reputation" in a contract dispute between companies
     * is no honour-and-dignity suit against the media: art. 143 named only by business reputation
     * stands when the incident names a journalist, an outlet or a publication.
     */
    void dropBusinessReputationOfCompanies(int firstSent, int lastSent, Map<Integer, List<Legal>> legalBySentence,
        Set<String> legal, List<EvidenceSpan> evidence) {
      if (!legal.contains(HONOR_DIGNITY)) {
        return;
      }
      for (int s = firstSent; s <= lastSent; s++) {
        Set<String> t = sentTags.get(s);
        if (t.contains(CUE_JOURNALIST) || t.contains(CUE_TARGET_MEDIA) || t.contains(CUE_SPEECH)) {
          return;
        }
      }
      if (!standsBy(HONOR_DIGNITY, legalBySentence, s -> sentenceHas(s, HONOUR_STEMS))) {
        dropCode(HONOR_DIGNITY, legalBySentence, legal, evidence);
      }
    }

    /** Whether {@code code} is cited by number, or named in a sentence that {@code sentenceSays}. */
    boolean standsBy(String code, Map<Integer, List<Legal>> legalBySentence, IntPredicate sentenceSays) {
      for (Map.Entry<Integer, List<Legal>> e : legalBySentence.entrySet()) {
        for (Legal l : e.getValue()) {
          if (l.code().equals(code)
              && (l.evidence().ruleId().startsWith("citation.") || sentenceSays.test(e.getKey()))) {
            return true;
          }
        }
      }
      return false;
    }

    /** Removes {@code code} from the incident's provisions, their evidence and the sentences' lists. */
    static void dropCode(String code, Map<Integer, List<Legal>> legalBySentence, Set<String> legal,
        List<EvidenceSpan> evidence) {
      legal.remove(code);
      evidence.removeIf(e -> e.tag().equals("legal:" + code));
      for (List<Legal> ls : legalBySentence.values()) {
        ls.removeIf(l -> l.code().equals(code));
      }
    }

    private static final List<String> HONOUR_STEMS = List.of("honou", "honor", "dignity", "defam", "libel", "чест",
        "достоинств", "клевет", "ар-намыс", "ар намыс", "ар-ождан", "ар ождан", "қадір", "жала");

    private static final List<String> SPREAD_STEMS = List.of("spread", "dissemin", "publish", "posted", "распростран",
        "опубликова", "размести", "тарат", "жария");

    /**
     * Whether sentence s holds a word starting with one of the stems (honour and defamation; spread
     * and published): "качестве" holds "чест" but is no honour.
     */
    boolean sentenceHas(int s, List<String> stems) {
      String sentence = ix.lowerText().substring(ix.sentenceStart(s), ix.sentenceEnd(s));
      for (String stem : stems) {
        for (int i = sentence.indexOf(stem); i >= 0; i = sentence.indexOf(stem, i + 1)) {
          if (i == 0 || !Character.isLetter(sentence.charAt(i - 1))) {
            return true;
          }
        }
      }
      return false;
    }

    /** Collects the provisions and the rule-tagged violations of the incident's sentences. */
    void legalAndViolations(int firstSent, int lastSent, BitSet skip, LocalDate lawDate,
        Map<Integer, List<Legal>> legalBySentence, Set<String> legal, Set<String> violations,
        List<EvidenceSpan> evidence) {
      for (int s = firstSent; s <= lastSent; s++) {
        if (skip.get(s)) {
          continue;
        }
        List<Legal> ls = legalIn(s, lawDate);
        if (!ls.isEmpty()) {
          // read with getOrDefault(s, List.of()): most sentences have none and need no entry
          legalBySentence.put(s, ls);
        }
        for (Legal l : ls) {
          if (legal.add(l.code())) {
            evidence.add(l.evidence());
          }
        }
        for (Hit h : bySentence.get(s)) {
          for (String t : ruleTags[h.rule()]) {
            if (t.startsWith("violation:") && violations.add(value(t))) {
              evidence.add(span(t, h));
            }
          }
        }
      }
    }

    /** Adds a combination's tag to the first sentence where it holds (and its violation, if it is one). */
    void applyCombo(Taxonomy.Combo combo, int firstSent, int lastSent, BitSet skip, Set<String> incidentTags,
        Set<String> violations, List<EvidenceSpan> evidence) {
      boolean isViolation = combo.tag().startsWith("violation:");
      if (isViolation && violations.contains(value(combo.tag()))) {
        return;
      }
      boolean blocked = false;
      for (String u : combo.unless()) {
        if (u.startsWith("violation:") && violations.contains(value(u)) || incidentTags.contains(u)) {
          blocked = true;
        }
      }
      // The incident's tags are the union of its sentences' tags (a combination adds its tag to
      // both), so a combination whose tags the incident lacks holds in none of its sentences.
      if (blocked || !incidentTags.containsAll(combo.all())) {
        return;
      }
      // "any": the incident must be about speech or the media at all (a law on roads restricts,
      // too); a monitor's digest lists nothing else, so there it holds
      boolean anyHolds = combo.any().isEmpty() || digest;
      for (String a : combo.any()) {
        anyHolds |= incidentTags.contains(a);
      }
      if (!anyHolds) {
        return;
      }
      boolean sentenceScope = combo.scope().equals("sentence");
      String firstTag = combo.all().get(0);
      for (int s = firstSent; s <= lastSent; s++) {
        if (skip.get(s)) {
          continue;
        }
        Set<String> t = sentTags.get(s);
        boolean ok = sentenceScope ? t.containsAll(combo.all())
            : t.contains(firstTag) && incidentTags.containsAll(combo.all());
        for (String no : combo.none()) {
          if (t.contains(no)) {
            ok = false;
          }
        }

        if (!ok || combo.current() && isBackground(s)) {
          continue;
        }
        t.add(combo.tag());
        incidentTags.add(combo.tag());
        Hit first = firstHitWith(s, combo.all().get(0));
        EvidenceSpan ev = first == null ? span(combo.tag(), combo.id(), ix.sentenceStart(s), ix.sentenceEnd(s))
            : span(combo.tag(), combo.id(), first.start(), first.end());
        if (isViolation) {
          violations.add(value(combo.tag()));
          evidence.add(ev);
        }
        break;
      }
    }

    /**
     * The incident's violation types in taxonomy order: those tagged, those implied by its charges,
     * and those victim-side provisions name.
     */
    List<String> violationTypes(List<ChargeResult> charges, Set<String> legal, Set<String> violations) {
      for (ChargeResult c : charges) {
        String v = switch (c.kind()) {
          case "criminal" -> "criminal_prosecution";
          case "civil" -> "civil_lawsuit";
          default -> "administrative_prosecution";
        };
        if (taxonomy.violationTypes().contains(v)) {
          violations.add(v);
        }
      }
      // Victim-side provisions name what was done to a journalist.
      for (String code : legal) {
        Taxonomy.Provision p = taxonomy.provisions().get(code);
        if (p != null && p.violation() != null) {
          violations.add(p.violation());
        }
      }
      List<String> types = new ArrayList<>();
      for (String t : taxonomy.violationTypes()) {
        if (violations.contains(t)) {
          types.add(t);
        }
      }
      return types;
    }

    /** A sentence that dates itself more than a year before the reference date. */
    boolean isBackground(int s) {
      if (referenceDate == null) {
        return false;
      }
      int y = Grammar.latestYear(ix.lowerText(), ix.sentenceStart(s), ix.sentenceEnd(s));
      return y > 0 && y < referenceDate.getYear() - 1;
    }

    Hit firstHitWith(int s, String tag) {
      for (Hit h : bySentence.get(s)) {
        if (hasTag(h, tag)) {
          return h;
        }
      }
      return null;
    }

    /**
     * The date of an incident's events: the first date in its lead (first three sentences that are
     * not datelines), unless it is a deadline ("before September 3") or lies far from the
     * reference date (background).
     */
    LocalDate incidentDate(Segment seg) {
      int first = ix.sentenceOf(seg.start());
      while (digest && first + 1 < ix.sentences() && ix.sentenceStart(first + 1) < seg.end()
          && (isHeading(first) && datesIn(ix.sentenceStart(first), ix.sentenceEnd(first)).isEmpty() || ix.text.substring(ix.sentenceStart(first), ix.sentenceEnd(first)).isBlank()
              || LIST_NUMBER.matcher(ix.text.substring(ix.sentenceStart(first), ix.sentenceEnd(first)).strip()).matches())) {
        first++; // the section heading above the event ("2. Угрозы"), then its date
      }
      int used = 0;
      for (int s = first; s < ix.sentences() && ix.sentenceStart(s) < seg.end() && used < 3; s++) {
        int ss = ix.sentenceStart(s);
        int se = Math.min(seg.end(), ix.sentenceEnd(s));
        if (ix.tokenFrom(ss) >= ix.tokens || ix.tokStart[ix.tokenFrom(ss)] >= se) {
          continue;
        }
        boolean dateline = false;
        for (Grammar.DateMention d : datesIn(ss, se)) {
          // A digest's event opens with its date ("April 3. Astana"): that line is the event's
          // date, not a dateline of publication.
          int from = Math.max(ss, seg.start());
          while (from < d.start() && isSpace(ix.text.charAt(from))) {
            from++;
          }
          boolean leads = digest && s == first && (d.start() <= from + 2 || leadsWithDate(from, d));
          if (!leads && isDateline(ss, se, d)) {
            dateline = true;
            break;
          }
          if (ytd.get(s) || isDeadline(d.start())) {
            continue;
          }
          LocalDate r = d.resolve(referenceDate);
          if (r != null && (referenceDate == null
              || !r.isBefore(referenceDate.minusDays(400)) && !r.isAfter(referenceDate.plusDays(31)))) {
            return r;
          }
        }
        if (!dateline) {
          used++;
        }
      }
      return null;
    }

    /** A date introduced by "before", "by", "until", "до": a deadline, not the date of events. */
    boolean isDeadline(int dateStart) {
      int t = ix.tokenFrom(dateStart) - 1;
      if (t < 0) {
        return false;
      }
      String w = ix.token(t);
      return w.equals("before") || w.equals("by") || w.equals("until") || w.equals("till") || w.equals("до")
          || w.equals("дейін") || w.equals("deadline");
    }

    /** Legal-basis codes a sentence gives: citations, implied wording, offences, statutes by name. */
    List<Legal> legalIn(int s, LocalDate lawDate) {
      if (citations.isEmpty() && bySentence.get(s).isEmpty()) {
        return List.of();
      }
      List<Legal> out = new ArrayList<>();
      int ss = ix.sentenceStart(s);
      int se = ix.sentenceEnd(s);
      for (Cited c : citations) {
        if (c.start() < ss || c.start() >= se) {
          continue;
        }
        for (String art : c.articles()) {
          String code = c.family().articleCodes() ? c.family().prefixAt(lawDate) + "-" + art : c.family().prefixAt(lawDate);
          if (c.family().articleCodes()) {
            code = editionByOffence(s, c.family(), art, code, lawDate);
          }
          out.add(new Legal(code, span("legal:" + code, "citation." + c.family().id(), Math.min(c.start(),
              c.codeHitStart()), Math.max(c.end(), c.codeHitEnd()))));
        }
      }
      boolean cited = !out.isEmpty();
      boolean citedCivil = false;
      for (Legal l : out) {
        citedCivil |= "civil".equals(taxonomy.kindOf(l.code()));
      }
      for (Hit h : bySentence.get(s)) {
        for (String t : ruleTags[h.rule()]) {
          String code = null;
          if (cited && (t.startsWith("legal:") || t.startsWith("offence:"))
              && (citedCivil || !t.startsWith("legal:") || !"civil".equals(taxonomy.kindOf(value(t)))
                  || nearCitation(h, ss, se))) {
            // An explicit citation is more precise than the wording around it ("клевета (ст. 130
            // УК)"); but a suit for honour and dignity a clause away from a criminal or
            // administrative article is a case of its own ("fined under Article 456-2, while the akim
            // sued him for honour and dignity")
            continue;
          }
          if (t.startsWith("legal:")) {
            code = value(t);
          } else if (t.startsWith("offence:")) {
            code = taxonomy.offences().get(value(t)).codeAt(lawDate);
          } else if (t.startsWith("code:")) {
            CodeFamily f = taxonomy.codes().get(value(t));
            if (f.citeAlone() && !consumedCodeHits.contains(((long) h.start() << 32) | h.end())) {
              code = f.prefixAt(lawDate);
            }
          }
          if (code != null) {
            out.add(new Legal(code, span("legal:" + code, h)));
          }
        }
      }
      return out;
    }

    /** How near (in characters) wording stands to an explicit citation it only restates. */
    private static final int CITATION_REACH = 60;

    /** Whether hit h stands within {@link #CITATION_REACH} of an explicit citation of its sentence. */
    boolean nearCitation(Hit h, int ss, int se) {
      for (Cited c : citations) {
        if (c.start() < ss || c.start() >= se) {
          continue;
        }
        int from = Math.min(c.start(), c.codeHitStart());
        int to = Math.max(c.end(), c.codeHitEnd());
        if (h.start() < to + CITATION_REACH && h.end() > from - CITATION_REACH) {
          return true;
        }
      }
      return false;
    }

    /**
     * A text without any year that cites an article by the number of the code's earlier edition
     * ("ст. 129 УК РК (клевета)": defamation is 129 only in the 1997 Code) dates itself to that
     * edition's time; null otherwise.
     */
    LocalDate dateFromEdition() {
      for (Cited c : citations) {
        if (!c.family().articleCodes()) {
          continue;
        }
        String earlierPrefix = c.family().prefixAt(EARLIER_EDITION_DAY);
        if (earlierPrefix.equals(c.family().prefixAt(null))) {
          continue;
        }
        int s = ix.sentenceOf(c.start());
        for (String art : c.articles()) {
          if (editionByOffence(s, c.family(), art, c.family().prefixAt(null) + "-" + art, null).startsWith(earlierPrefix + "-")) {
            referenceRule = "code_edition";
            return EARLIER_EDITION_DAY;
          }
        }
      }
      return null;
    }

    /** A day on which the earlier edition of a code was in force ("the 1997 Criminal Code"). */
    private static final LocalDate EARLIER_EDITION_DAY = LocalDate.of(2014, 12, 31);

    /**
     * "ч. 2 ст. 129 УК РК (клевета)" in a text that gives no year: article 129 is defamation only in
     * the 1997 Criminal Code (the 2014 Code numbers it 130), so the offence the sentence names picks
     * the edition the number belongs to; and in a 2014 report on the new Code, "клевета ... (статья
     * 130)" is the new Code's article.
     */
    String editionByOffence(int s, CodeFamily family, String art, String code, LocalDate lawDate) {
      String earlier = family.prefixAt(EARLIER_EDITION_DAY) + "-" + art;
      String later = family.prefixAt(null) + "-" + art;
      if (earlier.equals(later)) {
        return code;
      }
      boolean namesEarlier = false;
      boolean namesLater = false;
      for (Hit h : bySentence.get(s)) {
        for (String t : ruleTags[h.rule()]) {
          if (t.startsWith("offence:")) {
            Taxonomy.Offence o = taxonomy.offences().get(value(t));
            if (o.codeAt(lawDate).equals(code)) {
              return code; // the number is the offence's in the code in force
            }
            for (Taxonomy.DatedCode d : o.provisions()) {
              namesEarlier |= d.code().equals(earlier);
              namesLater |= d.code().equals(later);
            }
          }
        }
      }
      return namesEarlier == namesLater ? code : namesEarlier ? earlier : later;
    }

    // ------------------------------------------------------------ charges

    List<ChargeResult> charges(Segment seg, int firstSent, int lastSent, BitSet skip,
        Map<Integer, List<Legal>> legalBySentence, Set<String> incidentLegal, Set<String> incidentTags,
        List<EvidenceSpan> incidentEvidence, List<ChargeResult> earlier) {
      ChargeScan scan = new ChargeScan();
      Set<String> incidentKinds = new HashSet<>();
      boolean victimSide = false;
      for (String code : incidentLegal) {
        if (taxonomy.provisions().containsKey(code) && taxonomy.sideOf(code).equals("charge")) {
          incidentKinds.add(taxonomy.kindOf(code));
        }
        victimSide |= taxonomy.provisions().containsKey(code) && taxonomy.sideOf(code).equals("victim");
      }
      scan.victimCaseOnly = victimSide && incidentKinds.isEmpty();
      scan.criminalCaseOnly = incidentKinds.contains("criminal") && !incidentKinds.contains("administrative");
      scan.civilCase = incidentKinds.contains("civil");
      // The per-sentence work lives in its own method so that the JIT compiles (and OSR-compiles)
      // small units instead of one huge method that is compiled late and recompiled after deopts.
      for (int s = firstSent; s <= lastSent; s++) {
        if (skip.get(s) || ytd.get(s)) {
          continue;
        }
        chargeSentence(seg, s, legalBySentence, incidentTags, scan);
      }
      Map<String, Mention> byKind = mergeByKind(scan.mentions);
      if (byKind.size() == 1 && !seg.summary() && scan.others.isEmpty()) {
        Mention only = byKind.values().iterator().next();
        if (!only.countStated && only.count != null && only.count == 1) {
          // "Суд над двумя активистами" in the title, the charge in another sentence
          Integer persons = personCount(firstSent, lastSent, skip);
          if (persons != null) {
            only.count = persons;
          }
        }
      }
      Mention civil = byKind.get("civil");
      if (civil != null && civil.claimed == null && civil.awarded == null) {
        // The sum is often its own sentence: "The plaintiff seeks 5 million tenge in moral damages."
        for (int s = firstSent; s <= lastSent; s++) {
          Set<String> t = sentTags.get(s);
          if (!skip.get(s) && !ytd.get(s) && (t.contains(DAMAGES) || t.contains(DAMAGES_AWARD))) {
            amountsInto(civil, s);
          }
        }
      }
      if (scan.orphanStage != null) {
        applyOrphanStage(byKind, scan.orphanStage, scan.orphanSentence, incidentLegal);
      }
      if (!scan.withdrawn) {
        // A verdict (a conviction or an acquittal) over speech reported beside a closure was a
        // case that reached judgment: the closure ended another person's case or another phase.
        if (scan.closedAll) {
          byKind.keySet().retainAll(scan.judgedSpeech);
        } else {
          byKind.keySet().removeIf(k -> scan.closedKinds.contains(k) && !scan.judgedSpeech.contains(k));
        }
      }
      closeTerminated(byKind, scan);
      // a monitor's digest lists only events it counts as pressure on speech; but in one it lists for
      // the court closed to the press ("запретил журналистам вести видеозапись в ходе процесса по делу
      // о гибели рабочих") the trial is about speech only when the incident cites a speech provision
      boolean pressOnly = !seg.summary() && incidentTags.contains(COURT_TRANSPARENCY);
      boolean speechContext = seg.summary() || (pressOnly ? citesSpeechProvision(incidentLegal)
          : digest || isSpeechContext(incidentLegal, incidentTags, firstSent, lastSent));
      if (!speechContext) {
        byKind.clear();
      }
      // An earlier case the report recalls ("In 2021 a court sentenced another blogger under the
      // same article") is a charge of its own, not a stage of the current case. It is kept apart when
      // its sentence dates it years back, or when a current case of the kind stands beside it;
      // otherwise ("Earlier, the court sentenced him") it is the report's own case.
      for (int i = 0; speechContext && i < scan.earlier.size(); i++) {
        Mention m = scan.earlier.get(i);
        Mention cur = byKind.get(m.kind);
        if (cur != null && cur.stage.equals("verdict") && m.count != null && m.count >= 2 && m.count.equals(cur.count)) {
          // "Двое администраторов, осуждённых в прошлом году, освобождены по амнистии. Напомним, в
          // сентябре 2020 года суд признал X и Y виновными": the same two, the same case recalled
          cur.evidence.addAll(m.evidence);
          continue;
        }
        if (scan.earlierDated.get(i) || byKind.containsKey(m.kind)) {
          earlier.add(chargeResult(m, incidentLegal));
        } else {
          byKind.put(m.kind, m);
        }
      }
      // A further person's case of a kind whose first case stands is a charge of its own; if the
      // first was closed, so is the report's account of that kind.
      List<ChargeResult> further = new ArrayList<>();
      for (Mention m : scan.others) {
        if (speechContext && byKind.containsKey(m.kind)) {
          further.add(chargeResult(m, incidentLegal));
          incidentEvidence.addAll(m.evidence);
        }
      }
      List<ChargeResult> out = chargeResults(byKind, incidentLegal, incidentEvidence);
      if (further.isEmpty()) {
        return out;
      }
      List<ChargeResult> all = new ArrayList<>(out);
      all.addAll(further);
      return List.copyOf(all);
    }

    /**
     * A case the incident says was closed stays its charge at stage dismissed; one that reached a
     * verdict stands (the closure ended another person's case, or an earlier phase), and a case
     * told only by the sentence that closes it is that charge.
     */
    void closeTerminated(Map<String, Mention> byKind, ChargeScan scan) {
      if (!scan.terminatedAll && scan.terminatedKinds.isEmpty() && scan.closedMentions.isEmpty()) {
        return; // most incidents close nothing
      }
      Set<String> ending = new HashSet<>(scan.terminatedKinds);
      if (scan.terminatedAll) {
        List<String> open = new ArrayList<>();
        for (Mention m : byKind.values()) {
          if (!m.stage.equals("verdict")) {
            open.add(m.kind);
          }
        }
        if (ending.isEmpty() && open.size() == 1 && !open.get(0).equals("civil")) {
          ending.add(open.get(0)); // "The case was closed on 27 April": the incident's one case
        } else if (!scan.withdrawn) {
          // a closure naming no kind beside several cannot tell which it ended: none of them is
          // counted unless it reached judgment
          byKind.values().removeIf(m -> !ending.contains(m.kind) && !scan.judgedSpeech.contains(m.kind)
              && !m.stage.equals("verdict"));
        }
      }
      for (Mention m : byKind.values()) {
        if (ending.contains(m.kind) && !m.stage.equals("verdict") && !m.stage.equals("dismissed")) {
          m.stage = "dismissed";
          m.evidence.add(span("stage:dismissed", "charge.stage", ix.sentenceStart(scan.closureSentence),
              ix.sentenceEnd(scan.closureSentence)));
        }
      }
      for (Mention m : scan.closedMentions) {
        if (!byKind.containsKey(m.kind) && !scan.closedKinds.contains(m.kind) && !scan.closedAll) {
          m.stage = "dismissed";
          byKind.put(m.kind, m);
        } else if (byKind.containsKey(m.kind) && byKind.get(m.kind).stage.equals("dismissed")) {
          byKind.get(m.kind).evidence.addAll(m.evidence);
        }
      }
    }

    /** The earlier cases an incident recalls, as an incident of their own over the same text, undated. */
    IncidentResult earlierIncident(IncidentResult of, List<ChargeResult> earlier) {
      Set<String> basis = new LinkedHashSet<>();
      List<EvidenceSpan> evidence = new ArrayList<>();
      for (ChargeResult c : earlier) {
        if (c.legalBasis() != null) {
          basis.add(c.legalBasis());
        }
        evidence.addAll(c.evidence());
      }
      List<String> types = violationTypes(earlier, basis, new LinkedHashSet<>());
      return new IncidentResult(of.index() + 1, of.start(), of.end(), false, true, null, List.copyOf(types),
          List.copyOf(basis), List.copyOf(earlier), List.copyOf(evidence));
    }

    /** One charge from a mention, with a basis from the incident's provisions if its sentence named none. */
    ChargeResult chargeResult(Mention m, Set<String> incidentLegal) {
      if (m.basis == null) {
        for (String code : incidentLegal) {
          if (m.kind.equals(taxonomy.kindOf(code)) && taxonomy.sideOf(code).equals("charge")) {
            m.basis = code;
            break;
          }
        }
      }
      return new ChargeResult(m.kind, m.stage, m.count, m.basis, m.claimed, m.awarded, List.copyOf(m.evidence));
    }

    /**
     * Whether sentence s recalls an earlier case: 2 when it dates it at least two years before the
     * report, 1 when it opens as a recollection ("Earlier this year", "Ранее", "Напомним",
     * "Бұған дейін"), 0 otherwise.
     */
    int earlierCase(int s) {
      if (isBackground(s)) {
        return 2;
      }
      String lower = ix.lowerText();
      int from = ix.sentenceStart(s);
      int to = Math.min(ix.sentenceEnd(s), from + 40);
      while (from < to && !Character.isLetterOrDigit(lower.charAt(from))) {
        from++;
      }
      String head = lower.substring(from, to);
      for (String marker : EARLIER_MARKERS) {
        if (head.startsWith(marker)) {
          return 1;
        }
      }
      return 0;
    }

    /**
     * How far before the report sentence s places its events: 2 in an earlier year ("In 2018" in a
     * 2019 report, "в прошлом году", "былтыр", "In October" in a March report), 1 in an earlier month
     * of its year ("In March" in a September report), 0 otherwise.
     */
    int datesEarlier(int s) {
      if (referenceDate == null) {
        return 0;
      }
      int year = Grammar.latestYear(ix.lowerText(), ix.sentenceStart(s), ix.sentenceEnd(s));
      if (year > 0 && year < referenceDate.getYear()) {
        return 2;
      }
      int from = ix.tokenFrom(ix.sentenceStart(s));
      int end = ix.sentenceEnd(s);
      String prev = "";
      for (int t = from; t < ix.tokens && ix.tokStart[t] < end; t++) {
        String w = ix.token(t);
        if (isLastYear(prev, w)) {
          return 2;
        }
        int month = monthAdverbial(prev, w, Character.isUpperCase(ix.text.charAt(ix.tokStart[t])));
        if (month > 0 && month != referenceDate.getMonthValue()) {
          return month < referenceDate.getMonthValue() && year != referenceDate.getYear() - 1 ? 1 : 2;
        }
        prev = w;
      }
      return 0;
    }

    /** "last year", "в прошлом году", "өткен жылы", "былтыр": word and the one before it. */
    static boolean isLastYear(String prev, String w) {
      return w.equals("былтыр") || w.equals("year") && prev.equals("last") || w.equals("году") && prev.equals("прошлом")
          || w.equals("жылы") && prev.equals("өткен");
    }

    /**
     * The month an adverbial names: "in March", "в марте", "наурызда" or "наурыз айында"; 0 otherwise
     * ("in may" is a verb unless capitalised). {@code capital}: the word is written with a capital.
     */
    static int monthAdverbial(String prev, String w, boolean capital) {
      int before = w.startsWith("айы") ? Grammar.monthName(prev) : 0;
      if (before > 0 && prev.equals(Grammar.MONTH_KK[before - 1])) {
        return before; // "наурыз айында"
      }
      int month = Grammar.monthName(w);
      if (month == 0) {
        return 0;
      }
      if (prev.equals("in") && (capital || !w.equals("may")) || prev.equals("в") && w.endsWith("е")) {
        return month;
      }
      String kk = Grammar.MONTH_KK[month - 1];
      return w.startsWith(kk) && w.length() > kk.length() + 1 ? month : 0; // "наурызда"
    }

    /**
     * Of the persons sentence s names (two or three capitalised words, not an institution), how many
     * the incident named before it and how many it did not: "a court in Taraz convicted pensioner
     * Serik Dauletov" names one new person.
     */
    Named named(int segStart, int s) {
      String before = ix.lowerText().substring(Math.max(0, segStart), ix.sentenceStart(s));
      int known = 0;
      int fresh = 0;
      for (String surname : surnames(s)) {
        if (before.contains(surname)) {
          known++;
        } else {
          fresh++;
        }
      }
      return new Named(known, fresh);
    }

    record Named(int known, int fresh) {
      /** Persons named, none of them before. */
      boolean onlyNew() {
        return fresh > 0 && known == 0;
      }
    }

    /** What the "several" words of a sentence count. */
    enum Several { PERSONS, TIME, OTHER }

    /**
     * What sentence s's "several" counts: persons when one stands before a person noun ("several
     * activists", "бірнеше белсендіге"), time when every one measures it ("через несколько часов",
     * "бірнеше күннен кейін"), otherwise something else.
     */
    Several several(int s) {
      int end = ix.sentenceEnd(s);
      boolean time = false;
      boolean other = false;
      for (int t = ix.tokenFrom(ix.sentenceStart(s)); t + 1 < ix.tokens && ix.tokStart[t + 1] < end; t++) {
        if (!SEVERAL_WORDS.contains(ix.token(t))) {
          continue;
        }
        for (int i = t + 1; i <= t + 2 && i < ix.tokens && ix.tokStart[i] < end; i++) {
          if (isPersonNoun(ix.token(i))) {
            return Several.PERSONS;
          }
        }
        if (isMeasure(ix.token(t + 1))) {
          time = true;
        } else {
          other = true;
        }
      }
      return time && !other ? Several.TIME : Several.OTHER;
    }

    private static final Set<String> SEVERAL_WORDS = Set.of("several", "несколько", "нескольких", "нескольким",
        "бірнеше");

    /**
     * The surnames sentence s names (two or three capitalised words, not an institution), each cut
     * to six letters so that its inflected forms ("Даулетов", "Даулетова") match.
     */
    List<String> surnames(int s) {
      int ss = ix.sentenceStart(s);
      java.util.regex.Matcher m = CAPITAL_RUN.matcher(ix.text).region(ss, ix.sentenceEnd(s));
      List<String> out = new ArrayList<>(2);
      while (m.find()) {
        List<String> words = new ArrayList<>(List.of(SPACES.split(m.group())));
        if (m.start() == ss) {
          words.remove(0); // the sentence's first word is capitalised whatever it is
        }
        words.removeIf(w -> Grammar.monthName(w) > 0);
        if (words.size() < 2 || words.size() > 3 || INSTITUTION_WORD.matcher(m.group()).find()
            || afterPreposition(m.start())) {
          continue;
        }
        String surname = words.get(words.size() - 1).toLowerCase(Locale.ROOT);
        out.add(surname.substring(0, Math.min(surname.length(), 6)));
      }
      return out;
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern CAPITAL_RUN = java.util.regex.Pattern.compile(
        "\\p{Lu}[\\p{Ll}'’-]+(?:\\s+\\p{Lu}[\\p{Ll}'’-]+)+");

    /** Whether the incident has a case of the kind and each of its cases so far is one person's. */
    static boolean onlySinglePersons(List<Mention> mentions, String kind) {
      boolean any = false;
      for (Mention m : mentions) {
        if (m.kind.equals(kind)) {
          if (m.count == null || m.count != 1) {
            return false;
          }
          any = true;
        }
      }
      return any;
    }

    /** Whether sentence s says its events came before going to court ("before suing", "до обращения в суд"). */
    boolean precedesSuit(int s) {
      String lower = ix.lowerText().substring(ix.sentenceStart(s), ix.sentenceEnd(s));
      return lower.contains("before ") || lower.contains("до обращения") || lower.contains("до подачи")
          || lower.contains("прежде") || lower.contains("перед ") || lower.contains("дейін");
    }

    static boolean hasKind(List<Mention> mentions, String kind) {
      for (Mention m : mentions) {
        if (m.kind.equals(kind)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Whether sentence s adds a further person or case ("Another journalist, Vera Lopatina, was fined",
     * "Еще одного журналиста ... суд оштрафовал", "осы парақшаның екінші әкімшісі", "поступил еще один
     * иск"): a marker among its first ten words, then a person or case noun within three words; at the
     * head of the sentence, a name the incident has not named before will do instead of the noun.
     */
    boolean addsAnotherPerson(int segStart, int s) {
      int first = ix.tokenFrom(ix.sentenceStart(s));
      int end = ix.sentenceEnd(s);
      for (int t = first; t < first + 14 && t + 1 < ix.tokens && ix.tokStart[t + 1] < end; t++) {
        if (SUBJECT_KNOWN.contains(ix.token(t))) {
          return false; // "He is the second editor convicted this year": the same person
        }
        int after = afterFurtherMarker(ix.token(t), ix.token(t + 1), t);
        if (after < 0 && ix.token(t + 1).equals("other") && numberAt(t) != null) {
          after = t + 2; // "Seven other protesters were fined"
        }
        if (after < 0) {
          continue;
        }
        for (int i = after; i < after + 3 && i < ix.tokens && ix.tokStart[i] < end; i++) {
          if (isPersonNoun(ix.token(i)) || isCaseNoun(ix.token(i))) {
            return true;
          }
        }
        return t == first && named(segStart, s).fresh() > 0;
      }
      return false;
    }

    /**
     * Whether a sentence's modal words make its stages and kinds hypothetical: any modal but
     * "would", which in reported speech is only a later time ("The trial of three men opened on
     * Tuesday, the judge ruling that the hearing would be closed" tells a trial), and governs only
     * what follows it ("prosecutors said he would be charged").
     */
    boolean modalGoverns(int s) {
      int modal = Integer.MAX_VALUE;
      for (Hit h : bySentence.get(s)) {
        for (String tag : ruleTags[h.rule()]) {
          if (tag.equals("modal")) {
            if (!ix.lowerText().startsWith("would", h.start())) {
              // "a person convicted of defamation could face a fine", "айыппұл салынуы мүмкін" (Kazakh
              // puts "may" after its verb): the whole sentence is hypothetical
              return true;
            }
            modal = Math.min(modal, h.start());
          }
        }
      }
      boolean closure = isClosure(sentTags.get(s), s); // not "it would be closed to the press"
      for (Hit h : bySentence.get(s)) {
        if (h.start() >= modal && (hasTagPrefix(h, "stage:") || hasTagPrefix(h, "kind:")
            || hasTagPrefix(h, "weakkind:") || hasTagPrefix(h, "neg") || closure && hasTag(h, CUE_CLOSED)
            || hasTagPrefix(h, "legal:"))) {
          return true;
        }
      }
      return false;
    }

    /** Whether every verdict word of sentence s is "ruled", which also rules on how a trial is held. */
    boolean onlyRuledVerdict(int s) {
      for (Hit h : bySentence.get(s)) {
        if (hasTag(h, STAGE_VERDICT) && !ix.lowerText().startsWith("ruled", h.start())) {
          return false;
        }
      }
      return true;
    }

    /**
     * The persons a sentence's first word stands for: "Обоим объявлено", "Both were charged" are
     * two ("Both sides appealed" are the parties, no one charged); "They are charged" after "Rustem
     * Kaliyev, Yerbol Dzhumashev and Aidos Serikbayev ran the channel" are the persons the sentence
     * before named. Null otherwise.
     */
    Integer personsOfSubject(int s) {
      int first = ix.tokenFrom(ix.sentenceStart(s));
      String w = ix.token(first);
      if (BOTH.contains(w)) {
        String next = first + 1 < ix.tokens ? ix.token(first + 1) : "";
        boolean parties = next.startsWith("side") || next.startsWith("parties") || next.startsWith("сторон")
            || next.startsWith("тарап");
        return parties ? null : 2;
      }
      if (!THEY.contains(w)) {
        return null;
      }
      Integer before = namedPersons(s - 1);
      return before != null && before >= 2 ? before : null;
    }

    /**
     * Whether sentence s gives a figure of a whole earlier year on an authority's word: "according to
     * the regional prosecutor's office, 14 investigations were registered in 2020", "по информации
     * департамента полиции, в 2023 году к ответственности привлечены семь человек".
     */
    boolean earlierYearStatistic(int s) {
      if (referenceDate == null) {
        return false;
      }
      int year = Grammar.latestYear(ix.lowerText(), ix.sentenceStart(s), ix.sentenceEnd(s));
      if (year <= 0 || year >= referenceDate.getYear()) {
        return false;
      }
      boolean source = false;
      String prev = "";
      for (int t = ix.tokenFrom(ix.sentenceStart(s)); t < ix.tokens && ix.tokStart[t] < ix.sentenceEnd(s); t++) {
        String w = ix.token(t);
        if (monthAdverbial(prev, w, Character.isUpperCase(ix.text.charAt(ix.tokStart[t]))) > 0) {
          return false; // "in March 2020 two bloggers were fined": events, not a year's figure
        }
        for (String stem : STATISTIC_SOURCE) {
          source |= w.startsWith(stem);
        }
        prev = w;
      }
      return source;
    }

    private static final List<String> STATISTIC_SOURCE = List.of("according", "statistic", "registered", "recorded",
        "данным", "информации", "сведениям", "статистик", "зарегистрирован", "мәліметі", "дерек", "тіркелген",
        "тіркелді");

    /**
     * The stage of kind k in a sentence naming several kinds: of the sentence's stage words, those
     * nearer to a word or provision of k than to any of another kind ("the court fined the blogger
     * under Article 456-2, and the akim has sued him": the fine is the administrative case's).
     * {@code whole} when the sentence's words name only one of the kinds (the others come from the
     * incident's provisions).
     */
    String nearestStage(int s, String k, Set<String> stages, String whole) {
      List<Hit> hs = bySentence.get(s);
      List<int[]> kindAt = new ArrayList<>(); // position, 1 for k, 0 for another kind
      for (Hit h : hs) {
        String kindOfHit = null;
        for (String tag : ruleTags[h.rule()]) {
          String ty = type(tag);
          if (ty.equals("kind") || ty.equals("weakkind") || ty.equals("tallykind")) {
            kindOfHit = value(tag);
          } else if (ty.equals("legal") && taxonomy.provisions().containsKey(value(tag))
              && taxonomy.sideOf(value(tag)).equals("charge")) {
            kindOfHit = taxonomy.kindOf(value(tag));
          }
        }
        if (kindOfHit != null) {
          kindAt.add(new int[] {h.start(), kindOfHit.equals(k) ? 1 : 0});
        }
      }
      if (kindAt.stream().noneMatch(a -> a[1] == 1) || kindAt.stream().noneMatch(a -> a[1] == 0)) {
        return whole;
      }
      String best = "unknown";
      for (Hit h : hs) {
        String st = null;
        for (String tag : ruleTags[h.rule()]) {
          if (tag.startsWith("stage:") && stages.contains(value(tag))) {
            st = value(tag);
          }
        }
        if (st == null) {
          continue;
        }
        int mine = Integer.MAX_VALUE;
        int other = Integer.MAX_VALUE;
        for (int[] a : kindAt) {
          int d = Math.abs(a[0] - h.start());
          if (a[1] == 1) {
            mine = Math.min(mine, d);
          } else {
            other = Math.min(other, d);
          }
        }
        if (mine <= other && stageRank(st) > stageRank(best)) {
          best = st;
        }
      }
      return best;
    }

    /** Whether a closure sentence of the incident told a case of kind k it ended. */
    static boolean closedCase(ChargeScan scan, String k) {
      for (Mention m : scan.closedMentions) {
        if (m.kind.equals(k)) {
          return true;
        }
      }
      return false;
    }

    /** Whether no line break stands between the starts of sentences a and b (a before b). */
    boolean sameParagraph(int a, int b) {
      int lineBreak = ix.nextLineBreak(ix.sentenceStart(a));
      return lineBreak < 0 || lineBreak >= ix.sentenceStart(b);
    }

    /** "another suit", "еще один иск", "тағы бір талап арыз": a further case, of the same person or not. */
    static boolean isCaseNoun(String w) {
      for (String stem : CASE_NOUN_STEMS) {
        if (w.startsWith(stem)) {
          return true;
        }
      }
      return false;
    }

    private static final List<String> CASE_NOUN_STEMS = List.of("suit", "lawsuit", "claim", "case", "dispute", "trial", "protocol",
        "иск", "дело", "деле", "делу", "спор", "процесс", "протокол", "талап", "хаттама", "іс");

    /** A pronoun or a copula before the marker: the sentence is about a person already named. */
    private static final Set<String> SUBJECT_KNOWN = Set.of("he", "she", "they", "is", "was", "became", "он", "она",
        "они", "стал", "стала", "является", "ол", "олар");

    /** The token after a "further person" marker starting at token t (words w1, w2), or -1. */
    static int afterFurtherMarker(String w1, String w2, int t) {
      if (w1.equals("another") || w1.equals("second") || w1.equals("third") || w1.equals("separate")
          || w1.startsWith("втор") || w1.startsWith("трет") || w1.startsWith("другом") || w1.startsWith("другой")
          || w1.startsWith("отдельн") || w1.equals("екінші") || w1.equals("үшінші") || w1.equals("басқа")) {
        return t + 1;
      }
      if (w1.equals("a") && (w2.equals("second") || w2.equals("third")) || w1.equals("one") && w2.equals("more")
          || (w1.equals("еще") || w1.equals("ещё")) && (w2.startsWith("од") || w2.startsWith("дв") || w2.startsWith("тр"))
          || w1.equals("тағы") && (w2.equals("бір") || w2.equals("екі"))) {
        return t + 2;
      }
      return -1;
    }

    /**
     * Whether the closure in sentence s ends an earlier case the report recalls, not its own: the
     * sentence dates itself in an earlier month, and it or the sentence before it opens as a
     * recollection ("Earlier this year", "Ранее", "Бұған дейін").
     */
    boolean closesEarlierCase(Segment seg, int s) {
      int first = ix.sentenceOf(seg.start());
      return datesEarlier(s) > 0 && (earlierCase(s) > 0 || s > first && earlierCase(s - 1) > 0);
    }

    /**
     * Whether the incident already has a case of the kind at trial or judged: the report's own case,
     * beside which another person's verdict dated earlier is a case of its own; a stage sentence
     * that names no kind ("The trial opened on Tuesday") counts. (A case only "initiated" may be a
     * statistic or a vague mention, which the recalled verdict should not leave.)
     */
    static boolean judgedOrOnTrial(ChargeScan scan, String kind) {
      boolean trial = "in_court".equals(scan.orphanStage) || "verdict".equals(scan.orphanStage);
      for (Mention m : scan.mentions) {
        if (m.kind.equals(kind) && (trial || m.stage.equals("in_court") || m.stage.equals("verdict"))) {
          return true;
        }
      }
      return false;
    }

    private static final List<String> EARLIER_MARKERS = List.of("earlier", "previously", "in the past", "ранее",
        "прежде", "напомним", "до этого", "в прошлом", "бұған дейін", "бұрын", "еске сала");

    /** Reads the charges, stages and closures of one sentence of an incident into {@code scan}. */
    void chargeSentence(Segment seg, int s, Map<Integer, List<Legal>> legalBySentence, Set<String> incidentTags,
        ChargeScan scan) {
      Set<String> t = sentTags.get(s);
      if (t.isEmpty() && !legalBySentence.containsKey(s)) {
        return; // no tag and no legal basis: nothing below can name, stage or close a charge
      }
      scan.withdrawn |= t.contains(STAGE_DISMISSED);
      if (t.contains("modal") && modalGoverns(s) || t.contains(NEG_CORRECTION)) {
        // A correction restates the wrong claim in its own sentence; the right one follows.
        return;
      }
      // A negation ("no criminal case was opened", "қылмыстық іс жоқ") removes the kind it names
      // from the whole incident; other kinds of the sentence ("an administrative protocol was
      // drawn up") still count. A negation naming no kind removes every kind.
      Set<String> negated = null;
      if ((t.contains("neg") || isClosure(t, s)) && !seg.summary() && closesEarlierCase(seg, s)) {
        return; // "Earlier this year he was questioned in another case. That case was closed in March."
      }
      if (t.contains("neg") && t.contains(CUE_WITNESS)) {
        return; // "a fifth member was questioned as a witness and has not been charged": not the case
      }
      if (t.contains("neg")) {
        negated = negatedKinds(s);
        if (negated == null) {
          scan.closedAll = true;
          return;
        }
        scan.closedKinds.addAll(negated);
      }
      Set<String> closing = null;
      if (isClosure(t, s)) {
        List<Legal> cited = legalBySentence.getOrDefault(s, List.of());
        Set<String> named = closedKinds(t, cited);
        if (seg.summary() || t.contains("neg")) {
          // a digest's figures count charges brought, and a closure among them is no figure of its
          // own; "в регистрации заявления было отказано за отсутствием состава преступления" is a case
          // refused, never opened, whatever closing words the refusal uses
          named.addAll(kindsNamed(t, cited));
          if (named.isEmpty()) {
            scan.closedAll = true;
          }
          scan.closedKinds.addAll(named);
          return;
        }
        scan.closureSentence = s;
        if (named.isEmpty()) {
          scan.terminatedAll = true;
          return;
        }
        for (String k : kindsNamed(Set.of(), cited)) {
          if (!named.contains(k)) {
            scan.closedKinds.add(k); // "closed the criminal libel case" in 2021: libel maps to CAO 73-3
          }
        }
        for (String k : named) {
          // a claim the court rejected adds no charge (TAXONOMY's negations); a claimant's withdrawal
          // is the suit's stage dismissed (scan.withdrawn)
          (k.equals("civil") ? scan.closedKinds : scan.terminatedKinds).add(k);
        }
        if (!t.contains(STAGE_FILED)) {
          return; // "дело прекращено" adds no charge (TAXONOMY): the closure ends a case told elsewhere
        }
        // "Дело, возбужденное в марте в отношении жительницы Кызылорды, прекращено": the sentence tells
        // the case it ends, read below as that case
        closing = named;
      }
      List<Legal> ls = legalBySentence.getOrDefault(s, List.of());
      Set<String> provKinds = new LinkedHashSet<>();
      boolean victim = false;
      boolean chargeSide = false;
      for (Legal l : ls) {
        String side = taxonomy.sideOf(l.code());
        String k = taxonomy.kindOf(l.code());
        if (side.equals("victim")) {
          victim = true;
        } else if (k != null) {
          chargeSide = true;
          provKinds.add(k);
        }
      }
      Set<String> stages = new LinkedHashSet<>();
      for (String tag : t) {
        if (tag.startsWith("stage:")) {
          stages.add(value(tag));
        }
      }
      if (t.contains(CUE_MOTION)) {
        // a ruling on a motion ("refused to grant the defence's motion") is no verdict of the case
        stages.remove("verdict");
        stages.remove("dismissed");
      }
      if ((t.contains(COURT_TRANSPARENCY) || t.contains(CUE_CLOSED_DOORS)) && onlyRuledVerdict(s)) {
        stages.remove("verdict"); // "the judge ruled that the hearings would be closed to the press"
      }
      if (t.contains(CUE_BAN_RULING)) {
        stages.remove("verdict"); // "charged with taking part in an organisation after a court decision banning it"
      }
      if (stages.contains("dismissed") && !seg.summary() && closesEarlierCase(seg, s)) {
        // "Напомним, в июле он уже обращался в суд ... В сентябре он отозвал свой иск": an earlier
        // claim, withdrawn before the one the report is about
        stages.remove("dismissed");
      }
      boolean hasStage = !stages.isEmpty();
      if (!hasStage && !seg.summary() && t.contains(CUE_CHALLENGE)) {
        return; // "the outlet will challenge the blocking in an administrative court": an action by the media
      }
      if (!hasStage && !seg.summary() && t.contains(CUE_LEGISLATIVE)) {
        // A bill's wording names kinds of liability ("moves defamation to the administrative
        // code", "introduces criminal liability"), not a case against anyone.
        return;
      }
      boolean victimOnly = victim && !chargeSide || scan.victimCaseOnly && !chargeSide && !t.contains(CUE_TARGET_MEDIA);
      Set<String> kinds = sentenceKinds(t, seg.summary(), provKinds, hasStage, victimOnly, incidentTags,
          scan.criminalCaseOnly, scan.civilCase);
      if (negated != null) {
        kinds.removeAll(negated);
        if (kinds.isEmpty()) {
          return;
        }
      }
      if (closing != null) {
        kinds.retainAll(closing);
        kinds.remove("civil");
        if (kinds.isEmpty()) {
          return;
        }
      }
      if (kinds.isEmpty()) {
        if (hasStage && scan.current != null && sameParagraph(scan.currentSentence, s)) {
          return; // "Kuanyshev's lawyer said the verdict would be appealed": the separate case's stage
        }
        if (hasStage && !seg.summary() && !t.contains(CUE_LEGISLATIVE)) {
          // ("At the parliamentary hearings a senator proposed a law": no stage of a case)
          noteOrphanStage(t, s, maxStage(stages), scan);
        }
        return;
      }
      // "several" counts nobody when it measures time ("через несколько часов", "several days later")
      Several severalOf = t.contains(CUE_SEVERAL) ? several(s) : Several.OTHER;
      boolean several = t.contains(CUE_SEVERAL) && severalOf != Several.TIME;
      Integer count = several ? null : count(s, seg.summary());
      if (count == null && !several && !seg.summary() && !t.contains(CUE_WITNESS)) {
        count = namedPersons(s); // "Aidos Temirov, Zhuldyz Baimenova and Ruslan Kenzhin were charged"
      }
      if (count == null && !several && !seg.summary() && s > 0) {
        count = personsOfSubject(s);
      }
      Named named = count != null && count >= 2 && !digest ? named(seg.start(), s) : null;
      if (named != null && (named.equals(new Named(0, 0)) && t.contains(TALLY_YTD)
          || !seg.summary() && named.known() == 0 && namedPersons(s) == null && earlierYearStatistic(s))) {
        // "с начала года в суды региона направлено пять уголовных дел", "according to the prosecutor's
        // office, 14 pre-trial investigations were registered in the region in 2020": a statistic
        return;
      }
      boolean countStated = count != null || several;
      if (seg.summary() && !countStated && isHeading(s)) {
        return; // "2.1. Возбуждение уголовных дел": a section heading of a digest, no case
      }
      if (count == null && !several) {
        count = 1;
      }
      if (!seg.summary() && count != null && count > 30) {
        return; // a statistic, not a case
      }
      // A summary sentence naming several kinds ("1 criminal charge (in court), 3 civil claims")
      // cannot tell whose stage word it is.
      String stage = seg.summary()
          ? (stages.size() == 1 && kinds.size() == 1 && !stageOnlyFromAccusation(s) ? stages.iterator().next()
          : "unknown") : maxStage(stages);
      boolean speech = chargeSide || t.contains(CUE_SPEECH) || t.contains(CUE_TARGET_MEDIA) || t.contains(CUE_JOURNALIST);
      int earlier = !seg.summary() && !digest && stage.equals("verdict") ? earlierCase(s) : 0;
      // another person's verdict dated before the report: a case of its own, recalled (an earlier
      // year) or one more current case of the report (an earlier month of its year)
      int another = earlier > 0 || seg.summary() || digest || !stage.equals("verdict")
          || scan.mentions.isEmpty() && scan.closedMentions.isEmpty() ? 0 : datesEarlier(s);
      if (another > 0 && named(seg.start(), s).fresh() == 0) {
        another = 0;
      }
      boolean further = !seg.summary() && !digest && !scan.mentions.isEmpty() && addsAnotherPerson(seg.start(), s);
      // "The same court sentenced three organisers, A, B and C" after one journalist's case: a group of
      // persons none of whom the incident named before is a case of its own
      // ...and so are "several activists were also fined" when they are persons the incident has not named
      boolean group = !further && !seg.summary() && !digest && countStated && !scan.mentions.isEmpty()
          && (count != null && count >= 2 && named(seg.start(), s).onlyNew()
              || count == null && severalOf == Several.PERSONS && named(seg.start(), s).known() == 0);
      // "Одновременно он направил досудебную претензию редакции газеты «X»" after a suit: one does
      // not send a pre-trial claim to the party one already sues, so it is a case of its own (unless
      // recalled as what came before: "Ранее он направил ...", "before going to court")
      boolean otherClaim = !seg.summary() && t.contains(CUE_PRETRIAL_CLAIM) && hasKind(scan.mentions, "civil")
          && earlierCase(s) == 0 && !precedesSuit(s);
      for (String k : kinds) {
        // a summary's civil figure counts claims lodged, pre-trial and in court alike ("7 claims and
        // pre-trial claims"): no one stage, as the real digests' labels give it
        String own = !seg.summary() && kinds.size() > 1 ? nearestStage(s, k, stages, stage) : stage;
        Mention m = mention(k, seg.summary() && k.equals("civil") && countStated && t.contains(TALLYKIND_TAG.get(k))
            ? "unknown" : own, count, ls, s);
        m.countStated = countStated;
        if (closing != null) {
          scan.closedMentions.add(m);
          continue;
        }
        if (scan.announced != null && s == scan.announcedSentence + 1 && k.equals(scan.announced.kind)
            && !stage.equals("unknown")) {
          // "This is the second criminal case against a blogger this year. In April, the city court
          // sentenced ...": the announced case, however far back the next sentence dates it
          scan.announced.stage = stage;
          scan.announced.basis = scan.announced.basis != null ? scan.announced.basis : m.basis;
          scan.announced.evidence.addAll(m.evidence);
          continue;
        }
        if (earlier > 0 || another == 2 && (judgedOrOnTrial(scan, k) || closedCase(scan, k))) {
          scan.earlier.add(m);
          scan.earlierDated.add(earlier == 2);
          scan.current = m; // "Приговор вступил в силу": the rest of its paragraph tells the recalled case
          scan.currentSentence = s;
          continue;
        }
        if (further && hasKind(scan.mentions, k) || another == 1 && judgedOrOnTrial(scan, k)
            || otherClaim && k.equals("civil")
            || group && onlySinglePersons(scan.mentions, k)) {
          scan.others.add(m);
          scan.current = m;
          scan.currentSentence = s;
          if (m.stage.equals("unknown")) {
            // "Для неё это уже второй уголовный процесс за год." announces the case; the next
            // sentence tells it ("В марте тот же суд признал её виновной в оскорблении")
            scan.announced = m;
            scan.announcedSentence = s;
          }
          continue;
        }
        if (scan.current != null && k.equals(scan.current.kind) && sameParagraph(scan.currentSentence, s)) {
          // "Kuanyshev's lawyer said the verdict would be appealed": still the separate case
          if (stageRank(stage) > stageRank(scan.current.stage)) {
            scan.current.stage = stage;
          }
          scan.current.basis = scan.current.basis != null ? scan.current.basis : m.basis;
          scan.current.evidence.addAll(m.evidence);
          continue;
        }
        scan.mentions.add(m);
        if (stage.equals("verdict") && speech) {
          scan.judgedSpeech.add(k);
        }
      }
    }

    /**
     * The kinds of action one sentence names. {@code victimOnly}: the sentence cites only
     * victim-side provisions.
     */
    Set<String> sentenceKinds(Set<String> t, boolean summary, Set<String> provKinds, boolean hasStage,
        boolean victimOnly, Set<String> incidentTags, boolean criminalCaseOnly, boolean civilCase) {
      Set<String> kinds = new LinkedHashSet<>();
      Set<String> strong = new LinkedHashSet<>();
      for (String k : PLAIN_KINDS) {
        if (t.contains(KIND_TAG.get(k))) {
          kinds.add(k);
          strong.add(k);
        }
      }
      if (summary) {
        // Summary lines: the adjective names the kind ("3 civil claims"); honour-and-dignity
        // judicial acts name it by their provision.
        for (String k : PLAIN_KINDS) {
          if (t.contains(TALLYKIND_TAG.get(k))) {
            kinds.add(k);
          }
        }
        if (hasStage) {
          kinds.addAll(provKinds);
        }
        if (!t.contains(TALLY_EXCLUDE) || !provKinds.isEmpty()) {
          // keep
        } else {
          kinds.clear();
        }
      } else {
        for (String k : PLAIN_KINDS) {
          // "ordered him to pay 500,000 tenge in compensation for moral damage" names a civil suit
          boolean damages = k.equals("civil") && t.contains(CUE_MORAL_DAMAGE);
          if (!t.contains(WEAKKIND_TAG.get(k)) && !damages) {
            continue;
          }
          if (k.equals("criminal") && t.contains(CUE_ALLEGATION) && !provKinds.contains(k)) {
            continue; // "whom the channel had accused of pocketing payments": what a report alleged, no charge
          }
          if (k.equals("civil")) {
            if ((t.contains(CUE_TARGET_MEDIA) || provKinds.contains("civil") || incidentTags.contains("kind:civil")
                || civilCase && hasStage) && !t.contains(CUE_CHALLENGE)) {
              kinds.add(k);
            }
          } else if (hasStage || provKinds.contains(k)) {
            kinds.add(k);
          }
        }
        if (hasStage) {
          kinds.addAll(provKinds);
        }
        if (victimOnly) {
          kinds.remove("criminal");
        }
        // A fine under a criminal article ("found guilty of defamation [2019] and fined") is the
        // criminal sentence, not an administrative case; so is a fine in a sentence citing nothing
        // when the report cites only criminal provisions ("convicted ... and fined him 100 MCI").
        boolean criminalFine = (provKinds.contains("criminal") || provKinds.isEmpty() && criminalCaseOnly)
            && !provKinds.contains("administrative") && !strong.contains("administrative");
        // ...while "sentenced to 15 days" on an administrative charge is not also a criminal case.
        if (kinds.contains("administrative") && !strong.contains("criminal") && !provKinds.contains("criminal")
            && !criminalFine) {
          kinds.remove("criminal");
        }
        if (criminalFine) {
          kinds.remove("administrative");
        }
        if (t.contains(CUE_CHALLENGE)) {
          kinds.remove("civil");
        }
      }
      if (t.contains(CUE_OTHER_TARGET) && !t.contains(CUE_TARGET_MEDIA) && !summary) {
        kinds.clear(); // a case against an official or an attacker is not a charge against speech
      }
      if (t.contains(CUE_WITNESS) && !summary) {
        kinds.clear(); // questioned as a witness in a criminal case: a summons, not a charge against them
      }
      if (t.contains(CUE_ATTACKER) && provKinds.isEmpty() && !t.contains(CUE_TARGET_MEDIA) && !summary) {
        kinds.clear(); // "a man who hit a blogger was fined": the attacker's case is a violation, not a charge
      }
      return kinds;
    }

    /**
     * A stage with no kind in its sentence: keeps the best one, preferring sentences about the
     * media, then the furthest stage.
     */
    void noteOrphanStage(Set<String> t, int s, String st, ChargeScan scan) {
      boolean targeted = t.contains(CUE_TARGET_MEDIA);
      boolean bestTargeted = scan.orphanSentence >= 0 && sentTags.get(scan.orphanSentence).contains(CUE_TARGET_MEDIA);
      if (scan.orphanStage == null || targeted && !bestTargeted
          || targeted == bestTargeted && stageRank(st) > stageRank(scan.orphanStage)) {
        scan.orphanStage = st;
        scan.orphanSentence = s;
      }
    }

    /** One kind of action named in sentence {@code s}, with its basis among the sentence's provisions. */
    Mention mention(String k, String stage, Integer count, List<Legal> ls, int s) {
      String basis = null;
      for (Legal l : ls) {
        if (k.equals(taxonomy.kindOf(l.code())) && taxonomy.sideOf(l.code()).equals("charge")) {
          basis = l.code();
          break;
        }
      }
      Mention m = new Mention(k, stage, count, basis);
      m.sentence = s;
      m.evidence.add(span("charge:" + k, "charge.sentence", ix.sentenceStart(s), ix.sentenceEnd(s)));
      if (k.equals("civil")) {
        amountsInto(m, s);
      }
      return m;
    }

    /** Merges mentions of one kind: the furthest stage, the largest count. */
    Map<String, Mention> mergeByKind(List<Mention> mentions) {
      Map<String, Mention> byKind = new LinkedHashMap<>();
      for (Mention m : mentions) {
        Mention cur = byKind.get(m.kind);
        if (cur == null) {
          byKind.put(m.kind, m);
          continue;
        }
        if (stageRank(m.stage) > stageRank(cur.stage)) {
          cur.stage = m.stage;
        }
        if (cur.count != null && m.count != null && m.count > cur.count) {
          cur.count = m.count;
        }
        cur.countStated |= m.countStated;
        cur.basis = cur.basis != null ? cur.basis : m.basis;
        cur.claimed = cur.claimed != null ? cur.claimed : m.claimed;
        cur.awarded = cur.awarded != null ? cur.awarded : m.awarded;
        cur.evidence.addAll(m.evidence);
      }
      return byKind;
    }

    /**
     * A stage sentence naming no kind advances the incident's only charge, or, with no charge,
     * yields one when the incident cites exactly one kind of charge-side provision.
     */
    void applyOrphanStage(Map<String, Mention> byKind, String orphanStage, int orphanSentence,
        Set<String> incidentLegal) {
      Mention next = null;
      int nextTo = 0;
      for (Mention m : byKind.values()) {
        if (m.sentence == orphanSentence + 1) {
          next = m;
          nextTo++;
        }
      }
      // "Блогердің ісі бойынша сот талқылауы басталды. Оған ҚК-нің 257-бабы бойынша айып тағылған.":
      // of several kinds, the one the next sentence names
      Mention only = byKind.size() == 1 ? byKind.values().iterator().next() : nextTo == 1 ? next : null;
      if (only != null) {
        if (stageRank(orphanStage) > stageRank(only.stage)) {
          only.stage = orphanStage;
          only.evidence.add(span("stage:" + orphanStage, "charge.stage", ix.sentenceStart(orphanSentence),
              ix.sentenceEnd(orphanSentence)));
        }
      } else if (byKind.isEmpty()) {
        Set<String> kinds = new LinkedHashSet<>();
        String basis = null;
        for (String code : incidentLegal) {
          String k = taxonomy.kindOf(code);
          if (k != null && taxonomy.sideOf(code).equals("charge")) {
            kinds.add(k);
            basis = basis == null ? code : basis;
          }
        }
        if (kinds.size() == 1 && sentTags.get(orphanSentence).contains(CUE_TARGET_MEDIA)) {
          String k = kinds.iterator().next();
          Integer c = sentTags.get(orphanSentence).contains(CUE_SEVERAL) ? null : 1;
          Mention m = new Mention(k, orphanStage, c, basis);
          m.evidence.add(span("charge:" + k, "charge.incident", ix.sentenceStart(orphanSentence),
              ix.sentenceEnd(orphanSentence)));
          byKind.put(k, m);
        }
      }
    }

    /** Whether the incident cites a provision of the vocabulary on the charge side. */
    boolean citesSpeechProvision(Set<String> incidentLegal) {
      for (String code : incidentLegal) {
        if (taxonomy.provisions().containsKey(code) && taxonomy.sideOf(code).equals("charge")
            && taxonomy.kindOf(code) != null) {
          return true; // an article of a code, not the media law a journalist invokes
        }
      }
      return false;
    }

    /**
     * A charge is a legal action for expression: the incident must concern journalists, media or
     * speech, or name a provision of the taxonomy (not, say, a traffic offence).
     */
    boolean isSpeechContext(Set<String> incidentLegal, Set<String> incidentTags, int firstSent, int lastSent) {
      if (incidentTags.contains(CUE_FRAUD) && !incidentTags.contains(CUE_TARGET_MEDIA)) {
        // a fraud trial with journalists in the courtroom; a journalist accused of it is "against" them
        boolean cited = false;
        for (String code : incidentLegal) {
          cited |= taxonomy.provisions().containsKey(code) && taxonomy.sideOf(code).equals("charge");
        }
        if (!cited) {
          return false;
        }
      }
      if (incidentTags.contains(CUE_JOURNALIST) && journalistCharged(firstSent, lastSent)) {
        return true;
      }
      boolean otherOffencesOnly = !incidentLegal.isEmpty();
      for (String code : incidentLegal) {
        if (taxonomy.provisions().containsKey(code)) {
          if (taxonomy.sideOf(code).equals("charge")) {
            return true;
          }
          otherOffencesOnly = false;
        } else if (taxonomy.kindOf(code) == null) {
          otherOffencesOnly = false; // a statute, not an article of a code
        }
      }
      // A video or a post makes a case one about speech when a sentence ties them ("charged over a
      // post", "жазбасы үшін сотталды") or the action targets a publication; not a crash video
      // that went viral, nor one in a case cited under an article outside the vocabulary.
      boolean tied = incidentTags.contains(CUE_TARGET_MEDIA);
      for (int s = firstSent; s <= lastSent && !tied; s++) {
        Set<String> t = sentTags.get(s);
        if (t.contains(CUE_SPEECH)) {
          for (String tag : t) {
            tied |= tag.startsWith("kind:") || tag.startsWith("weakkind:") || tag.startsWith("stage:");
          }
        }
      }
      return tied && !otherOffencesOnly;
    }

    /**
     * Whether a sentence names a journalist or an outlet together with a charge or its stage, not as
     * a witness: "journalist X was charged", not a crash case whose footage a TV channel aired.
     */
    boolean journalistCharged(int firstSent, int lastSent) {
      for (int s = firstSent; s <= lastSent; s++) {
        Set<String> t = sentTags.get(s);
        if (!t.contains(CUE_JOURNALIST) || t.contains(CUE_WITNESS)) {
          continue;
        }
        for (String tag : t) {
          if (tag.startsWith("kind:") || tag.startsWith("weakkind:") || tag.startsWith("stage:")) {
            return true;
          }
        }
      }
      return false;
    }

    /** The merged charges, each with a basis from the incident's provisions if its sentences named none. */
    List<ChargeResult> chargeResults(Map<String, Mention> byKind, Set<String> incidentLegal,
        List<EvidenceSpan> incidentEvidence) {
      List<ChargeResult> out = new ArrayList<>();
      for (Mention m : byKind.values()) {
        out.add(chargeResult(m, incidentLegal));
        incidentEvidence.addAll(m.evidence);
      }
      return List.copyOf(out);
    }

    /**
     * A sentence reporting that a case was closed or a claim rejected: a closure phrase, or a
     * closing verb with a case noun or a kind of action, not an acquittal or verdict, not about an
     * appeal ("rejected the appeal" leaves the verdict standing).
     */
    /**
     * {@link #isClosure(Set)}, and when only a bare "closed" says it, the word stands near the case or
     * the kind it closes: "claiming the ward had been closed, has been brought to administrative
     * responsibility" closes no case.
     */
    boolean isClosure(Set<String> t, int s) {
      if (!isClosure(t)) {
        return false;
      }
      if (t.contains(NEG_CLOSED)) {
        return true;
      }
      List<Hit> hs = bySentence.get(s);
      for (Hit c : hs) {
        if (!hasTag(c, CUE_CLOSED)) {
          continue;
        }
        if (!isBareClosed(c)) {
          return true; // "прекращено", "dropped": words of proceedings, wherever they stand
        }
        for (Hit k : hs) {
          if (k != c && (hasTag(k, CUE_CASE) || hasTagPrefix(k, "kind:") || hasTagPrefix(k, "weakkind:"))
              && Math.max(k.start() - c.end(), c.start() - k.end()) <= CLOSURE_REACH) {
            return true;
          }
        }
      }
      return false;
    }

    /** "closed", "закрыт", "жабылды": words that close wards, roads and schools as well as cases. */
    boolean isBareClosed(Hit h) {
      String w = ix.lowerText().substring(h.start(), h.end());
      return w.startsWith("closed") || w.startsWith("закры") || w.startsWith("жабыл");
    }

    /** How far (in characters) a bare "closed" reaches to the case or kind it closes. */
    private static final int CLOSURE_REACH = 20;

    boolean hasTag(Hit h, String tag) {
      for (String x : ruleTags[h.rule()]) {
        if (x.equals(tag)) {
          return true;
        }
      }
      return false;
    }

    boolean hasTagPrefix(Hit h, String prefix) {
      for (String x : ruleTags[h.rule()]) {
        if (x.startsWith(prefix)) {
          return true;
        }
      }
      return false;
    }

    boolean isClosure(Set<String> t) {
      if (t.contains(CUE_CHALLENGE) || t.contains(CUE_PARTIAL) || t.contains(CUE_APPEAL_REJECTED)
          || t.contains(CUE_MOTION)) {
        // "rejected the rest of the claim": the claim was granted in part; "left the appeal
        // unsatisfied": the judgment stands; "rejected the defence's motion": the trial goes on
        return false;
      }
      if (t.contains(NEG_CLOSED)) {
        return true;
      }
      if (!t.contains(CUE_CLOSED) || t.contains(STAGE_VERDICT) || t.contains(COURT_TRANSPARENCY)
          || t.contains(CUE_CLOSED_DOORS)) {
        return false; // "behind closed doors" closes the hearing to the press, not the case
      }
      if (t.contains(CUE_CASE)) {
        return true;
      }
      for (String k : PLAIN_KINDS) {
        if (t.contains(KIND_TAG.get(k)) || t.contains(WEAKKIND_TAG.get(k))) {
          return true;
        }
      }
      return false;
    }

    /**
     * The kinds a sentence's negations name: a kind word the negation phrase overlaps or touches
     * ("no criminal case", "қылмыстық іс жоқ"). Null when the sentence names no kind at all (the negation then
     * concerns any legal action).
     */
    Set<String> negatedKinds(int s) {
      List<Hit> hs = bySentence.get(s);
      Set<String> out = new LinkedHashSet<>();
      boolean anyKind = false;
      for (Hit n : hs) {
        boolean neg = false;
        for (String tag : ruleTags[n.rule()]) {
          neg |= tag.equals("neg");
        }
        if (!neg) {
          continue;
        }
        for (Hit k : hs) {
          for (String tag : ruleTags[k.rule()]) {
            String ty = type(tag);
            if (!ty.equals("kind") && !ty.equals("weakkind")) {
              continue;
            }
            anyKind = true;
            // touching, or in the same clause: "уголовных дел в отношении блогеров не возбуждалось"
            boolean near = k.tokFirst() <= n.tokLast() + 1 && n.tokFirst() <= k.tokLast() + 1 || sameClause(k, n);
            if (near) {
              out.add(value(tag));
            }
          }
        }
      }
      if (!out.isEmpty() && neitherNor(s)) {
        // "ни уголовного, ни административного дела не заводилось", "neither ... nor", "не ... не":
        // the negation reaches every kind the sentence names
        out.addAll(kindsOf(hs));
      }
      if (out.isEmpty() && anyKind && refusesToOpen(hs)) {
        // "заявление о привлечении к административной ответственности, однако полиция отказала в
        // возбуждении дела": a refusal to open a case refuses the one kind the sentence asks for
        Set<String> named = kindsOf(hs);
        if (named.size() == 1) {
          return named;
        }
      }
      if (!out.isEmpty()) {
        return out;
      }
      return anyKind ? out : null;
    }

    /** The kinds the hits name, by a kind word or a weak one. */
    Set<String> kindsOf(List<Hit> hs) {
      Set<String> kinds = new LinkedHashSet<>();
      for (Hit k : hs) {
        for (String tag : ruleTags[k.rule()]) {
          String ty = type(tag);
          if (ty.equals("kind") || ty.equals("weakkind")) {
            kinds.add(value(tag));
          }
        }
      }
      return kinds;
    }

    /** Whether a negation of the sentence refuses to open a case ("отказала в возбуждении", "declined to open"). */
    boolean refusesToOpen(List<Hit> hs) {
      for (Hit n : hs) {
        boolean neg = false;
        for (String tag : ruleTags[n.rule()]) {
          neg |= tag.equals("neg");
        }
        if (neg) {
          String w = ix.lowerText().substring(n.start(), n.end());
          if (w.contains("возбужд") || w.contains("refused") || w.contains("declined") || w.contains("бас тарт")) {
            return true;
          }
        }
      }
      return false;
    }

    /** "ни ..., ни ...", "neither ... nor", "не ..., не ..." in sentence s. */
    boolean neitherNor(int s) {
      String sentence = " " + ix.lowerText().substring(ix.sentenceStart(s), ix.sentenceEnd(s)) + " ";
      int first = sentence.indexOf(" ни ");
      return first >= 0 && sentence.indexOf(" ни ", first + 3) >= 0
          || sentence.contains(" neither ") && sentence.contains(" nor ");
    }

    /** No clause break (, ; : or a dash between spaces) between two hits of one sentence. */
    boolean sameClause(Hit a, Hit b) {
      int from = Math.min(a.end(), b.end());
      int to = Math.max(a.start(), b.start());
      for (int i = from; i < to; i++) {
        char c = ix.text.charAt(i);
        if (c == ',' || c == ';' || c == ':' || (c == '—' || c == '–') && i > 0 && isSpace(ix.text.charAt(i - 1))) {
          return false;
        }
      }
      return true;
    }

    /**
     * The kinds a closure names: by its words ("closed the criminal libel case") when it has any,
     * else by the provisions it cites; an offence named without its code ("libel") may map to a
     * provision of another kind than the case the words close.
     */
    Set<String> closedKinds(Set<String> t, List<Legal> ls) {
      Set<String> out = new LinkedHashSet<>();
      for (String k : PLAIN_KINDS) {
        if (t.contains(KIND_TAG.get(k)) || t.contains(WEAKKIND_TAG.get(k)) || t.contains(TALLYKIND_TAG.get(k))) {
          out.add(k);
        }
      }
      return out.isEmpty() ? kindsNamed(t, ls) : out;
    }

    /** Kinds of action a sentence names: by words or by a charge-side provision it cites. */
    Set<String> kindsNamed(Set<String> t, List<Legal> ls) {
      Set<String> out = new LinkedHashSet<>();
      for (String k : PLAIN_KINDS) {
        if (t.contains(KIND_TAG.get(k)) || t.contains(WEAKKIND_TAG.get(k))) {
          out.add(k);
        }
      }
      for (Legal l : ls) {
        String k = taxonomy.kindOf(l.code());
        if (k != null && taxonomy.sideOf(l.code()).equals("charge")) {
          out.add(k);
        }
      }
      return out;
    }

    String maxStage(Set<String> stages) {
      String best = "unknown";
      for (String s : stages) {
        if (stageRank(s) > stageRank(best)) {
          best = s;
        }
      }
      return best;
    }

    void amountsInto(Mention m, int s) {
      Set<String> t = sentTags.get(s);
      for (Grammar.Amount a : Grammar.amounts(ix.lowerText(), ix.sentenceStart(s), ix.sentenceEnd(s))) {
        if (t.contains(DAMAGES_AWARD)) {
          m.awarded = m.awarded == null ? a.kzt() : m.awarded;
        } else {
          m.claimed = m.claimed == null ? a.kzt() : m.claimed;
        }
        m.evidence.add(span("amount:" + a.kzt(), "amount", a.start(), a.end()));
      }
    }

    /**
     * The number of persons or claims a sentence gives: the first small number that is not a
     * date, a year, a duration, an age, a ratio or an article number. Null when there is none.
     */
    Integer count(int s, boolean summary) {
      if (!summary && oneOfThem(s)) {
        return 1; // "detained two journalists ... and a court sentenced one of them"
      }
      return countIn(ix.sentenceStart(s), ix.sentenceEnd(s), summary, false);
    }

    private static final List<String> ONE_OF_THEM = List.of("one of them", "один из них", "одного из них",
        "одну из них", "одна из них", "олардың бірі", "олардың біреуі");

    /** Whether sentence s singles out "one of them". */
    boolean oneOfThem(int s) {
      String sentence = ix.lowerText().substring(ix.sentenceStart(s), ix.sentenceEnd(s));
      for (String p : ONE_OF_THEM) {
        if (sentence.contains(p)) {
          return true;
        }
      }
      return false;
    }

    Integer countIn(int ss, int se, boolean summary, boolean skipParens) {
      List<Grammar.DateMention> dates = null; // found at the first number: most sentences have none
      int first = ix.tokenFrom(ss);
      for (int t = first; t < ix.tokens && ix.tokStart[t] < se; t++) {
        Integer v = numberAt(t);
        if (v == null) {
          continue;
        }
        String w = ix.token(t);
        if (dates == null) {
          dates = datesIn(ss, se);
        }
        int ts = ix.tokStart[t];
        int te = ix.tokEnd[t];
        boolean inDate = false;
        for (Grammar.DateMention d : dates) {
          if (ts >= d.start() && te <= d.end()) {
            inDate = true;
          }
        }
        if (inDate || (w.length() == 4 && v >= 1900 && v <= 2100)) {
          continue;
        }
        if (skipParens && insideParens(ss, ts)) {
          continue;
        }
        boolean inCitation = false;
        for (Cited c : citations) {
          if (ts >= c.start() && ts < c.end()) {
            inCitation = true;
          }
        }
        if (inCitation) {
          continue;
        }
        // Decimal, hyphenated suffix ("2-бөлігі", "488-й"), or a measure after it; but "40-тан
        // астам" (more than 40) and "оның 8-і" (8 of them) are quantities.
        if (te < ix.text.length() && (ix.text.charAt(te) == '-' || (ix.text.charAt(te) == '.' || ix.text.charAt(te) == ',')
            && te + 1 < ix.text.length() && Character.isDigit(ix.text.charAt(te + 1)))
            && !(ix.text.charAt(te) == '-' && t + 2 < ix.tokens && MORE_THAN.contains(ix.token(t + 2)))
            && !(ix.text.charAt(te) == '-' && t + 1 < ix.tokens && OF_THEM_SUFFIX.contains(ix.token(t + 1)))) {
          continue;
        }
        if (ts > 0 && (ix.text.charAt(ts - 1) == '.' || ix.text.charAt(ts - 1) == ',') && ts > 1
            && Character.isDigit(ix.text.charAt(ts - 2))) {
          continue;
        }
        String next = t + 1 < ix.tokens ? ix.token(t + 1) : null;
        if (next != null && (isMeasure(next) || Grammar.month(next) > 0)) {
          continue; // a measure, or a day: "публикация от 2 апреля", even without a year
        }
        if (isNumberLabel(t)) {
          continue; // "ч. 2 ст. 174", "Суд № 2", "part 1": a label, not a number of persons
        }
        if (isAgeApposition(ts, te)) {
          continue; // "Askhat Beisenov, 26, and Dilnaz Omarova, 24, were charged": ages
        }
        if (t + 1 < ix.tokens && ix.text.charAt(Math.min(te, ix.text.length() - 1)) == '%') {
          continue;
        }
        if (!summary && isPersonNoun(next) && harmedAfter(t + 2)) {
          continue; // "the brawl, in which 14 people were injured": victims, not accused
        }
        if (!summary && t > first && APPROXIMATE.contains(ix.token(t - 1))) {
          continue; // "at least 30 people have faced charges", "более 40 человек": a statistic, not a case's accused
        }
        if (!summary && t - first > 12 && (!Character.isLetter(w.charAt(0)) || !personAfter(t))) {
          // Deep inside a news sentence a bare number is rarely the count of accused, and a number
          // word counts them only before a person ("двух микрорайонов" are no persons).
          continue;
        }
        return v;
      }
      return null;
    }

    /** Whether one of the two tokens from t says persons were harmed ("were injured", "пострадали", "зардап шекті"). */
    boolean harmedAfter(int t) {
      for (int i = t; i < t + 2 && i < ix.tokens; i++) {
        String w = ix.token(i);
        for (String stem : HARMED_STEMS) {
          if (w.startsWith(stem)) {
            return true;
          }
        }
      }
      return false;
    }

    private static final List<String> HARMED_STEMS = List.of("injur", "hurt", "wounded", "killed", "died", "пострада",
        "ранен", "погиб", "травмир", "зардап", "жарақат", "қаза");

    // ------------------------------------------------------------ tallies

    Tallies tallies(List<Segment> segments) {
      Long[] month = new Long[7];
      Long[] year = new Long[7];
      List<EvidenceSpan> evidence = new ArrayList<>();
      // A table with a column for the month and one for the year to date first: its rows state both.
      tallyTable(segments, month, year, evidence);
      // The sentences that announce totals ("Totals for March:", "Итого", "с начала года") first,
      // so that a figure they state is never pre-empted by a number in the narrative.
      tallyPass(segments, true, month, year, evidence);
      tallyPass(segments, false, month, year, evidence);
      Figures m = figures(month);
      Figures y = figures(year);
      if (m == null && y == null) {
        return null;
      }
      String mo = digestMonth == null ? null : digestMonth.toString();
      return new Tallies(mo, m, y, List.copyOf(evidence));
    }

    /**
     * A plain-text table in a summary frame: a header line naming the month and the year to date
     * ("November 2024    January-November 2024"), then rows of a label and two figures separated
     * by runs of blanks ("Criminal cases      3      24"), up to a blank line.
     */
    void tallyTable(List<Segment> segments, Long[] month, Long[] year, List<EvidenceSpan> evidence) {
      String text = ix.text;
      boolean[] criminalByParts = new boolean[2];
      for (Segment seg : segments) {
        if (!seg.summary()) {
          continue;
        }
        boolean inTable = false;
        int pos = seg.start();
        while (pos < seg.end()) {
          int e = ix.nextLineBreak(pos);
          e = e < 0 || e > seg.end() ? seg.end() : e;
          String line = text.substring(pos, e);
          String[] cells = TABLE_CELLS.split(line.strip());
          if (!inTable) {
            inTable = cells.length >= 2 && namesMonthOutsideParens(pos, e) && hasTagIn(ix.sentenceOf(pos), TALLY_YTD, pos, e);
          } else if (line.isBlank()) {
            inTable = false;
          } else if (cells.length == 3) {
            Long m = tableNumber(cells[1]);
            Long y = tableNumber(cells[2]);
            int slot = tableSlot(pos, e);
            int row = ix.sentenceOf(pos);
            if (m != null && y != null && slot == 0 && (hasTagIn(row, TALLY_IN_COURT, pos, e)
                || hasTagIn(row, "stage:filed", pos, e))) {
              // "criminal charges, pre-trial investigation  2  3" / "criminal charges, in court  1  1":
              // the criminal figure given in parts by stage, its total not printed
              boolean inCourt = hasTagIn(row, TALLY_IN_COURT, pos, e);
              tablePretrial |= !inCourt;
              for (Object[] part : new Object[][] {{month, "month", m}, {year, "year_to_date", y}}) {
                Long[] fig = (Long[]) part[0];
                long v = (Long) part[2];
                if (inCourt && fig[1] == null) {
                  fig[1] = v;
                  evidence.add(span("tally:" + part[1] + ".criminal_in_court", "tally.table", pos, e));
                }
                if (fig == month ? criminalByParts[0] || month[0] == null : criminalByParts[1] || year[0] == null) {
                  fig[0] = (fig[0] == null ? 0 : fig[0]) + v;
                  criminalByParts[fig == month ? 0 : 1] = true;
                  evidence.add(span("tally:" + part[1] + ".criminal", "tally.table", pos, e));
                }
              }
              slot = -1;
            }
            if (m != null && y != null && slot >= 0) {
              for (Object[] part : new Object[][] {{month, "month", m}, {year, "year_to_date", y}}) {
                Long[] fig = (Long[]) part[0];
                if (fig[slot] == null) {
                  fig[slot] = (Long) part[2];
                  evidence.add(span("tally:" + part[1] + "." + SLOT_KEYS[slot], "tally.table", pos, e));
                }
              }
            }
          }
          pos = e + 1;
        }
      }
    }

    /** Table cells: separated by runs of blanks, dot leaders or tabs. */
    private static final java.util.regex.Pattern TABLE_CELLS = java.util.regex.Pattern.compile(
        "\\s{2,}|\\s*\\.{3,}\\s*|\\t+");

    private static final String[] SLOT_KEYS = {"criminal", "criminal_in_court", "civil", "civil_honor_dignity",
        "administrative", "damages_claimed_kzt", "damages_awarded_kzt"};

    /** The figure of a table row's label at [from, to): its kind, or the part of one, or a sum; -1 if none. */
    int tableSlot(int from, int to) {
      int s = ix.sentenceOf(from);
      if (hasTagIn(s, DAMAGES_AWARD, from, to)) {
        return 6;
      }
      if (hasTagIn(s, DAMAGES, from, to)) {
        return 5;
      }
      for (String k : PLAIN_KINDS) {
        if (hasTagIn(s, TALLYKIND_TAG.get(k), from, to)) {
          return k.equals("criminal") ? 0 : k.equals("civil") ? 2 : 4; // "Civil claims (pre-trial and in court)"
        }
      }
      if (hasTagIn(s, "legal:" + HONOR_DIGNITY, from, to)) {
        return 3;
      }
      if (hasTagIn(s, TALLY_IN_COURT, from, to)) {
        return 1;
      }
      if (hasTagIn(s, "stage:filed", from, to)) {
        tablePretrial = true; // "at pre-trial investigation  2  13": the criminal cases not in court
      }
      return -1;
    }

    /** A table cell that is only a figure ("52,000,000", "3"), or null. */
    private static Long tableNumber(String cell) {
      String digits = cell.replaceAll("[,\\s\u00a0]", "");
      if (digits.isEmpty() || digits.length() > 15 || !digits.chars().allMatch(Character::isDigit)) {
        return null;
      }
      return Long.parseLong(digits);
    }

    /** Reads the figures of the summary sentences that announce totals, or of the others, into the empty slots. */
    void tallyPass(List<Segment> segments, boolean totalsPass, Long[] month, Long[] year, List<EvidenceSpan> evidence) {
      for (Segment seg : segments) {
        if (!seg.summary()) {
          continue;
        }
        for (int s = ix.sentenceOf(seg.start()); s < ix.sentences() && ix.sentenceStart(s) < seg.end(); s++) {
          boolean totals = sentTags.get(s).contains(TALLY_SECTION) || sentTags.get(s).contains(TALLY_YTD);
          if (totals != totalsPass) {
            continue;
          }
          Long[] fig = ytd.get(s) ? year : month;
          String part = ytd.get(s) ? "year_to_date" : "month";
          Set<String> t = sentTags.get(s);
          int ss = ix.sentenceStart(s);
          int se = ix.sentenceEnd(s);
          // Damages.
          if (t.contains(DAMAGES) || t.contains(DAMAGES_AWARD)) {
            boolean lastAward = false;
            for (int[] clause : clauses(ss, se)) {
              boolean award = hasTagIn(s, DAMAGES_AWARD, clause[0], clause[1]);
              boolean claim = hasTagIn(s, DAMAGES, clause[0], clause[1]);
              boolean isAward = award || !claim && lastAward;
              lastAward = isAward;
              List<Grammar.Amount> amounts = Grammar.amounts(ix.lowerText(), clause[0], clause[1]);
              if (amounts.isEmpty() && award && fig[6] == null && statesNone(clause[0], clause[1])) {
                fig[6] = 0L; // "no damages were awarded": a stated zero
                evidence.add(span("tally:" + part + ".damages_awarded_kzt", "tally.amount", clause[0], clause[1]));
              }
              for (Grammar.Amount a : amounts) {
                // "claims totalling 12 million tenge and 300,000 tenge awarded": each sum goes with the nearer word
                boolean amountAward = award && claim ? nearestDamagesTag(s, clause[0], clause[1], a).equals(DAMAGES_AWARD)
                    : isAward;
                int slot = amountAward ? 6 : 5;
                if (fig[slot] == null) {
                  fig[slot] = a.kzt();
                  evidence.add(span("tally:" + part + "." + (slot == 6 ? "damages_awarded_kzt" : "damages_claimed_kzt"),
                      "tally.amount", a.start(), a.end()));
                }
              }
            }
          }
          if (t.contains(TALLY_EXCLUDE)) {
            continue;
          }
          for (int[] clause : clauses(ss, se)) {
            tallyClause(clause[0], clause[1], s, fig, part, evidence);
          }
        }
      }
    }

    /** One clause of a summary sentence: a kind with its figure and sub-figures in parentheses. */
    void tallyClause(int from, int to, int s, Long[] fig, String part, List<EvidenceSpan> evidence) {
      Set<String> kinds = new LinkedHashSet<>();
      int honorAt = -1;
      int inCourtAt = -1;
      for (Hit h : bySentence.get(s)) {
        if (h.start() < from || h.start() >= to) {
          continue;
        }
        for (String tag : ruleTags[h.rule()]) {
          if (tag.startsWith("tallykind:")) {
            kinds.add(value(tag));
          } else if (tag.equals("legal:KZ-CivC-143") && honorAt < 0) {
            honorAt = h.start();
          } else if (tag.equals(TALLY_IN_COURT) && inCourtAt < 0) {
            inCourtAt = h.start();
          }
        }
      }
      if (kinds.size() > 1) {
        return;
      }
      Integer count = countIn(from, to, true, true);
      if (count == null && kinds.isEmpty() && honorAt >= 0 && fig[2] != null && fig[3] == null
          && startsWithAllWord(from, to)) {
        // "2 civil claims, both over honour and dignity"
        fig[3] = fig[2];
        evidence.add(span("tally:" + part + ".civil_honor_dignity", "tally.clause", from, to));
        return;
      }
      if (count == null && kinds.size() == 1 && statesNone(from, to)) {
        count = 0; // "административных дел за месяц не зафиксировано": a stated zero
      }
      if (count == null) {
        return;
      }
      if (kinds.isEmpty()) {
        if (inCourtAt >= 0 && !insideParens(from, inCourtAt) && fig[0] != null && fig[1] == null) {
          // "3 criminal cases, 2 of them in court": the clause after the criminal figure
          fig[1] = (long) count;
          evidence.add(span("tally:" + part + ".criminal_in_court", "tally.clause", from, to));
          return;
        }
        if (honorAt >= 0 && !insideParens(from, honorAt) && fig[3] == null) {
          fig[3] = (long) count;
          evidence.add(span("tally:" + part + ".civil_honor_dignity", "tally.clause", from, to));
        }
        return;
      }
      String k = kinds.iterator().next();
      int slot = k.equals("criminal") ? 0 : k.equals("civil") ? 2 : 4;
      if (fig[slot] != null && fig[slot] != (long) count) {
        return;
      }
      if (fig[slot] == null) {
        fig[slot] = (long) count;
        evidence.add(span("tally:" + part + "." + k, "tally.clause", from, to));
      } // else the figure restated ("of the month's three criminal charges ...", then "criminal: 3 (2 in court)"): read its parts

      if (k.equals("criminal") && inCourtAt >= 0 && fig[1] == null) {
        Integer sub = parenNumber(from, inCourtAt, to);
        if (sub == null && insideParens(from, inCourtAt) && parenStatesNone(inCourtAt, to)) {
          sub = 0; // "criminal: 2 (none has reached court yet)"
        } else if (sub == null && insideParens(from, inCourtAt)) {
          sub = count; // "1 criminal charge (in court)"
        }
        if (sub != null) {
          fig[1] = (long) sub;
          evidence.add(span("tally:" + part + ".criminal_in_court", "tally.clause", from, to));
        }
      } else if (k.equals("civil") && honorAt >= 0 && fig[3] == null) {
        Integer sub = insideParens(from, honorAt) ? parenNumber(from, honorAt, to) : null;
        if (sub == null && insideParens(from, honorAt) && parenSaysAll(honorAt, to)) {
          sub = count; // "3 civil claims (all over honour and dignity)"
        }
        if (sub != null) {
          fig[3] = (long) sub;
          evidence.add(span("tally:" + part + ".civil_honor_dignity", "tally.clause", from, to));
        }
      }
    }

    /** Clauses of [from, to): split at ";" and at ", " outside parentheses (not inside "47,500,000"). */
    List<int[]> clauses(int from, int to) {
      List<int[]> out = new ArrayList<>();
      int depth = 0;
      int start = from;
      String text = ix.text;
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth = Math.max(0, depth - 1);
        } else if (depth == 0 && (c == ';' || c == ',' && i + 1 < to && isSpace(text.charAt(i + 1)))) {
          out.add(new int[] {start, i});
          start = i + 1;
        } else if (depth == 0 && c == ':' && i + 2 < to && isSpace(text.charAt(i + 1))
            && Character.isDigit(text.charAt(figureAfterOfThem(i + 2, to))) && firstNumberAfter(start, i) != null
            && !namesTallyKind(start, i)) {
          // "101 legal cases: 12 criminal charges": a total of no kind, then a figure of a kind
          // (but "criminal charges rose 1.2 times: 9 cases" is one figure)
          out.add(new int[] {start, i});
          start = i + 1;
        } else if (depth == 0 && isSpace(c) && i > start && conjunctionBeforeNumber(i + 1, to)) {
          // "13 civil lawsuits (11 over honour) and 5 administrative cases": two figures
          out.add(new int[] {start, i});
          start = i + 1;
        }
      }
      out.add(new int[] {start, to});
      return out;
    }

    /**
     * Where a clause's figure starts after "of them" ("...: of them 8 criminal", "...: из них 8 –
     * уголовные", "...: оның 8-і – қылмыстық"): past the words, else at i.
     */
    int figureAfterOfThem(int i, int to) {
      String lower = ix.lowerText();
      for (String w : OF_THEM) {
        if (lower.startsWith(w, i) && i + w.length() + 1 < to && isSpace(lower.charAt(i + w.length()))) {
          return i + w.length() + 1;
        }
      }
      return i;
    }

    private static final List<String> OF_THEM = List.of("of them", "of which", "including", "из них", "в том числе",
        "оның ішінде", "соның ішінде", "оның");

    /** Whether [from, to) holds a word of a charge kind for the tallies ("criminal", "исков"). */
    boolean namesTallyKind(int from, int to) {
      for (Hit h : bySentence.get(ix.sentenceOf(from))) {
        if (h.start() >= from && h.start() < to) {
          for (String tag : ruleTags[h.rule()]) {
            if (tag.startsWith("tallykind:")) {
              return true;
            }
          }
        }
      }
      return false;
    }

    boolean insideParens(int from, int pos) {
      int open = ix.text.lastIndexOf('(', pos);
      int close = ix.text.lastIndexOf(')', pos);
      return open >= from && open > close;
    }

    /** The first number inside the parentheses that enclose pos. */
    /** The clause opens with "all" or "both" ("оба о защите чести"). */
    boolean startsWithAllWord(int from, int to) {
      return opensWithAllWord(ix.lowerText().substring(from, to));
    }

    boolean opensWithAllWord(String text) {
      String t = text.strip();
      for (String w : ALL_WORDS) {
        if (t.startsWith(w + " ")) {
          return true;
        }
      }
      return false;
    }

    /** The clause says there were none ("не зафиксировано", "none", "тіркелмеді"). */
    boolean statesNone(int from, int to) {
      String clause = " " + ix.lowerText().substring(from, to).strip() + " ";
      for (String w : NONE_WORDS) {
        if (clause.contains(w)) {
          return true;
        }
      }
      return false;
    }

    /** The parentheses around {@code pos} say none ("none has reached court yet", "ни одно не в суде"). */
    boolean parenStatesNone(int pos, int to) {
      int open = ix.text.lastIndexOf('(', pos);
      int close = ix.text.indexOf(')', pos);
      return open >= 0 && close >= 0 && close <= to && statesNone(open + 1, close);
    }

    /** The parentheses around {@code pos} open with "all" ("все", "барлығы", "бәрі"). */
    boolean parenSaysAll(int pos, int to) {
      int open = ix.text.lastIndexOf('(', pos);
      int close = ix.text.indexOf(')', pos);
      if (open < 0 || close < 0 || close > to) {
        return false;
      }
      return opensWithAllWord(ix.lowerText().substring(open + 1, close));
    }

    /** "and 5", "и 2", "және 3" at {@code at}: a conjunction and then a figure. */
    boolean conjunctionBeforeNumber(int at, int to) {
      String lower = ix.lowerText();
      for (String w : CONJUNCTIONS) {
        int after = at + w.length();
        if (after + 1 < to && lower.startsWith(w, at) && isSpace(lower.charAt(after))
            && Character.isDigit(lower.charAt(after + 1))) {
          // not the rest of a sum: "80 millions and 500 thousands"
          int t = ix.tokenFrom(after + 1);
          return t + 1 >= ix.tokens || !isMeasure(ix.token(t + 1));
        }
      }
      return false;
    }

    Integer parenNumber(int from, int pos, int to) {
      int open = ix.text.lastIndexOf('(', pos);
      if (open < from) {
        return null;
      }
      int close = ix.text.indexOf(')', pos);
      int end = close < 0 || close > to ? to : close;
      // "(3 – на стадии досудебного расследования, 1 – в суде)": the figure of the part that names the stage
      int partStart = open;
      for (int i = pos - 1; i > open; i--) {
        char c = ix.text.charAt(i);
        if (c == ',' || c == ';') {
          partStart = i;
          break;
        }
      }
      int partEnd = end;
      for (int i = pos; i < end; i++) {
        char c = ix.text.charAt(i);
        if (c == ',' || c == ';') {
          partEnd = i;
          break;
        }
      }
      Integer inPart = firstNumberAfter(partStart, partEnd);
      return inPart != null ? inPart : firstNumberAfter(open, end);
    }

    /** Of the claim and award words of a clause, the tag of the one nearest to an amount. */
    String nearestDamagesTag(int s, int from, int to, Grammar.Amount a) {
      // "суды взыскали в качестве компенсации морального вреда 1 млн тенге": the award verb governs,
      // the claim words between it and the sum only say what the sum is for
      int awardBefore = -1;
      int claimBefore = -1;
      for (Hit h : bySentence.get(s)) {
        if (h.start() < from || h.end() > a.start()) {
          continue;
        }
        for (String tag : ruleTags[h.rule()]) {
          if (tag.equals(DAMAGES_AWARD)) {
            awardBefore = Math.max(awardBefore, h.start());
          } else if (tag.equals(DAMAGES)) {
            claimBefore = Math.max(claimBefore, h.start());
          }
        }
      }
      if (awardBefore >= 0 && claimBefore > awardBefore && a.start() - awardBefore < 80) {
        return DAMAGES_AWARD;
      }
      String best = DAMAGES;
      int bestDistance = Integer.MAX_VALUE;
      for (Hit h : bySentence.get(s)) {
        if (h.start() < from || h.start() >= to) {
          continue;
        }
        for (String tag : ruleTags[h.rule()]) {
          if (tag.equals(DAMAGES) || tag.equals(DAMAGES_AWARD)) {
            int d = h.end() <= a.start() ? a.start() - h.end() : Math.max(0, h.start() - a.end());
            if (d < bestDistance) {
              bestDistance = d;
              best = tag;
            }
          }
        }
      }
      return best;
    }

    boolean hasTagIn(int s, String tag, int from, int to) {
      for (Hit h : bySentence.get(s)) {
        if (h.start() >= from && h.start() < to) {
          for (String t : ruleTags[h.rule()]) {
            if (t.equals(tag)) {
              return true;
            }
          }
        }
      }
      return false;
    }

    Figures figures(Long[] f) {
      Figures x = new Figures(f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
      return x.isEmpty() ? null : x;
    }

    /** The number just before a hit of the tag in a sentence ("(10 in court)"). */
    Integer numberBefore(int s, String tag) {
      Hit h = firstHitWith(s, tag);
      if (h == null) {
        return null;
      }
      for (int t = h.tokFirst() - 1; t >= 0 && t >= h.tokFirst() - 3; t--) {
        Integer v = numberAt(t);
        if (v != null) {
          return v;
        }
      }
      return null;
    }

    Integer firstNumberAfter(int from, int to) {
      for (int t = ix.tokenFrom(from); t < ix.tokens && ix.tokStart[t] < to; t++) {
        Integer v = numberAt(t);
        if (v != null) {
          return v;
        }
      }
      return null;
    }

    /** Grammar.numberWord of token t; the word is built only when it may be a number. */
    Integer numberAt(int t) {
      return Grammar.mayBeNumber(ix.lower, ix.tokStart[t], ix.tokEnd[t]) ? Grammar.numberWord(ix.token(t)) : null;
    }

    /**
     * The first "number + person noun" of the incident ("two reporters", "троих администраторов",
     * "екі блогер"), between 2 and 30, in a sentence about the action (a kind, a stage or a
     * journalist named); null when there is none.
     */
    Integer personCount(int firstSent, int lastSent, BitSet skip) {
      for (int s = firstSent; s <= lastSent; s++) {
        Set<String> tags = sentTags.get(s);
        if (skip.get(s) || ytd.get(s) || tags.isEmpty() || tags.contains(CUE_WITNESS) || tags.contains(CUE_ATTACKER)
            || tags.contains(TALLY_YTD) || earlierYearStatistic(s)) {
          continue; // "two correspondents were questioned as witnesses" are not the accused, nor a year's figure
        }
        // a sentence that names a charge or its stage: "three journalists were detained" are not
        // three persons charged when one of them is fined
        boolean about = false;
        for (String tag : tags) {
          about |= tag.startsWith("stage:") || tag.startsWith("kind:") || tag.startsWith("weakkind:");
        }
        if (!about) {
          continue;
        }
        int first = ix.tokenFrom(ix.sentenceStart(s));
        for (int t = first; t + 1 < ix.tokens && ix.tokStart[t] < ix.sentenceEnd(s); t++) {
          Integer v = numberAt(t);
          if (v == null || v < 2 || v > 30 || isNumberLabel(t) || t > first && APPROXIMATE.contains(ix.token(t - 1))) {
            continue;
          }
          // "three Telegram channel admins": the person noun may stand a few words behind
          for (int n = t + 1; n <= t + 3 && n < ix.tokens && ix.tokStart[n] < ix.sentenceEnd(s); n++) {
            String w = ix.token(n);
            if (isPersonNoun(w)) {
              return v;
            }
            if (n == t + 3 || !Character.isUpperCase(ix.text.charAt(ix.tokStart[n])) && !w.equals("channel")) {
              break; // only a name ("Telegram", "Facebook") or "channel" stands between: not "24 жастағы"
            }
          }
        }
      }
      return null;
    }

    /**
     * In a digest's summary, "2 accusations in administrative cases" names no stage: the stage of
     * sentence s comes only from the noun "accusation", not from "pre-trial", "charged with"...
     */
    boolean stageOnlyFromAccusation(int s) {
      boolean accusation = false;
      for (Hit h : bySentence.get(s)) {
        boolean stage = false;
        boolean cue = false;
        for (String tag : ruleTags[h.rule()]) {
          stage |= tag.startsWith("stage:");
          cue |= tag.equals(CUE_ACCUSATION);
        }
        if (stage && !cue) {
          return false;
        }
        accusation |= cue;
      }
      return accusation;
    }

    /** Token t is a number that labels something: after №, #, "ч.", "part", "пункт", "No.". */
    boolean isNumberLabel(int t) {
      int ts = ix.tokStart[t];
      int p = ts - 1;
      while (p >= 0 && isSpace(ix.text.charAt(p))) {
        p--;
      }
      if (p >= 0 && (ix.text.charAt(p) == '№' || ix.text.charAt(p) == '#')) {
        return true;
      }
      if (isEnumerator(ix.tokStart[t], ix.tokEnd[t])) {
        return true; // "2. five civil lawsuits": the item's number in a list, not a figure
      }
      if (t == 0) {
        return false;
      }
      String before = ix.token(t - 1);
      return NUMBER_LABELS.contains(before);
    }

    /**
     * Whether the number at [ts, te) numbers a list item: it opens its line (after blanks or a
     * bullet) and is followed by "." or ")" and a blank ("1. two criminal cases", "2) ...").
     */
    boolean isEnumerator(int ts, int te) {
      String text = ix.text;
      if (te + 1 >= text.length() || text.charAt(te) != '.' && text.charAt(te) != ')' || !isSpace(text.charAt(te + 1))) {
        return false;
      }
      int p = ts - 1;
      while (p >= 0 && text.charAt(p) != '\n' && (isSpace(text.charAt(p)) || BULLETS.indexOf(text.charAt(p)) >= 0)) {
        p--;
      }
      return p < 0 || text.charAt(p) == '\n';
    }

    /** Whether the list item numbered up to {@code enumeratorEnd} opens with a figure: "1. two criminal cases". */
    boolean enumeratesFigure(int enumeratorEnd) {
      int t = ix.tokenFrom(enumeratorEnd + 1);
      return t < ix.tokens && numberAt(t) != null;
    }

    /**
     * The persons of a list of full names joined by commas and "and" in sentence s ("Aidos Temirov,
     * Zhuldyz Baimenova and Ruslan Kenzhin", "Сейтказы и Асет Матаевы" is not one): two or more, or
     * null when the sentence has no such list. A name is two capitalised words, none of them a word
     * of an institution ("Criminal Code", "Supreme Court").
     */
    Integer namedPersons(int s) {
      java.util.regex.Matcher m = NAME_LIST.matcher(ix.text).region(ix.sentenceStart(s), ix.sentenceEnd(s));
      while (m.find()) {
        String list = m.group();
        if (INSTITUTION_WORD.matcher(list).find() || afterPreposition(m.start())) {
          continue; // "the Committee on Legal Statistics and Special Records" names no persons
        }
        int names = 1;
        java.util.regex.Matcher sep = NAME_SEPARATOR.matcher(list);
        while (sep.find()) {
          names++;
        }
        if (names >= 2 && names <= 30) {
          return names;
        }
      }
      return null;
    }

    private static final String NAME = "\\p{Lu}[\\p{Ll}'’-]+\\s+\\p{Lu}[\\p{Ll}'’-]+";
    /** A person's age after the name: "Rustem Kaliyev, 29, Yerbol Dzhumashev, 34, and Aidos Serikbayev". */
    private static final String AGE = "(?:\\s*,\\s*\\d{1,2}(?=\\s*,))?";
    private static final java.util.regex.Pattern NAME_LIST = java.util.regex.Pattern.compile(
        NAME + AGE + "(?:\\s*,\\s*" + NAME + AGE + ")*,?\\s+(?:and|и|және)\\s+" + NAME);
    private static final java.util.regex.Pattern NAME_SEPARATOR = java.util.regex.Pattern.compile(
        "\\s*,\\s*(?=\\p{Lu})|\\s+(?:and|и|және)\\s+(?=\\p{Lu})");
    private static final java.util.regex.Pattern INSTITUTION_WORD = java.util.regex.Pattern.compile(
        "(?U)\\b(?:Code|Court|Ministry|Committee|Office|Department|Law|Republic|Kazakhstan|Council|Foundation|Party|"
            + "Кодекс\\p{L}*|Суд\\p{L}*|Министерств\\p{L}*|Комитет\\p{L}*|Закон\\p{L}*|Республик\\p{L}*|"
            + "Казахстан\\p{L}*|Фонд\\p{L}*|Қазақстан\\p{L}*|Кодекс\\p{L}*|Сот\\p{L}*|Министрлі\\p{L}*|"
            + "Statistics|Records|Service|Agency|Affairs|Security|Police|Prosecutor\\p{L}*|Parliament|Senate|"
            + "Mazhilis|Assembly|Union|Association|Company|Group|Media|News|Radio|Television|Channel|Times|Post|"
            + "Today|Press|Agenc\\p{L}*|Служб\\p{L}*|Агентств\\p{L}*|Департамент\\p{L}*|Управлени\\p{L}*|"
            + "Прокуратур\\p{L}*|Полици\\p{L}*|Сенат\\p{L}*|Мажилис\\p{L}*|Парламент\\p{L}*|Союз\\p{L}*|"
            + "Ассоциаци\\p{L}*|Компани\\p{L}*|Групп\\p{L}*|Медиа|Новост\\p{L}*|Газет\\p{L}*|Канал\\p{L}*)\\b");

    /** Words after which capitalised words continue a name of an institution or a title, not persons. */
    private static final Set<String> NAME_LIST_BLOCKERS = Set.of("of", "on", "the", "for", "по", "о", "об", "при",
        "туралы", "жөніндегі");

    boolean afterPreposition(int start) {
      int e = start - 1;
      while (e >= 0 && isSpace(ix.text.charAt(e))) {
        e--;
      }
      int b = e;
      while (b >= 0 && Character.isLetter(ix.text.charAt(b))) {
        b--;
      }
      return e > b && NAME_LIST_BLOCKERS.contains(ix.text.substring(b + 1, e + 1).toLowerCase(Locale.ROOT));
    }

    /** A number between commas right after a capitalised word: an age in apposition ("Omarova, 24,"). */
    boolean isAgeApposition(int ts, int te) {
      String text = ix.text;
      if (te >= text.length() || text.charAt(te) != ',' || ts < 3 || text.charAt(ts - 1) != ' '
          || text.charAt(ts - 2) != ',') {
        return false;
      }
      int w = ts - 3;
      while (w > 0 && Character.isLetter(text.charAt(w - 1))) {
        w--;
      }
      return Character.isUpperCase(text.charAt(w));
    }

    /** Whether a person noun follows the number at t, next or after one word ("two local residents"). */
    boolean personAfter(int t) {
      return t + 1 < ix.tokens && isPersonNoun(ix.token(t + 1))
          || t + 2 < ix.tokens && ix.tokStart[t + 2] < ix.sentenceEnd(ix.sentenceOf(ix.tokStart[t]))
          && Character.isLowerCase(ix.text.charAt(ix.tokStart[t + 1])) && isPersonNoun(ix.token(t + 2));
    }

    static boolean isPersonNoun(String w) {
      if (w == null) {
        return false;
      }
      if (w.equals("men") || w.equals("women")) {
        return true;
      }
      for (String p : PERSON_STEMS) {
        if (w.startsWith(p)) {
          return true;
        }
      }
      return false;
    }

    boolean isMeasure(String w) {
      return w.startsWith("year") || w.startsWith("лет") || w.startsWith("год") || w.startsWith("жыл")
          || w.startsWith("day") || w.startsWith("сут") || w.startsWith("дн") || w.startsWith("тәулік") || w.startsWith("күн")
          || w.startsWith("month") || w.startsWith("месяц") || w.startsWith("ай") || w.startsWith("time")
          || w.startsWith("раз") || w.startsWith("есе") || w.startsWith("percent") || w.startsWith("процент")
          || w.startsWith("жаст") || w.startsWith("hour") || w.startsWith("час") || w.startsWith("сағат")
          || w.equals("million") || w.equals("млн") || w.startsWith("тыс") || w.startsWith("thousand")
          || w.startsWith("миллион") || w.startsWith("миллиард") || w.startsWith("milliard")
          || w.startsWith("месячн") || w.startsWith("айлық")
          || w.equals("billion") || w.equals("млрд") || w.startsWith("week") || w.startsWith("недел")
          || w.startsWith("апта") || w.startsWith("minute") || w.startsWith("минут")
          // fines are set in monthly calculation indices: "50 МРП", "100 АЕК", "20 MCI"
          || w.equals("мрп") || w.equals("аек") || w.equals("mci") || w.equals("mrp")
          || w.equals("kzt") || w.equals("тг") || w.startsWith("dollar") || w.startsWith("доллар")
          || w.startsWith("tenge") || w.startsWith("тенге") || w.startsWith("теңге") || w.startsWith("point")
          || w.startsWith("place") || w.startsWith("th") || w.startsWith("st") || w.startsWith("nd") || w.startsWith("rd");
    }
  }

  /** Evidence for a report judged to be about another country. */
  private static EvidenceSpan noted(EvidenceSpan e, int kz, int foreign) {
    return new EvidenceSpan(e.tag(), "topic.foreign", e.start(), e.end(),
        e.snippet() + " [foreign=" + foreign + " kz=" + kz + "]");
  }
}
