package org.mediamonitor.enrich.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The versioned rule data of the classifier: violation types, legal code families with their
 * aliases, provisions with titles in three languages, offences whose provision depends on the date,
 * pattern rules and combination rules. Everything that is vocabulary lives here; the grammar of
 * numbers, dates, citations and negation scope lives in code.
 *
 * <p>Validated when parsed: an unknown code, an empty pattern or a duplicate id fails with a
 * {@link TaxonomyException} naming the entry.
 */
public final class Taxonomy {

  /** Resource path of the taxonomy bundled with the module. */
  public static final String BUNDLED_RESOURCE = "/taxonomy/taxonomy.json";

  static final Set<String> CHARGE_KINDS = Set.of("criminal", "civil", "administrative");
  static final Set<String> STAGES = Set.of("filed", "in_court", "verdict", "dismissed", "unknown");
  /** Tag types a rule may emit; the part after ':' is checked against the vocabulary. */
  static final Set<String> TAG_TYPES = Set.of("violation", "legal", "offence", "code", "kind", "weakkind",
      "tallykind", "stage", "cue", "neg", "modal", "country", "topic", "tally", "damages", "digest");

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static volatile Taxonomy bundled;

  private final String version;
  private final String content;
  private final List<String> violationTypes;
  private final Map<String, CodeFamily> codes;
  private final Map<String, Provision> provisions;
  private final Map<String, Offence> offences;
  private final List<Rule> rules;
  private final List<Combo> combos;

  /** A legal code or statute; {@code prefix} + "-" + article forms a legal-basis code. */
  public record CodeFamily(String id, String prefix, String kind, boolean articleCodes, boolean citeAlone,
      boolean foreign, List<Edition> editions, List<String> aliases) {

    /** The prefix in force at a date (null date = the latest edition). */
    String prefixAt(LocalDate date) {
      if (date != null) {
        for (Edition e : editions) {
          if (e.before() != null && date.isBefore(e.before())) {
            return e.prefix();
          }
        }
      }
      return prefix;
    }
  }

  /** An earlier edition of a code: its prefix applies to events before {@code before}. */
  public record Edition(LocalDate before, String prefix) {}

  /** One provision of the vocabulary: its side (charge or victim), the violation a victim-side one names, titles. */
  public record Provision(String code, String side, String kind, String violation, Map<String, String> titles) {}

  /** An offence named without a number; its provision depends on the date of the events. */
  public record Offence(String id, List<DatedCode> provisions) {

    String codeAt(LocalDate date) {
      for (DatedCode d : provisions) {
        if (d.before() == null || date != null && date.isBefore(d.before())) {
          return d.code();
        }
      }
      return provisions.get(provisions.size() - 1).code();
    }
  }

  /** A code valid for events before a date (null = open-ended). */
  public record DatedCode(LocalDate before, String code) {}

  /**
   * A pattern rule: any of its patterns emits all of its tags. A pattern is a sequence of words;
   * each word matches a text word that starts with it, unless it ends with {@code $} (whole word);
   * {@code ~} between words skips up to four words. {@code from}/{@code until} limit the rule to a
   * reference date.
   */
  public record Rule(String id, List<String> tags, List<String> patterns, LocalDate from, LocalDate until) {}

  /**
   * A combination: emits {@code tag} when every tag of {@code all} occurs in the same sentence
   * (scope "sentence") or the same incident (scope "incident", with the first of {@code all} in the
   * sentence), no tag of {@code none} occurs in that sentence, and the incident has none of
   * {@code unless}. A {@code current} combination ignores a sentence that dates itself more than a
   * year before the reference date (background, not news).
   */
  /**
   * A tag given when the tags of {@code all} meet in a sentence (scope "sentence") or the incident
   * holds them all (scope "incident"); {@code any}: at least one of these must be in the incident.
   */
  public record Combo(String id, String tag, List<String> all, List<String> any, List<String> none,
      List<String> unless, String scope, boolean current) {}

  private Taxonomy(String version, String content, List<String> violationTypes, Map<String, CodeFamily> codes,
      Map<String, Provision> provisions, Map<String, Offence> offences, List<Rule> rules, List<Combo> combos) {
    this.version = version;
    this.content = content;
    this.violationTypes = List.copyOf(violationTypes);
    this.codes = Collections.unmodifiableMap(codes);
    this.provisions = Collections.unmodifiableMap(provisions);
    this.offences = Collections.unmodifiableMap(offences);
    this.rules = List.copyOf(rules);
    this.combos = List.copyOf(combos);
  }

