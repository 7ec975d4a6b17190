package org.mediamonitor.aggregate;

import java.util.Map;

import org.mediamonitor.schema.ChargeCounts;
import org.mediamonitor.schema.SpikeAlert;

/**
 * What the tally processor tells the outside world (metrics) as it works. Calls come from the
 * stream thread that owns the national tally task; implementations must be thread-safe readers.
 * Under exactly-once a retried batch may call again: counters are approximate, gauges are not.
 */
public interface TallyListener {

  TallyListener NONE = new TallyListener() {};

  /** The task was (re)assigned here: the current content of the stores. */
  default void loaded(Map<String, ChargeCounts> computedByMonth, Iterable<SpikeAlert> alerts) {}

  /** A month's computed counts changed; {@code computed} is null when the month became empty. */
  default void monthChanged(String month, ChargeCounts computed) {}

  default void alertRaised(SpikeAlert alert) {}

  /** A report landed in a month earlier than the latest month already known. */
  default void lateReport() {}

  /** A story's earlier contribution was replaced or removed. */
  default void correction() {}

  /** The task left this instance: its figures are no longer ours to report. */
  default void unloaded() {}
}
