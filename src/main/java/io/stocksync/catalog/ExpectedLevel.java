package io.stocksync.catalog;

/** What a channel should show: on-hand less the units held back from it, never below zero. */
public final class ExpectedLevel {

  private ExpectedLevel() {}

  public static long of(long onHand, int bufferStock) {
    return Math.max(0, onHand - bufferStock);
  }
}
