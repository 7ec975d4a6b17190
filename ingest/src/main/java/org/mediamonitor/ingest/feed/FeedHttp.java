package org.mediamonitor.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The HTTP side of feed polling: conditional GETs of feeds and GETs of article pages, each with a
 * User-Agent, a connect timeout, an end-to-end deadline (a server trickling bytes cannot hold a
 * poller thread) and a size limit enforced while reading (a huge body is never buffered whole).
 */
public final class FeedHttp {

  /** What a conditional GET of a feed returned. */
  public sealed interface FeedResponse permits NotModified, Fetched {}

  /** 304: the feed has not changed since the validators sent. */
  public record NotModified() implements FeedResponse {}

  /** 200: the document, with the validators to send next time (either may be null). */
  public record Fetched(byte[] body, String contentType, String etag, String lastModified) implements FeedResponse {}

  /** A request that failed: unreachable, timed out or a status other than 200/304. */
  public static final class FetchException extends Exception {
    private final int status;

    FetchException(String message, int status, Throwable cause) {
      super(message, cause);
      this.status = status;
    }

    /** The HTTP status, or 0 when there was no response. */
    public int status() {
      return status;
    }

    /** True for answers that will not change by asking again soon (404, 410, 403...): not worth a retry. */
    public boolean permanent() {
      return status >= 400 && status < 500 && status != 408 && status != 429;
    }
  }

  /** The body went past the size limit. */
  static final class TooLargeException extends IOException {
    TooLargeException(String message) {
      super(message);
    }
  }

  private static final String FEED_ACCEPT =
      "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";
  private static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9";

  private static final int MAX_PAGE_REDIRECTS = 5;

  private final HttpClient client;
  private final HttpClient pageClient;
  private final boolean allowPrivateAddresses;
  private final Duration timeout;
  private final String userAgent;
  private final int maxFeedBytes;
  private final int maxPageBytes;

  /** Refuses article pages on private addresses. */
  public FeedHttp(Duration timeout, String userAgent, int maxFeedBytes, int maxPageBytes) {
    this(timeout, userAgent, maxFeedBytes, maxPageBytes, false);
  }

  public FeedHttp(Duration timeout, String userAgent, int maxFeedBytes, int maxPageBytes,
      boolean allowPrivateAddresses) {
    this.client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        // NORMAL never follows https -> http, so a redirect cannot downgrade a feed to plain text
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    // page links come from third parties: redirects are followed by hand, each hop checked
    this.pageClient = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.allowPrivateAddresses = allowPrivateAddresses;
    this.timeout = timeout;
    this.userAgent = userAgent;
    this.maxFeedBytes = maxFeedBytes;
    this.maxPageBytes = maxPageBytes;
  }

  /**
   * GET with If-None-Match / If-Modified-Since when the validators are known.
   *
   * @throws FeedRejectedException when the body is larger than the feed limit
   */
  public FeedResponse fetchFeed(URI url, String etag, String lastModified)
      throws FetchException, FeedRejectedException, InterruptedException {
    HttpRequest.Builder request = request(url, FEED_ACCEPT);
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    if (lastModified != null) {
      request.header("If-Modified-Since", lastModified);
    }
    HttpResponse<byte[]> response;
    try {
      response = send(request.build(), maxFeedBytes);
    } catch (TooLargeException e) {
      throw new FeedRejectedException(FeedRejectedException.TOO_LARGE, e.getMessage(), e);
    }
    if (response.statusCode() == 304) {
      return new NotModified();
    }
    if (response.statusCode() != 200) {
      throw new FetchException("feed " + url + " answered HTTP " + response.statusCode(), response.statusCode(), null);
    }
    return new Fetched(response.body(), response.headers().firstValue("Content-Type").orElse(null),
        response.headers().firstValue("ETag").orElse(null),
        response.headers().firstValue("Last-Modified").orElse(null));
  }

