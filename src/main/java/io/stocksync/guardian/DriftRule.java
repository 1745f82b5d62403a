package io.stocksync.guardian;

/**
 * The reconciliation rule. A channel showing more than expected may oversell, so it is acted on at once. A channel
 * showing less than expected may simply have sold an item whose order webhook has not reached us yet: pushing the
 * higher level would re-list sold-out stock, so such an upward correction is believed only when two consecutive
 * reads of the channel agree.
 */
public final class DriftRule {

  private DriftRule() {}

  /**
   * @param expected max(0, on-hand - buffer)
   * @param observed the channel's level now, null if the channel does not know the item
   * @param previous the level the previous Guardian read saw while the channel was below expected, else null
   * @param threshold the largest drift repaired automatically
   */
  public static Verdict decide(long expected, Long observed, Long previous, int threshold) {
    if (observed == null) {
      return Verdict.NOT_ON_CHANNEL;
    }
    long drift = Math.abs(observed - expected);
    if (drift == 0) {
      return Verdict.IN_SYNC;
    }
    if (observed < expected && !observed.equals(previous)) {
      return Verdict.AWAIT_SECOND_READ;
    }
    return drift <= threshold ? Verdict.REPAIR : Verdict.ALERT;
  }
}
