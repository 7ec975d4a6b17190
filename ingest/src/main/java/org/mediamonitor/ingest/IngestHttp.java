package org.mediamonitor.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.config.types.Password;
import org.mediamonitor.common.http.Http;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/articles}: one JSON article or an array of them.
 *
 * <ul>
 *   <li>202 {@code {"id", "revision", "status": "published"|"unchanged"}} (an array for an array),
 *       only once the broker acknowledged every article;</li>
 *   <li>400 {@code {"error", "field", "index"?}} for bad input (sent to the dead-letters topic; in an
 *       array nothing is published when one article is bad);</li>
 *   <li>413 for a body over the limit; 401 without the configured bearer token;</li>
 *   <li>503 when the broker did not acknowledge in time (retrying is safe: published articles are
 *       recognised).</li>
 * </ul>
 */
public final class IngestHttp {

  private static final Logger LOG = LoggerFactory.getLogger(IngestHttp.class);

  public static final String PATH = "/api/v1/articles";
  private static final String BEARER = "Bearer ";

  private final ArticleIngestor ingestor;
  private final byte[] token;

  /** @param token required bearer token, or null for an open API */
  public IngestHttp(ArticleIngestor ingestor, Password token) {
    this.ingestor = Objects.requireNonNull(ingestor, "ingestor");
    this.token = token == null ? null : token.value().getBytes(StandardCharsets.UTF_8);
  }

  public void routes(Javalin app) {
    app.post(PATH, this::post);
  }

  private void post(Context ctx) {
    if (!authorised(ctx)) {
      ctx.header(Header.WWW_AUTHENTICATE, "Bearer");
      ctx.status(HttpStatus.UNAUTHORIZED).json(Http.error("missing or wrong bearer token", null));
      return;
    }
    byte[] bytes;
    try {
      bytes = ctx.bodyAsBytes();
    } catch (HttpResponseException e) {
      if (e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
        ctx.status(HttpStatus.CONTENT_TOO_LARGE).json(Http.error("request body too large", null));
        return;
      }
      throw e;
    }
    List<ArticleInput> articles;
    try {
      articles = ingestor.parser().parseOneOrMany(bytes);
    } catch (InvalidArticleException e) {
      reject(ctx, e, bytes);
      return;
    }
    List<CompletableFuture<PublishResult>> futures = new ArrayList<>(articles.size());
    for (ArticleInput article : articles) {
      futures.add(ingestor.publish(article, EntryPoint.HTTP));
    }
    List<Map<String, Object>> results = new ArrayList<>(futures.size());
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .get(JsonLines.waitMillis(ingestor), TimeUnit.MILLISECONDS);
      for (CompletableFuture<PublishResult> f : futures) {
        PublishResult r = f.join();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("revision", r.revision());
        json.put("status", r.status().label());
        results.add(json);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable(ctx, "interrupted while waiting for the broker");
      return;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RecordTooLargeException) {
        ctx.status(HttpStatus.CONTENT_TOO_LARGE).json(Http.error("article too large for the broker", "body"));
        return;
      }
      LOG.warn("broker did not acknowledge {} article(s): {}", articles.size(), String.valueOf(e.getCause()));
      unavailable(ctx, "the broker did not acknowledge within " + ingestor.ackTimeout().toMillis()
          + " ms; retrying is safe");
      return;
    } catch (TimeoutException e) {
      unavailable(ctx, "the broker did not acknowledge within " + ingestor.ackTimeout().toMillis()
          + " ms; retrying is safe");
      return;
    }
    ctx.status(HttpStatus.ACCEPTED);
    if (isArray(bytes)) {
      ctx.json(results);
    } else {
      ctx.json(results.get(0));
    }
  }

  private void reject(Context ctx, InvalidArticleException e, byte[] bytes) {
    try {
      // answer only once the dead letter is saved, so a client seeing 400 can find it there
      ingestor.reject(EntryPoint.HTTP, e, bytes, null).get(ingestor.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException ignored) {
      // the refusal stands without its dead letter; the ingestor logged it
    }
    Map<String, Object> body = new LinkedHashMap<>(Http.error(e.getMessage(), e.field()));
    if (e.index() != null) {
      body.put("index", e.index());
    }
    body.put("reason", e.rejection().code());
    ctx.status(e.rejection() == Rejection.TOO_LARGE ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST)
        .json(body);
  }

  private static void unavailable(Context ctx, String message) {
    ctx.header(Header.RETRY_AFTER, "5");
    ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Http.error(message, null));
  }

  private boolean authorised(Context ctx) {
    if (token == null) {
      return true;
    }
    String header = ctx.header(Header.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    byte[] given = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token);
  }

  private static boolean isArray(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xFF;
      if (b == '[') {
        return true;
      }
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0xEF && b != 0xBB && b != 0xBF) {
        return false;
      }
    }
    return false;
  }
}
