package io.stocksync.guardian;

/** One mapping checked: what we expect, what the channel showed, and the verdict. */
public record DriftCheck(MappingRow mapping, long expected, Long observed, Verdict verdict) {

  public long drift() {
    return observed == null ? 0 : observed - expected;
  }
}
