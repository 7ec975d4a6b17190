package org.mediamonitor.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Publishes JSON Lines: one article object per line, blank lines skipped. Good lines are published,
 * bad ones dead-lettered and listed; the call returns once every record was acknowledged (or
 * failed). Used by the watched folder and by {@code media-monitor publish FILE...|-}.
 */
public final class JsonLines {

  /** Records in flight before the reader waits for acknowledgements, to bound memory. */
  static final int WINDOW = 500;

  private JsonLines() {}

  /** Publishes a {@code .jsonl} file given on the command line. */
  public static PublishCounts publish(Path file, ArticleIngestor ingestor) throws IOException {
    return publish(file, ingestor, EntryPoint.JSONL);
  }

  public static PublishCounts publish(Path file, ArticleIngestor ingestor, EntryPoint entryPoint) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return publish(in, file.getFileName().toString(), ingestor, entryPoint);
    }
  }

  /**
   * Publishes JSON Lines from a stream (standard input for {@code -}).
   *
   * @param name how problems and dead letters refer to the input ({@code name:line})
   */
  public static PublishCounts publish(InputStream in, String name, ArticleIngestor ingestor, EntryPoint entryPoint)
      throws IOException {
    ArticleParser parser = ingestor.parser();
    PublishCounts.Tally tally = new PublishCounts.Tally(waitMillis(ingestor));
    LineReader lines = new LineReader(in, parser.maxRecordBytes());
    byte[] line;
    while ((line = lines.next()) != null) {
      long number = lines.lineNumber();
      String where = name + ":" + number;
      if (isBlank(line)) {
        continue;
      }
      if (lines.truncated()) {
        InvalidArticleException e = new InvalidArticleException(Rejection.TOO_LARGE, null,
            "line is longer than " + parser.maxRecordBytes() + " bytes");
        tally.rejected("line " + number, e, ingestor.reject(entryPoint, e, line, where));
        continue;
      }
      try {
        ArticleInput article = parser.parse(line);
        tally.pending("line " + number, ingestor.publish(article, entryPoint), WINDOW);
      } catch (InvalidArticleException e) {
        tally.rejected("line " + number, e, ingestor.reject(entryPoint, e, line, where));
      }
    }
    return tally.counts();
  }

  static long waitMillis(ArticleIngestor ingestor) {
    // a publish may wait behind an earlier one of the same id, then for its own acknowledgement
    return ingestor.ackTimeout().toMillis() * 3;
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\f') {
        return false;
      }
    }
    return true;
  }

  /** Splits a byte stream at {@code \n} (dropping a trailing {@code \r}) without decoding it. */
  static final class LineReader {
    private final InputStream in;
    private final long maxLine;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long lineNumber;
    private boolean truncated;
    private boolean eof;

    LineReader(InputStream in, long maxLine) {
      this.in = in;
      this.maxLine = maxLine;
    }

    /** The next line, or null at the end. A line over the limit is cut and {@link #truncated()} set. */
    byte[] next() throws IOException {
      if (eof && pos >= limit) {
        return null;
      }
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      long length = 0;
      truncated = false;
      boolean any = false;
      while (true) {
        if (pos >= limit) {
          limit = in.read(buffer);
          pos = 0;
          if (limit <= 0) {
            limit = 0;
            eof = true;
            if (!any) {
              return null;
            }
            break;
          }
        }
        any = true;
        int start = pos;
        while (pos < limit && buffer[pos] != '\n') {
          pos++;
        }
        int n = pos - start;
        if (!truncated && length + n <= maxLine) {
          line.write(buffer, start, n);
        } else {
          // over the limit: skip to the end of the line, keeping only a head for the dead letter
          truncated = true;
          int keep = (int) Math.max(0, Math.min(n, DeadLetterSink.MAX_ORIGINAL_BYTES - line.size()));
          line.write(buffer, start, keep);
        }
        length += n;
        if (pos < limit) {
          pos++;
          break;
        }
      }
      lineNumber++;
      byte[] bytes = line.toByteArray();
      if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
        bytes = Arrays.copyOf(bytes, bytes.length - 1);
      }
      return bytes;
    }

    long lineNumber() {
      return lineNumber;
    }

    boolean truncated() {
      return truncated;
    }
  }
}
