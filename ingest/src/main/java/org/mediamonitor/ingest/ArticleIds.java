package org.mediamonitor.ingest;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Article identity. The id is a hash of the canonical URL, so the same article reached through a
 * shared link with tracking parameters is one article; without a URL it is a hash of the
 * normalised body. The content hash is a hash of the normalised body alone, so the same story from
 * two outlets (or a re-post) shares it whatever its URL.
 */
public final class ArticleIds {

  /** Hex characters of the id: 128 bits are plenty to avoid collisions and keep keys short. */
  public static final int ID_HEX_LENGTH = 32;

  /** Query parameters that only say how a reader arrived, never which article it is. */
  private static final Set<String> TRACKING_PARAMS = Set.of(
      "fbclid", "gclid", "dclid", "gbraid", "wbraid", "yclid", "ysclid", "msclkid", "twclid", "ttclid",
      "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ref", "ref_src",
      "ref_url", "referrer", "spm", "share", "from_share", "oly_anon_id", "oly_enc_id", "vero_id",
      "rb_clickid", "s_cid", "wt_mc", "cmpid", "xtor", "amp");

  /** RFC 3986, appendix B: splits any URI reference without throwing. */
  private static final Pattern URI_PARTS =
      Pattern.compile("^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$", Pattern.DOTALL);
  private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9a-fA-F]{2}");

  private ArticleIds() {}

  /** The id of an article: from its URL when it has one, else from its body. */
  public static String id(String url, String body) {
    if (url != null && !url.isBlank()) {
      return sha256Hex(canonicalUrl(url)).substring(0, ID_HEX_LENGTH);
    }
    return sha256Hex(normaliseBody(body)).substring(0, ID_HEX_LENGTH);
  }

  /**
   * A 64-bit digest of an article id, for what keeps one entry per article ever published. An id
   * made by {@link #id} is 32 lower-case hex digits of SHA-256: its two 64-bit halves are read as
   * numbers and folded into one (the high half XOR a bijective mix of the low half), which is as
   * uniform as SHA-256 itself and, unlike the first 16 digits alone, still tells apart hand-made
   * ids that share a prefix. Any other string (a key that another producer wrote to the topic) is
   * hashed: the first 64 bits of its SHA-256. Distinct ids share a digest with probability 2^-64 a
   * pair, so among n ids at most n^2 / 2^65: 3e-8 for a million, 3e-4 for a hundred million.
   */
  public static long fingerprint(String id) {
    if (isLowerHex(id, ID_HEX_LENGTH)) {
      return Long.parseUnsignedLong(id, 0, 16, 16) ^ mix(Long.parseUnsignedLong(id, 16, 32, 16));
    }
    byte[] digest = sha256(id);
    long v = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      v = (v << 8) | (digest[i] & 0xFF);
    }
    return v;
  }

  /** Exactly {@code length} characters, each 0-9 or a-f (what {@link HexFormat#of()} writes). */
  private static boolean isLowerHex(String s, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /** MurmurHash3's 64-bit finaliser: a bijection, so distinct low halves stay distinct. */
  private static long mix(long v) {
    v ^= v >>> 33;
    v *= 0xff51afd7ed558ccdL;
    v ^= v >>> 33;
    v *= 0xc4ceb9fe1a85ec53L;
    return v ^ (v >>> 33);
  }

  /** Full SHA-256 (64 hex characters) of the normalised body. */
  public static String contentHash(String body) {
    return sha256Hex(normaliseBody(body));
  }

  /**
   * Unicode NFKC, every run of whitespace one space, trimmed, lower-cased. Whitespace: ASCII
   * {@code \s}, Unicode space, line and paragraph separators ({@code \p{Z}}), U+200B and U+FEFF;
   * {@code trim} then also drops control characters below U+0020 at both ends.
   *
   * <p>This runs on every 2–8 KB body twice (id and content hash), so it avoids the regex and, for
   * text already in NFKC (nearly all news text), the copy {@link Normalizer#normalize} makes; the
   * result is the same string as the regex form's (ArticleIdsTest compares the two).
   */
  public static String normaliseBody(String body) {
    if (body == null) {
      throw new IllegalArgumentException("body is required");
    }
    String nfkc = Normalizer.isNormalized(body, Normalizer.Form.NFKC)
        ? body : Normalizer.normalize(body, Normalizer.Form.NFKC);
    return collapseWhitespace(nfkc).trim().toLowerCase(Locale.ROOT);
  }

  /** Every run of {@link #isSpace} characters replaced by one U+0020; {@code s} itself when nothing changes. */
  static String collapseWhitespace(String s) {
    int n = s.length();
    boolean previousSpace = false;
    int i = 0;
    // most text has only single ASCII spaces between words: nothing to copy until the first other run
    for (; i < n; i++) {
      char c = s.charAt(i);
      boolean space = isSpace(c);
      if (space && (c != ' ' || previousSpace)) {
        break;
      }
      previousSpace = space;
    }
    if (i == n) {
      return s;
    }
    StringBuilder out = new StringBuilder(n).append(s, 0, i);
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        if (!previousSpace) {
          out.append(' ');
        }
        previousSpace = true;
      } else {
        out.append(c);
        previousSpace = false;
      }
    }
    return out.toString();
  }

  /**
   * {@code [\s\p{Z}]}, U+200B or U+FEFF, for one char: {@code \s} without UNICODE_CHARACTER_CLASS is
   * {@code [ \t\n\x0B\f\r]}; {@code \p{Z}} is the categories Zs, Zl and Zp (all in the BMP, so a
   * surrogate is never one), as {@link Character#getType} gives them, which is what the regex uses.
   */
  private static boolean isSpace(char c) {
    if (c < 0x80) {
      return c == ' ' || (c >= '\t' && c <= '\r');
    }
    if (c == '\u200B' || c == '\uFEFF') {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /**
   * The canonical form of an http(s) URL: lower-case scheme and host, no default port, no
   * user info, no fragment, no tracking parameters, the remaining parameters sorted, upper-case
   * percent escapes, and no trailing slash on a non-root path.
   *
   * @throws IllegalArgumentException when the URL is not an absolute http(s) URL with a host
   */
  public static String canonicalUrl(String url) {
    if (url == null) {
      throw new IllegalArgumentException("url is required");
    }
    Matcher m = URI_PARTS.matcher(url.strip());
    if (!m.matches() || m.group(1) == null || m.group(2) == null) {
      throw new IllegalArgumentException("not an absolute URL: " + url);
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("not an http(s) URL: " + url);
    }
    String authority = m.group(2);
    int at = authority.lastIndexOf('@');
    String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
    String host = hostPort;
    String port = null;
    int colon = hostPort.lastIndexOf(':');
    if (colon >= 0 && hostPort.indexOf(']', colon) < 0) {
      host = hostPort.substring(0, colon);
      port = hostPort.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("URL has no host: " + url);
    }
    host = asciiHost(host).toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (port != null && (port.isEmpty() || isDefaultPort(scheme, port))) {
      port = null;
    }
    if (port != null && (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')
        || Integer.parseInt(port) > 65535)) {
      throw new IllegalArgumentException("URL has an invalid port: " + url);
    }

    String path = upperCaseEscapes(m.group(3));
    if (path.isEmpty()) {
      path = "/";
    } else if (path.length() > 1) {
      while (path.length() > 1 && path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
    }

    StringBuilder out = new StringBuilder(url.length())
        .append(scheme).append("://").append(host);
    if (port != null) {
      out.append(':').append(Integer.parseInt(port));
    }
    out.append(path);
    String query = canonicalQuery(m.group(4));
    if (!query.isEmpty()) {
      out.append('?').append(query);
    }
    return out.toString();
  }

  private static String canonicalQuery(String query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    List<String[]> kept = new ArrayList<>();
    for (String param : query.split("[&;]")) {
      if (param.isEmpty()) {
        continue;
      }
      int eq = param.indexOf('=');
      String key = upperCaseEscapes(eq >= 0 ? param.substring(0, eq) : param);
      String value = eq >= 0 ? upperCaseEscapes(param.substring(eq + 1)) : null;
      if (isTracking(key)) {
        continue;
      }
      kept.add(new String[] {key, value});
    }
    kept.sort(Comparator.<String[], String>comparing(p -> p[0])
        .thenComparing(p -> p[1] == null ? "" : p[1]));
    StringBuilder out = new StringBuilder();
    for (String[] p : kept) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(p[0]);
      if (p[1] != null) {
        out.append('=').append(p[1]);
      }
    }
    return out.toString();
  }

  private static boolean isTracking(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.startsWith("utm_") || k.startsWith("utm%5f") || TRACKING_PARAMS.contains(k);
  }

  private static boolean isDefaultPort(String scheme, String port) {
    return (scheme.equals("http") && port.equals("80")) || (scheme.equals("https") && port.equals("443"));
  }

  /** Internationalised host names (such as Cyrillic {@code .қаз} or {@code .рф}) in punycode. */
  private static String asciiHost(String host) {
    if (host.chars().allMatch(c -> c < 128)) {
      return host;
    }
    try {
      return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("URL has an invalid host: " + host, e);
    }
  }

  private static String upperCaseEscapes(String s) {
    return PERCENT_ESCAPE.matcher(s).replaceAll(r -> r.group().toUpperCase(Locale.ROOT));
  }

  static String sha256Hex(String s) {
    return HexFormat.of().formatHex(sha256(s));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