  /**
   * The main text of an article page.
   *
   * @return the text, or null when the page is not HTML, too large, or has no text (use the summary)
   * @throws FetchException when the page could not be fetched ({@link FetchException#permanent()} tells whether to retry)
   */
  public String fetchPageText(URI url) throws FetchException, InterruptedException {
    HttpResponse<byte[]> response;
    URI next = url;
    try {
      for (int hop = 0; ; hop++) {
        checkPublic(next);
        response = send(pageClient, request(next, PAGE_ACCEPT).build(), maxPageBytes);
        String location = response.headers().firstValue("Location").orElse(null);
        if (response.statusCode() / 100 != 3 || location == null) {
          break;
        }
        if (hop == MAX_PAGE_REDIRECTS) {
          throw new FetchException("page " + url + " redirects more than " + MAX_PAGE_REDIRECTS + " times", 310, null);
        }
        URI target = next.resolve(location);
        if ("https".equals(next.getScheme()) && !"https".equals(target.getScheme())) {
          throw new FetchException("page " + url + " redirects from https to " + target.getScheme(), 310, null);
        }
        next = target;
      }
    } catch (TooLargeException e) {
      return null;
    }
    if (response.statusCode() != 200) {
      throw new FetchException("page " + url + " answered HTTP " + response.statusCode(), response.statusCode(), null);
    }
    String contentType = response.headers().firstValue("Content-Type").orElse("text/html");
    String mime = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mime.equals("text/html") && !mime.equals("application/xhtml+xml")) {
      return null;
    }
    try {
      // charset from the header, else jsoup reads the BOM or <meta charset>, else UTF-8
      Document doc = Jsoup.parse(new ByteArrayInputStream(response.body()), charset(contentType),
          response.uri().toString());
      return HtmlText.mainText(doc);
    } catch (IOException e) {
      return null;
    }
  }

  private HttpRequest.Builder request(URI url, String accept) {
    return HttpRequest.newBuilder(url)
        .GET()
        .timeout(timeout)
        .header("User-Agent", userAgent)
        .header("Accept", accept);
  }

  /**
   * Refuses a link whose host resolves to a loopback, private, link-local, multicast or wildcard
   * address, unless allowed. (A host that resolves differently at connect time can still get
   * through; this stops the plain case of a feed pointing at internal services.)
   */
  void checkPublic(URI url) {
    if (allowPrivateAddresses) {
      return;
    }
    String host = url.getHost();
    if (host == null) {
      throw new IllegalArgumentException("link " + url + " has no host");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("host of " + url + " does not resolve");
    }
    for (InetAddress a : addresses) {
      boolean uniqueLocalV6 = a instanceof Inet6Address && (a.getAddress()[0] & 0xFE) == 0xFC;
      if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
          || a.isMulticastAddress() || uniqueLocalV6) {
        throw new IllegalArgumentException("link " + url + " points at a private address (" + a.getHostAddress()
            + "); set " + FeedConfig.PAGE_ALLOW_PRIVATE + "=true to allow it");
      }
    }
  }

  private HttpResponse<byte[]> send(HttpRequest request, int maxBytes)
      throws FetchException, TooLargeException, InterruptedException {
    return send(client, request, maxBytes);
  }

  private HttpResponse<byte[]> send(HttpClient with, HttpRequest request, int maxBytes)
      throws FetchException, TooLargeException, InterruptedException {
    CompletableFuture<HttpResponse<byte[]>> future = with.sendAsync(request, info -> new LimitedBody(maxBytes));
    try {
      // the request timeout covers only the wait for headers; this deadline covers the body too
      return future.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new FetchException(request.uri() + " did not answer within " + timeout.multipliedBy(2), 0, e);
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while (cause != null && !(cause instanceof TooLargeException) && cause.getCause() != null
          && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      if (cause instanceof TooLargeException tooLarge) {
        throw tooLarge;
      }
      Throwable reported = e.getCause() == null ? e : e.getCause();
      throw new FetchException(request.uri() + ": " + reported, 0, reported);
    }
  }

  private static String charset(String contentType) {
    for (String part : contentType.split(";")) {
      String p = part.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        String name = p.substring("charset=".length()).replace("\"", "").strip();
        try {
          return Charset.forName(name).name();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** Collects the body up to a limit and cancels the download beyond it. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int maxBytes;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final List<ByteBuffer> buffers = new ArrayList<>();
    private long size;
    private Flow.Subscription subscription;

    LimitedBody(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        size += b.remaining();
        buffers.add(b);
      }
      if (size > maxBytes) {
        buffers.clear();
        subscription.cancel();
        result.completeExceptionally(new TooLargeException("body is larger than the limit of " + maxBytes + " bytes"));
      }
    }

    @Override
    public void onError(Throwable t) {
      buffers.clear();
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      if (result.isDone()) {
        return;
      }
      byte[] all = new byte[(int) size];
      int at = 0;
      for (ByteBuffer b : buffers) {
        int n = b.remaining();
        b.get(all, at, n);
        at += n;
      }
      buffers.clear();
      result.complete(all);
    }
  }
}
