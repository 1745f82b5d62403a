package io.stocksync.guardian;

import java.util.List;

/** The processor's result for one page: every mapping's check, or the whole page skipped (with why). */
public record CheckedPage(List<DriftCheck> checks, int skipped, String skipReason) {

  static CheckedPage skippedWhole(int size, String reason) {
    return new CheckedPage(List.of(), size, reason);
  }
}
