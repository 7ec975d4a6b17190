package org.mediamonitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Publishes one article file: {@code .jsonl} one article per line, {@code .json} one article (or
 * an array), {@code .txt}/{@code .md} text with an optional URL and title line, {@code .html}
 * with tags stripped. Returns once every record is acknowledged, refused or failed.
 */
public final class ArticleFiles {

  public static final Set<String> EXTENSIONS = Set.of("txt", "md", "html", "htm", "json", "jsonl");

  private ArticleFiles() {}

  /** The lower-case extension of a file name, or "" without one. */
  public static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  public static boolean supported(Path file) {
    return EXTENSIONS.contains(extension(file));
  }

  public static PublishCounts publish(Path file, ArticleIngestor ingestor, EntryPoint entryPoint) throws IOException {
    String name = file.getFileName().toString();
    String ext = extension(file);
    if (ext.equals("jsonl")) {
      return JsonLines.publish(file, ingestor, entryPoint);
    }
    PublishCounts.Tally tally = new PublishCounts.Tally(JsonLines.waitMillis(ingestor));
    ArticleParser parser = ingestor.parser();
    byte[] bytes = readLimited(file, parser.maxRecordBytes());
    try {
      if (bytes.length > parser.maxRecordBytes()) {
        throw new InvalidArticleException(Rejection.TOO_LARGE, null,
            "file is larger than " + parser.maxRecordBytes() + " bytes");
      }
      List<ArticleInput> articles = switch (ext) {
        case "json" -> parser.parseOneOrMany(bytes);
        case "txt", "md" -> {
          TextArticles.Fields f = TextArticles.fromText(ArticleParser.decodeUtf8(bytes, ArticleParser.BODY), ext.equals("md"));
          yield List.of(parser.validate(f.url(), null, f.title(), f.body(), null, null));
        }
        case "html", "htm" -> {
          TextArticles.Fields f = TextArticles.fromHtml(ArticleParser.decodeUtf8(bytes, ArticleParser.BODY));
          yield List.of(parser.validate(f.url(), null, f.title(), f.body(), null, null));
        }
        default -> throw new InvalidArticleException(Rejection.UNSUPPORTED_FILE, null,
            "unsupported file type '." + ext + "' (supported: " + String.join(", ", EXTENSIONS) + ")");
      };
      for (int i = 0; i < articles.size(); i++) {
        tally.pending(articles.size() == 1 ? "file" : "article [" + i + "]",
            ingestor.publish(articles.get(i), entryPoint), JsonLines.WINDOW);
      }
    } catch (InvalidArticleException e) {
      tally.rejected("file", e, ingestor.reject(entryPoint, e, bytes, name));
    }
    return tally.counts();
  }

  /** Reads at most {@code limit + 1} bytes, so an oversized file is detected without loading it all. */
  private static byte[] readLimited(Path file, long limit) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    }
  }
}
