package org.mediamonitor.ingest.feed;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server on 127.0.0.1 serving feed documents and article pages set by the test, with
 * an ETag per document and 304 for a matching If-None-Match. Counts requests per path and outcome.
 */
final class FeedServer implements AutoCloseable {

  record Doc(String body, String contentType) {}

  private final HttpServer server;
  private final Map<String, Doc> docs = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> ok = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();
  private final Map<String, String> userAgents = new ConcurrentHashMap<>();
  private final Map<String, String> redirects = new ConcurrentHashMap<>();

  FeedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  void put(String path, String body, String contentType) {
    docs.put(path, new Doc(body, contentType));
  }

  /** Answers {@code from} with a 302 to {@code to}. */
  void redirect(String from, String to) {
    redirects.put(from, to);
  }

  /** Requests of any outcome, 404 included. */
  int requests(String path) {
    return requests.getOrDefault(path, new AtomicInteger()).get();
  }

  int ok(String path) {
    return ok.getOrDefault(path, new AtomicInteger()).get();
  }

  int notModified(String path) {
    return notModified.getOrDefault(path, new AtomicInteger()).get();
  }

  String userAgent(String path) {
    return userAgents.get(path);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      String agent = exchange.getRequestHeaders().getFirst("User-Agent");
      if (agent != null) {
        userAgents.put(path, agent);
      }
      String location = redirects.get(path);
      if (location != null) {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        return;
      }
      Doc doc = docs.get(path);
      if (doc == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String etag = "\"" + sha256(doc.body()).substring(0, 16) + "\"";
      if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        notModified.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        exchange.getResponseHeaders().add("ETag", etag);
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      byte[] bytes = doc.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", doc.contentType());
      exchange.getResponseHeaders().add("ETag", etag);
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
      ok.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
