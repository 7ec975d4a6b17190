package org.mediamonitor.app.bench;

import java.util.Arrays;

import com.carrotsearch.hppc.LongIntHashMap;
import org.mediamonitor.ingest.ArticleIds;

/**
 * The paced phase's bookkeeping, in memory fixed at the start: when each article was
 * acknowledged and when its first tally change became visible, and from those the latencies.
 *
 * <p>The bench runs in the JVM whose heap it measures, so it must not grow with the articles it
 * paces: a soak of 10 minutes at 200/s is 120,000 articles, and maps of id strings to times cost
 * ~420 bytes an article (most of the heap growth the first soak reported). Here an article lives
 * in a ring of {@code capacity} slots of primitives (its 64-bit {@link ArticleIds#fingerprint},
 * acknowledgement and first-change times, whether it reports a charge), and only articles not yet
 * seen in the tallies are in a primitive index from fingerprint to slot, removed at their first
 * change. An article still unseen when its slot is reused ({@code capacity} articles later) is
 * given up: it is counted in {@link #expiredCharged()} when it reports a charge, so the command
 * can warn that the latencies miss it. What still grows is one long a latency (8 bytes for each
 * article that changed a tally), kept so that the percentiles stay exact.
 *
 * <p>Thread-safe: the pacing thread, the producer's acknowledgement callbacks and the tally
 * reader call it concurrently, each call briefly under this object's lock.
 */
final class BenchLatencies {

  private static final long NONE = Long.MIN_VALUE;

  private final int capacity;
  private final long[] sequence;
  private final long[] fingerprint;
  private final long[] ackedAt;
  private final long[] seenAt;
  private final boolean[] charged;
  /** Fingerprint to slot, for the articles whose first tally change is still to come. */
  private final LongIntHashMap unseen;
  private long[] latencies = new long[1024];
  private int latencyCount;
  private long published;
  private long chargedPublished;
  private long acknowledged;
  private long chargedSeen;
  private long otherSeen;
  private long expiredCharged;

  /** @param capacity articles tracked at once: the rate times the longest latency worth waiting for */
  BenchLatencies(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    sequence = new long[capacity];
    Arrays.fill(sequence, -1);
    fingerprint = new long[capacity];
    ackedAt = new long[capacity];
    seenAt = new long[capacity];
    charged = new boolean[capacity];
    // sized once for a full ring, so it never rehashes during the run
    unseen = new LongIntHashMap(capacity);
  }

  /** The capacity for pacing {@code rate}/s, tracking each article for {@code horizonSeconds} at most. */
  static int capacity(long totalArticles, int rate, int horizonSeconds, int max) {
    return (int) Math.max(1, Math.min(Math.min(totalArticles, max), (long) rate * horizonSeconds));
  }

  /**
   * Notes an article about to be published; returns its sequence number, to pass to
   * {@link #acknowledged}. The article {@code capacity} places earlier leaves the ring.
   */
  synchronized long published(String articleId, boolean reportsCharge) {
    long seq = published++;
    int slot = (int) (seq % capacity);
    if (sequence[slot] >= 0 && seenAt[slot] == NONE) {
      unseen.remove(fingerprint[slot]);
      if (charged[slot]) {
        expiredCharged++;
      }
    }
    long key = ArticleIds.fingerprint(articleId);
    sequence[slot] = seq;
    fingerprint[slot] = key;
    ackedAt[slot] = NONE;
    seenAt[slot] = NONE;
    charged[slot] = reportsCharge;
    unseen.put(key, slot);
    if (reportsCharge) {
      chargedPublished++;
    }
    return seq;
  }

  /** The broker acknowledged article {@code seq} at {@code nanos} ({@link System#nanoTime}). */
  synchronized void acknowledged(long seq, long nanos) {
    acknowledged++;
    int slot = (int) (seq % capacity);
    if (sequence[slot] != seq) {
      return;
    }
    ackedAt[slot] = nanos;
    if (seenAt[slot] != NONE) {
      addLatency(seenAt[slot] - nanos);
    }
  }

  /**
   * A tally change for {@code articleId} became visible at {@code nanos}. Only an article's first
   * change counts; changes of articles not tracked (any more) are ignored.
   */
  synchronized void changed(String articleId, long nanos) {
    long key = ArticleIds.fingerprint(articleId);
    int index = unseen.indexOf(key);
    if (!unseen.indexExists(index)) {
      return;
    }
    int slot = unseen.indexGet(index);
    unseen.indexRemove(index);
    seenAt[slot] = nanos;
    if (charged[slot]) {
      chargedSeen++;
    } else {
      otherSeen++;
    }
    if (ackedAt[slot] != NONE) {
      addLatency(nanos - ackedAt[slot]);
    }
  }

  private void addLatency(long nanos) {
    if (latencyCount == latencies.length) {
      latencies = Arrays.copyOf(latencies, latencies.length * 2);
    }
    latencies[latencyCount++] = Math.max(0, nanos);
  }

  /** Acknowledgement minus first visible change, in nanoseconds, for every article that has both. */
  synchronized long[] latencies() {
    return Arrays.copyOf(latencies, latencyCount);
  }

  synchronized long acknowledged() {
    return acknowledged;
  }

  synchronized long chargedPublished() {
    return chargedPublished;
  }

  synchronized long chargedSeen() {
    return chargedSeen;
  }

  synchronized long otherSeen() {
    return otherSeen;
  }

  /** Articles whose first tally change had been seen. */
  synchronized long seen() {
    return chargedSeen + otherSeen;
  }

  /** Articles with a charge still unseen when they left the ring: missing from the latencies. */
  synchronized long expiredCharged() {
    return expiredCharged;
  }

  /** Articles tracked while their first tally change is still to come: never more than the capacity. */
  synchronized int awaitingChange() {
    return unseen.size();
  }

  int capacity() {
    return capacity;
  }
}
