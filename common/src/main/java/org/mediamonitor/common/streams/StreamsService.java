package org.mediamonitor.common.streams;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Kafka Streams application: logs its topology once, binds its metrics, reports its
 * state for health checks, and closes it within a bounded time.
 */
public final class StreamsService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);
  public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final String name;
  private final KafkaStreams streams;
  private final KafkaStreamsMetrics metrics;
  private final CountDownLatch failed = new CountDownLatch(1);

  public StreamsService(String name, Topology topology, Properties props, MeterRegistry registry) {
    this.name = name;
    LOG.info("{} topology:\n{}", name, topology.describe());
    this.streams = new KafkaStreams(topology, props);
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("{}: a stream thread died; shutting the client down", name, e);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    streams.setStateListener((now, before) -> {
      LOG.info("{}: {} -> {}", name, before, now);
      if (now == KafkaStreams.State.ERROR) {
        failed.countDown();
      }
    });
    this.metrics = new KafkaStreamsMetrics(streams);
    metrics.bindTo(registry);
    // Kafka's own "state" metric is a string, which Micrometer cannot export; alert rules need a number
    Gauge.builder("media.monitor.streams.running", streams, s -> s.state() == KafkaStreams.State.RUNNING ? 1 : 0)
        .description("1 while the Kafka Streams client is RUNNING")
        .tag("app", name)
        .register(registry);
  }

  public void start() {
    streams.start();
  }

  public KafkaStreams streams() {
    return streams;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  public boolean running() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  /** Health entry: UP only while RUNNING (REBALANCING counts as up but is reported). */
  public Map<String, Object> health() {
    Map<String, Object> h = new LinkedHashMap<>();
    KafkaStreams.State s = streams.state();
    h.put("state", s.name());
    h.put("up", s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING);
    return h;
  }

  /** Blocks until the client enters ERROR; used by single-service mains to exit non-zero. */
  public void awaitFailure() throws InterruptedException {
    failed.await();
  }

  public String name() {
    return name;
  }

  @Override
  public void close() {
    LOG.info("{}: closing (timeout {})", name, CLOSE_TIMEOUT);
    metrics.close();
    // leaving the group lets a restarted instance (or another one) take the partitions at once
    // instead of waiting for the session timeout
    boolean closed = streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
        .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    if (closed) {
      LOG.info("{}: closed ({})", name, streams.state());
    } else {
      LOG.warn("{}: not closed within {} (state {})", name, CLOSE_TIMEOUT, streams.state());
    }
  }
}
