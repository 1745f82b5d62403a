package io.stocksync.alert.notify;

import java.time.Duration;

/**
 * When a notification is tried again after a round failed (a round = one call with its in-line Fault Tolerance
 * retries): the first delay, doubled after each further failed round, capped; after maxRounds rounds it is given up.
 */
public record RoundSchedule(Duration firstDelay, Duration maxDelay, int maxRounds) {

  /** Whether a notification that has failed this many rounds is given up. */
  public boolean givesUpAfter(int failedRounds) {
    return failedRounds >= maxRounds;
  }

  /** The wait before the next round, after failedRounds (1 or more) failed rounds. */
  public Duration delayAfter(int failedRounds) {
    int doublings = Math.min(Math.max(failedRounds - 1, 0), 30);
    Duration delay = firstDelay.multipliedBy(1L << doublings);
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
