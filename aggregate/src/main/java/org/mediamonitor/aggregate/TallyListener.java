package org.mediamonitor.aggregate;

import java.time.Instant;
import java.util.Map;

import org.mediamonitor.schema.ChargeCounts;
import org.mediamonitor.schema.SpikeAlert;
import org.mediamonitor.schema.TallyFigures;

/**
 * What the tally processor tells the outside world (metrics) as it works. Calls come from the
 * stream thread that owns the national tally task; implementations must be thread-safe readers.
 * Under exactly-once a retried batch may call again: counters are approximate, gauges are not.
 */
public interface TallyListener {

  TallyListener NONE = new TallyListener() {};

  /**
   * The task was (re)assigned here: the current content of the stores. {@code reportedByMonth}
   * holds the month figures of the digest that represents each month, for months that have one.
   */
  default void loaded(Map<String, ChargeCounts> computedByMonth, Map<String, TallyFigures> reportedByMonth,
      Iterable<SpikeAlert> alerts) {}

  /** A month's computed counts changed; {@code computed} is null when the month became empty. */
  default void monthChanged(String month, ChargeCounts computed) {}

  /** The reported month figures of a month changed; {@code reported} is null when no digest reports them any more. */
  default void reportedChanged(String month, TallyFigures reported) {}

  /**
   * A story's new contribution was applied to the national tallies. {@code ingestedAt} is when
   * ingest took the article (its record timestamp), so now minus it is the end-to-end latency.
   */
  default void contributionApplied(Instant ingestedAt) {}

  default void alertRaised(SpikeAlert alert) {}

  /** A report landed in a month earlier than the latest month already known. */
  default void lateReport() {}

  /** A story's earlier contribution was replaced or removed. */
  default void correction() {}

  /** The task left this instance: its figures are no longer ours to report. */
  default void unloaded() {}
}
