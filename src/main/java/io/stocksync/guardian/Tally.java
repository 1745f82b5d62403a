package io.stocksync.guardian;

import java.io.Serializable;

/** A run's counters (or a chunk's share of them). */
public record Tally(long checked, long inSync, long repaired, long alerted, long skipped, long failed)
    implements Serializable {

  private static final long serialVersionUID = 1L;
  public static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0);

  public Tally plus(Tally o) {
    return new Tally(checked + o.checked, inSync + o.inSync, repaired + o.repaired, alerted + o.alerted,
        skipped + o.skipped, failed + o.failed);
  }
}
