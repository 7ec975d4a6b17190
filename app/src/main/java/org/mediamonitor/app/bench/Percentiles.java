package org.mediamonitor.app.bench;

import java.util.Arrays;

/** Percentiles of a sample by the nearest-rank method: the smallest value with at least p% of the sample at or below it. */
public final class Percentiles {

  private final long[] sorted;

  public Percentiles(long[] values) {
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  public int count() {
    return sorted.length;
  }

  /**
   * @param p the percentile, 0 &lt; p &lt;= 100
   * @throws IllegalStateException when the sample is empty
   */
  public long percentile(double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be within (0, 100]: " + p);
    }
    if (sorted.length == 0) {
      throw new IllegalStateException("no values");
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(1, rank) - 1];
  }

  public long max() {
    if (sorted.length == 0) {
      throw new IllegalStateException("no values");
    }
    return sorted[sorted.length - 1];
  }
}
