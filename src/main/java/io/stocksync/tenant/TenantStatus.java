package io.stocksync.tenant;

public enum TenantStatus {
  ACTIVE, PAUSED, DELETED
}