  /** The taxonomy bundled in the jar ({@value #BUNDLED_RESOURCE}), parsed once. */
  public static Taxonomy bundled() {
    Taxonomy t = bundled;
    if (t == null) {
      synchronized (Taxonomy.class) {
        t = bundled;
        if (t == null) {
          try (InputStream in = Taxonomy.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("bundled taxonomy missing: " + BUNDLED_RESOURCE);
            }
            t = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled taxonomy", e);
          }
          bundled = t;
        }
      }
    }
    return t;
  }

  /** The text of the bundled taxonomy file. */
  public static String bundledContent() {
    return bundled().content();
  }

  /**
   * Parses and validates a taxonomy file.
   *
   * @throws TaxonomyException naming the offending entry when the file is invalid
   */
  public static Taxonomy parse(String content) {
    Objects.requireNonNull(content, "content");
    JsonNode root;
    try {
      root = MAPPER.readTree(content);
    } catch (IOException e) {
      throw new TaxonomyException("taxonomy is not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new TaxonomyException("taxonomy must be a JSON object");
    }
    String version = text(root, "version", "taxonomy");
    if (version.isBlank()) {
      throw new TaxonomyException("taxonomy: empty \"version\"");
    }

    List<String> types = new ArrayList<>();
    for (JsonNode n : array(root, "violation_types")) {
      String code = n.isTextual() ? n.asText() : text(n, "code", "violation_types entry");
      if (code.isBlank()) {
        throw new TaxonomyException("violation_types: empty code");
      }
      if (types.contains(code)) {
        throw new TaxonomyException("violation_types: duplicate id '" + code + "'");
      }
      types.add(code);
    }

    Map<String, CodeFamily> codes = new LinkedHashMap<>();
    for (JsonNode n : array(root, "codes")) {
      String id = text(n, "id", "codes entry");
      String where = "code family '" + id + "'";
      if (codes.containsKey(id)) {
        throw new TaxonomyException("codes: duplicate id '" + id + "'");
      }
      boolean foreign = n.path("foreign").asBoolean(false);
      String prefix = foreign ? "" : text(n, "prefix", where);
      String kind = n.path("kind").asText(null);
      if (kind != null && !CHARGE_KINDS.contains(kind)) {
        throw new TaxonomyException(where + ": unknown kind '" + kind + "'");
      }
      List<Edition> editions = new ArrayList<>();
      for (JsonNode e : n.path("editions")) {
        editions.add(new Edition(date(e, "before", where), text(e, "prefix", where)));
      }
      List<String> aliases = strings(n, "aliases", where);
      if (aliases.isEmpty()) {
        throw new TaxonomyException(where + ": no aliases");
      }
      codes.put(id, new CodeFamily(id, prefix, kind, n.path("article_codes").asBoolean(true),
          n.path("cite_alone").asBoolean(false), foreign, editions, aliases));
    }

    Map<String, Provision> provisions = new LinkedHashMap<>();
    for (JsonNode n : array(root, "provisions")) {
      String code = text(n, "code", "provisions entry");
      String where = "provision '" + code + "'";
      if (provisions.containsKey(code)) {
        throw new TaxonomyException("provisions: duplicate id '" + code + "'");
      }
      if (familyOf(code, codes) == null) {
        throw new TaxonomyException(where + ": unknown code (no code family has its prefix)");
      }
      String side = n.path("side").asText("charge");
      if (!side.equals("charge") && !side.equals("victim")) {
        throw new TaxonomyException(where + ": unknown side '" + side + "'");
      }
      Map<String, String> titles = new LinkedHashMap<>();
      n.path("title").fields().forEachRemaining(f -> titles.put(f.getKey(), f.getValue().asText()));
      CodeFamily fam = familyOf(code, codes);
      String kind = n.path("kind").asText(fam.kind());
      String violation = n.path("violation").asText(null);
      if (violation != null && !types.contains(violation)) {
        throw new TaxonomyException(where + ": unknown violation type '" + violation + "'");
      }
      provisions.put(code, new Provision(code, side, kind, violation, Collections.unmodifiableMap(titles)));
    }

    Map<String, Offence> offences = new LinkedHashMap<>();
    for (JsonNode n : array(root, "offences")) {
      String id = text(n, "id", "offences entry");
      String where = "offence '" + id + "'";
      if (offences.containsKey(id)) {
        throw new TaxonomyException("offences: duplicate id '" + id + "'");
      }
      List<DatedCode> dated = new ArrayList<>();
      for (JsonNode p : n.path("provisions")) {
        String code = text(p, "code", where);
        if (!isKnownLegalCode(code, codes, provisions)) {
          throw new TaxonomyException(where + ": unknown code '" + code + "'");
        }
        dated.add(new DatedCode(p.has("before") ? date(p, "before", where) : null, code));
      }
      if (dated.isEmpty()) {
        throw new TaxonomyException(where + ": no provisions");
      }
      offences.put(id, new Offence(id, List.copyOf(dated)));
    }

    Set<String> ids = new HashSet<>();
    List<Rule> rules = new ArrayList<>();
    Set<String> emitted = new HashSet<>();
    for (JsonNode n : array(root, "rules")) {
      String id = text(n, "id", "rules entry");
      String where = "rule '" + id + "'";
      if (!ids.add(id)) {
        throw new TaxonomyException("rules: duplicate id '" + id + "'");
      }
      List<String> tags = strings(n, n.has("tags") ? "tags" : "tag", where);
      if (tags.isEmpty()) {
        throw new TaxonomyException(where + ": no tags");
      }
      for (String tag : tags) {
        checkTag(tag, where, types, codes, provisions, offences);
        emitted.add(tag);
      }
      List<String> patterns = strings(n, "patterns", where);
      if (patterns.isEmpty()) {
        throw new TaxonomyException(where + ": no patterns");
      }
      for (String p : patterns) {
        if (PatternMatcher.compilePattern(p).isEmpty()) {
          throw new TaxonomyException(where + ": empty pattern");
        }
      }
      rules.add(new Rule(id, tags, patterns, n.has("from") ? date(n, "from", where) : null,
          n.has("until") ? date(n, "until", where) : null));
    }
    // Code aliases are compiled as rules too, so that one matcher finds everything.
    for (CodeFamily f : codes.values()) {
      String id = "code." + f.id();
      if (!ids.add(id)) {
        throw new TaxonomyException("rules: duplicate id '" + id + "'");
      }
      for (String p : f.aliases()) {
        if (PatternMatcher.compilePattern(p).isEmpty()) {
          throw new TaxonomyException("code family '" + f.id() + "': empty alias");
        }
      }
      rules.add(new Rule(id, List.of("code:" + f.id()), f.aliases(), null, null));
      emitted.add("code:" + f.id());
    }

    List<Combo> combos = new ArrayList<>();
    for (JsonNode n : array(root, "combos")) {
      String id = text(n, "id", "combos entry");
      String where = "combo '" + id + "'";
      if (!ids.add(id)) {
        throw new TaxonomyException("combos: duplicate id '" + id + "'");
      }
      String tag = text(n, "tag", where);
      checkTag(tag, where, types, codes, provisions, offences);
      List<String> all = strings(n, "all", where);
      if (all.isEmpty()) {
        throw new TaxonomyException(where + ": empty \"all\"");
      }
      List<String> any = strings(n, "any", where);
      List<String> none = strings(n, "none", where);
      List<String> unless = strings(n, "unless", where);
      for (String t : any) {
        if (!emitted.contains(t)) {
          if (t.startsWith("cue:")) {
            throw new TaxonomyException(where + ": unknown tag '" + t + "' (no rule emits it)");
          }
          checkTag(t, where, types, codes, provisions, offences); // a code or a provision named by the text
        }
      }
      for (String t : all) {
        if (!emitted.contains(t)) {
          throw new TaxonomyException(where + ": unknown tag '" + t + "' (no rule emits it)");
        }
      }
      for (String t : none) {
        if (!emitted.contains(t)) {
          throw new TaxonomyException(where + ": unknown tag '" + t + "' (no rule emits it)");
        }
      }
      for (String t : unless) {
        checkTag(t, where, types, codes, provisions, offences);
      }
      String scope = n.path("scope").asText("sentence");
      if (!scope.equals("sentence") && !scope.equals("incident")) {
        throw new TaxonomyException(where + ": unknown scope '" + scope + "'");
      }
      combos.add(new Combo(id, tag, all, any, none, unless, scope, n.path("current").asBoolean(false)));
      emitted.add(tag);
    }
    return new Taxonomy(version, content, types, codes, provisions, offences, rules, combos);
  }

  private static void checkTag(String tag, String where, List<String> types, Map<String, CodeFamily> codes,
      Map<String, Provision> provisions, Map<String, Offence> offences) {
    int colon = tag.indexOf(':');
    String type = colon < 0 ? tag : tag.substring(0, colon);
    String value = colon < 0 ? "" : tag.substring(colon + 1);
    if (!TAG_TYPES.contains(type)) {
      throw new TaxonomyException(where + ": unknown tag type '" + type + "' in '" + tag + "'");
    }
    boolean ok = switch (type) {
      case "violation" -> types.contains(value);
      case "legal" -> isKnownLegalCode(value, codes, provisions);
      case "offence" -> offences.containsKey(value);
      case "code" -> codes.containsKey(value);
      case "kind", "weakkind", "tallykind" -> CHARGE_KINDS.contains(value);
      case "stage" -> STAGES.contains(value);
      case "neg", "modal", "topic", "digest" -> value.isEmpty() || !value.isBlank();
      default -> !value.isBlank();
    };
    if (!ok) {
      throw new TaxonomyException(where + ": unknown code '" + value + "' in tag '" + tag + "'");
    }
  }

  /** "KZ-CC-1997-164" of prefix "KZ-CC-1997": an article number (with an optional part, "73-3") after the prefix. */
  private static boolean isArticleOf(String code, String prefix) {
    return code.startsWith(prefix + "-") && code.substring(prefix.length() + 1).matches("\\d{1,4}(-\\d{1,2})?");
  }

  static boolean isKnownLegalCode(String code, Map<String, CodeFamily> codes, Map<String, Provision> provisions) {
    if (provisions.containsKey(code)) {
      return true;
    }
    for (CodeFamily f : codes.values()) {
      if (f.foreign()) {
        continue;
      }
      if (code.equals(f.prefix()) || f.articleCodes() && isArticleOf(code, f.prefix())) {
        return true;
      }
      for (Edition e : f.editions()) {
        if (code.equals(e.prefix()) || f.articleCodes() && isArticleOf(code, e.prefix())) {
          return true;
        }
      }
    }
    return false;
  }

  static CodeFamily familyOf(String code, Map<String, CodeFamily> codes) {
    CodeFamily best = null;
    for (CodeFamily f : codes.values()) {
      if (f.foreign()) {
        continue;
      }
      List<String> prefixes = new ArrayList<>();
      prefixes.add(f.prefix());
      f.editions().forEach(e -> prefixes.add(e.prefix()));
      for (String p : prefixes) {
        if ((code.equals(p) || code.startsWith(p + "-")) && (best == null || p.length() > best.prefix().length())) {
          best = f;
        }
      }
    }
    return best;
  }

  private static Iterable<JsonNode> array(JsonNode root, String field) {
    JsonNode n = root.path(field);
    if (n.isMissingNode() || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw new TaxonomyException("taxonomy: \"" + field + "\" must be an array");
    }
    return n;
  }

  private static String text(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new TaxonomyException(where + ": missing \"" + field + "\"");
    }
    return v.asText();
  }

  private static List<String> strings(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (v.isTextual()) {
      out.add(v.asText());
    } else if (v.isArray()) {
      for (JsonNode x : v) {
        if (!x.isTextual()) {
          throw new TaxonomyException(where + ": \"" + field + "\" must hold strings");
        }
        if (x.asText().isBlank()) {
          throw new TaxonomyException(where + ": empty pattern in \"" + field + "\"");
        }
        out.add(x.asText());
      }
    } else {
      throw new TaxonomyException(where + ": \"" + field + "\" must be a string or an array");
    }
    return List.copyOf(out);
  }

  private static LocalDate date(JsonNode n, String field, String where) {
    String s = text(n, field, where);
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new TaxonomyException(where + ": \"" + field + "\" is not an ISO date: " + s);
    }
  }

  public String version() {
    return version;
  }

  /** The file's text, as parsed. */
  public String content() {
    return content;
  }

  public List<String> violationTypes() {
    return violationTypes;
  }

  public Map<String, CodeFamily> codes() {
    return codes;
  }

  public Map<String, Provision> provisions() {
    return provisions;
  }

  public Map<String, Offence> offences() {
    return offences;
  }

  public List<Rule> rules() {
    return rules;
  }

  public List<Combo> combos() {
    return combos;
  }

  /** The family a legal-basis code belongs to, or null. */
  CodeFamily familyOf(String code) {
    return familyOf(code, codes);
  }

  /** "charge" or "victim" for a legal-basis code; undeclared articles count as charges. */
  String sideOf(String code) {
    Provision p = provisions.get(code);
    return p == null ? "charge" : p.side();
  }

  /** The charge kind a legal-basis code implies, or null (statutes). */
  String kindOf(String code) {
    Provision p = provisions.get(code);
    if (p != null && p.kind() != null) {
      return p.kind();
    }
    CodeFamily f = familyOf(code);
    return f == null ? null : f.kind();
  }

  /** Title of a provision in a language (en, ru, kk), falling back to English. */
  public String title(String code, String language) {
    Provision p = provisions.get(code);
    if (p == null) {
      return null;
    }
    String t = p.titles().get(language.toLowerCase(Locale.ROOT));
    return t != null ? t : p.titles().get("en");
  }
}
