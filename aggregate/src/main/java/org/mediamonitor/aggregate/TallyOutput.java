package org.mediamonitor.aggregate;

import org.apache.avro.specific.SpecificRecord;

/**
 * One record for one of the tally processor's output topics. It never leaves the sub-topology
 * (the branches that route it are in the same task), so it needs no serde.
 *
 * @param value null is a tombstone (a month that no longer holds anything)
 */
record TallyOutput(Target target, SpecificRecord value) {

  enum Target { MONTHLY_TALLIES, TALLY_CHANGES, SPIKE_ALERTS }
}
