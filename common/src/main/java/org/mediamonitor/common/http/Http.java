package org.mediamonitor.common.http;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.mediamonitor.common.Json;

/**
 * One HTTP server per process. Services add their routes to it; the all-in-one launcher gives
 * all three services the same server.
 */
public final class Http {

  private Http() {}

  /** A server with {@code /metrics} and {@code /health}; {@code healthy} decides 200 or 503. */
  public static Javalin create(PrometheusMeterRegistry registry, Supplier<Map<String, Object>> health) {
    return create(registry, health, config -> {});
  }

  /** As {@link #create(PrometheusMeterRegistry, Supplier)}, with more settings, e.g. static files. */
  public static Javalin create(PrometheusMeterRegistry registry, Supplier<Map<String, Object>> health,
      Consumer<JavalinConfig> more) {
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(Json.mapper(), false));
      // above the ingest body limit (1 MiB by default), so that ingest, not Jetty, answers with a reason
      config.http.maxRequestSize = 16L * 1024 * 1024;
      more.accept(config);
    });
    app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
    app.get("/health", ctx -> {
      Map<String, Object> status = health.get();
      boolean up = "UP".equals(status.get("status"));
      ctx.status(up ? 200 : 503).json(status);
    });
    app.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).json(error(e.getMessage(), null)));
    return app;
  }

  /** The JSON error body every endpoint uses. */
  public static Map<String, Object> error(String message, String field) {
    return field == null ? Map.of("error", message) : Map.of("error", message, "field", field);
  }
}
