package org.mediamonitor.aggregate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.mediamonitor.common.http.Http;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tallies' HTTP API. The national stores live in one task, so exactly one instance holds
 * them; any instance answers by reading them locally or by forwarding the request, once, to the
 * owner named by the Kafka Streams metadata ({@code application.server}). While no instance can
 * serve them (rebalancing, restoring), the answer is 503.
 *
 * <pre>
 * GET /api/v1/months?from=YYYY-MM&amp;to=YYYY-MM   months that hold anything
 * GET /api/v1/months/{YYYY-MM}                 one month (404 when nothing is known)
 * GET /api/v1/months/{YYYY-MM}/incidents       the incidents behind the month's count
 * GET /api/v1/alerts?since=ISO-TIME            spike alerts raised since
 * </pre>
 */
public final class AggregateHttp {

  public static final String MONTHS_PATH = "/api/v1/months";
  public static final String MONTH_PATH = "/api/v1/months/{month}";
  public static final String INCIDENTS_PATH = "/api/v1/months/{month}/incidents";
  public static final String ALERTS_PATH = "/api/v1/alerts";
  /** Marks a forwarded request, so that it is never forwarded again (no loops while ownership moves). */
  public static final String FORWARDED_HEADER = "X-Media-Monitor-Forwarded-By";

  private static final Logger LOG = LoggerFactory.getLogger(AggregateHttp.class);

  private final KafkaStreams streams;
  private final HostInfo self;
  private final Duration timeout;
  private final HttpClient client;

  public AggregateHttp(KafkaStreams streams, AggregateConfig config) {
    this.streams = streams;
    this.self = config.advertised();
    this.timeout = Duration.ofMillis(config.queryTimeoutMs());
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  public void routes(Javalin app) {
    app.get(MONTHS_PATH, guarded(ctx -> {
      YearMonth from = optionalMonth(ctx.queryParam("from"), "from");
      YearMonth to = optionalMonth(ctx.queryParam("to"), "to");
      if (from != null && to != null && from.isAfter(to)) {
        throw new TallyQueries.BadParameter("from", "from must not be after to");
      }
      answer(ctx, q -> {
        ctx.json(q.months(from, to));
      });
    }));
    app.get(MONTH_PATH, guarded(ctx -> {
      YearMonth month = TallyQueries.parseMonth(ctx.pathParam("month"), "month");
      answer(ctx, q -> {
        q.month(month).ifPresentOrElse(ctx::json,
            () -> ctx.status(404).json(Http.error("nothing is known about " + month, "month")));
      });
    }));
    app.get(INCIDENTS_PATH, guarded(ctx -> {
      YearMonth month = TallyQueries.parseMonth(ctx.pathParam("month"), "month");
      answer(ctx, q -> {
        q.incidents(month).ifPresentOrElse(ctx::json,
            () -> ctx.status(404).json(Http.error("nothing is known about " + month, "month")));
      });
    }));
    app.get(ALERTS_PATH, guarded(ctx -> {
      Instant since = optionalInstant(ctx.queryParam("since"));
      answer(ctx, q -> {
        ctx.json(q.alerts(since));
      });
    }));
  }

  /** A bad parameter is the caller's mistake: 400 with the JSON error body, whatever server the routes are on. */
  private static Handler guarded(Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (TallyQueries.BadParameter e) {
        ctx.status(400).json(Http.error(e.getMessage(), e.field()));
      }
    };
  }

  private static YearMonth optionalMonth(String text, String param) {
    return text == null || text.isBlank() ? null : TallyQueries.parseMonth(text, param);
  }

  static Instant optionalInstant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e2) {
        throw new TallyQueries.BadParameter("since", "since must be an ISO-8601 time such as 2025-04-01T00:00:00Z, got '" + text + "'");
      }
    }
  }

  /** Runs the query here when this instance owns the national stores, else forwards it to the owner. */
  private void answer(Context ctx, Consumer<TallyQueries> query) {
    final KeyQueryMetadata owner;
    try {
      owner = streams.queryMetadataForKey(AggregateTopology.MONTHS_STORE, AggregateTopology.JURISDICTION,
          Serdes.String().serializer());
    } catch (RuntimeException e) {
      unavailable(ctx, "the tallies are not available yet: " + streams.state());
      return;
    }
    if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner) || owner.activeHost() == null
        || owner.activeHost().port() < 0) {
      unavailable(ctx, "the tallies are being rebalanced; try again shortly");
      return;
    }
    if (owner.activeHost().equals(self)) {
      final TallyQueries queries;
      try {
        queries = new TallyQueries(local(AggregateTopology.MONTHS_STORE), local(AggregateTopology.MONTH_STORIES_STORE),
            local(AggregateTopology.ALERTS_STORE));
        query.accept(queries);
      } catch (InvalidStateStoreException e) {
        unavailable(ctx, "the tallies are being restored; try again shortly");
      }
      return;
    }
    if (ctx.header(FORWARDED_HEADER) != null) {
      unavailable(ctx, "the tallies moved while the request was forwarded; try again shortly");
      return;
    }
    forward(ctx, owner.activeHost());
  }

  private <V> ReadOnlyKeyValueStore<String, V> local(String store) {
    return streams.store(StoreQueryParameters.<ReadOnlyKeyValueStore<String, V>>fromNameAndType(store,
        QueryableStoreTypes.keyValueStore()));
  }

  private void forward(Context ctx, HostInfo owner) {
    String query = ctx.queryString();
    URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + ctx.path() + (query == null ? "" : "?" + query));
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header(FORWARDED_HEADER, self.host() + ":" + self.port())
        .header("Accept", "application/json")
        .GET()
        .build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      ctx.status(response.statusCode())
          .contentType(response.headers().firstValue("Content-Type").orElse("application/json"))
          .result(response.body());
    } catch (IOException e) {
      LOG.warn("cannot forward {} to {}: {}", uri, owner, e.toString());
      unavailable(ctx, "the instance holding the tallies cannot be reached; try again shortly");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable(ctx, "interrupted");
    }
  }

  private static void unavailable(Context ctx, String message) {
    ctx.status(503).header("Retry-After", "1").json(Http.error(message, null));
  }
}
