package io.stocksync.guardian;

/** What one check of one mapping concluded. */
public enum Verdict {
  /** The channel shows the expected level. */
  IN_SYNC,
  /** Drift within the threshold: push the expected level. */
  REPAIR,
  /** Drift beyond the threshold: raise a DRIFT alert, leave the channel alone. */
  ALERT,
  /** The channel shows less than expected for the first time: believed only when the next read agrees. */
  AWAIT_SECOND_READ,
  /** The channel does not know the item: nothing to compare. */
  NOT_ON_CHANNEL
}
