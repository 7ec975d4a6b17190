package org.mediamonitor.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one dead-letter counter every stage shares, served by Prometheus as
 * {@code media_monitor_dead_letters_total{stage,reason}}: the alert rule and the dashboard sum it
 * by stage, so a stage that counted under its own name only would be invisible there. Stages may
 * keep their own, more detailed counters as well.
 */
public final class DeadLetterMeter {

  public static final String NAME = "media.monitor.dead.letters";
  public static final String STAGE = "stage";
  public static final String REASON = "reason";

  private DeadLetterMeter() {}

  /** The counter of one stage and reason (a short, fixed code such as {@code deserialization}). */
  public static Counter counter(MeterRegistry registry, String stage, String reason) {
    return Counter.builder(NAME)
        .description("Records sent to the dead-letter topic, by stage and reason")
        .tag(STAGE, stage)
        .tag(REASON, reason)
        .register(registry);
  }

  /** Counts one dead letter. */
  public static void increment(MeterRegistry registry, String stage, String reason) {
    counter(registry, stage, reason).increment();
  }
}
