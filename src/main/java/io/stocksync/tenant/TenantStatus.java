package io.stocksync.tenant;

/** DELETING: marked for deletion, its rows being purged in batches; DELETED: the tombstone left afterwards. */
public enum TenantStatus {
  ACTIVE, PAUSED, DELETING, DELETED;

  /** Whether the tenant still takes new data (API writes, webhooks). */
  public boolean isLive() {
    return this == ACTIVE || this == PAUSED;
  }
}
